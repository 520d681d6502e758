using Grpc.Core;
using Grpc.Core.Interceptors;
using Mash.Platform.Auth;
using Mash.Platform.Persistence;

namespace Mash.Platform.Audit;

/// <summary>
/// Fills <see cref="CallAudit"/> from the call, and after the handler appends an entry for
/// each record it touched, with the outcome, unless the handler already saved them with its
/// changes. A read whose audit entry cannot be written fails: no unaudited disclosure.
/// </summary>
internal sealed class AuditInterceptor(CallAudit call, AuditTrail trail, IMashDbContextFactory contexts) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var user = context.GetHttpContext().User;
        call.Caller = CallerIdentity.From(user);
        call.Method = context.Method;
        call.Purpose = context.RequestHeaders.GetValue(CallAudit.PurposeHeader)?.Trim() ?? "";
        call.LawfulBasis = context.RequestHeaders.GetValue(CallAudit.LawfulBasisHeader)?.Trim().ToUpperInvariant() ?? "";
        // Before the handler: a malformed practitioner is INVALID_ARGUMENT with nothing done.
        call.Practitioner = PractitionerHeaders.From(context.RequestHeaders, user);

        TResponse response;
        try
        {
            response = await continuation(request, context);
        }
        catch (RpcException refused)
        {
            await AppendIfNeededAsync(refused.StatusCode.ToString(), context.CancellationToken);
            throw;
        }
        catch (Exception)
        {
            await AppendIfNeededAsync("Error", CancellationToken.None);
            throw;
        }

        await AppendIfNeededAsync("OK", context.CancellationToken);
        return response;
    }

    private async Task AppendIfNeededAsync(string outcome, CancellationToken cancellationToken)
    {
        if (call.Persisted || call.Subjects.Count == 0)
        {
            return;
        }

        // A fresh context: the handler's may hold changes it never meant to save.
        await using var db = contexts.Create();
        await trail.AppendAsync(db, outcome, cancellationToken);
    }
}
