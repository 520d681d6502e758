using Google.Rpc;
using Grpc.Core;

namespace Mash.Platform.Errors;

/// <summary>
/// Collects every bad field of a request, then fails the call once with INVALID_ARGUMENT and a
/// google.rpc.BadRequest naming each of them, so a caller can fix all of them in one go.
/// </summary>
/// <remarks>
/// At most <see cref="MaxReported"/> violations are named: a request with 10,000 bad items
/// would otherwise get an answer too large for the trailers proxies forward.
/// </remarks>
public sealed class FieldViolations
{
    public const int MaxReported = 20;

    private readonly List<BadRequest.Types.FieldViolation> _violations = [];
    private int _notReported;

    public bool HasViolations => _violations.Count > 0;
    public IReadOnlyList<BadRequest.Types.FieldViolation> Items => _violations;

    private bool IsFull => _violations.Count >= MaxReported;

    public FieldViolations Add(string field, string description)
    {
        if (IsFull)
        {
            _notReported++;
            return this;
        }

        _violations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });
        return this;
    }

    public FieldViolations Require(bool condition, string field, string description) =>
        condition ? this : Add(field, description);

    public void ThrowIfAny(string message = "The request has invalid fields.")
    {
        if (HasViolations)
        {
            throw ToException(message);
        }
    }

    public RpcException ToException(string message = "The request has invalid fields.")
    {
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(_violations);
        var summary = message + " " + string.Join(" ", _violations.Select(v => $"{v.Field}: {v.Description}"))
            + (_notReported > 0 ? $" (and {_notReported} more)" : "");
        return new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = summary,
            Details = { Google.Protobuf.WellKnownTypes.Any.Pack(badRequest) },
        }.ToRpcException();
    }
}
