using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Mash.Platform.Errors;

/// <summary>The gRPC errors services answer with, each carrying google.rpc details.</summary>
public static class RpcErrors
{
    /// <summary>The longest part of a caller's value an error quotes back.</summary>
    public const int MaxQuoted = 80;

    public static RpcException NotFound(string resourceType, string resourceName) => new Google.Rpc.Status
    {
        Code = (int)Code.NotFound,
        Message = $"No {resourceType} '{Quoted(resourceName)}' exists.",
        Details = { Any.Pack(new ResourceInfo { ResourceType = resourceType, ResourceName = Quoted(resourceName) }) },
    }.ToRpcException();

    /// <summary>
    /// A caller's value as an error may quote it: a short prefix, control characters replaced. An
    /// answer echoing a huge value twice (message and details) outgrows what proxies forward in
    /// trailers; and raw line breaks or escapes in it reach clients' logs and terminals.
    /// </summary>
    public static string Quoted(string value)
    {
        var prefix = value.Length <= MaxQuoted ? value : value[..MaxQuoted];
        var clean = string.Create(prefix.Length, prefix, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? '?' : source[i];
            }
        });
        return value.Length <= MaxQuoted ? clean : clean + "…";
    }

    public static RpcException FailedPrecondition(string subject, string type, string description) => new Google.Rpc.Status
    {
        Code = (int)Code.FailedPrecondition,
        Message = description,
        Details = { Any.Pack(new PreconditionFailure { Violations = { new PreconditionFailure.Types.Violation { Type = type, Subject = subject, Description = description } } }) },
    }.ToRpcException();

    public static RpcException AlreadyExists(string reason, string description) => new Google.Rpc.Status
    {
        Code = (int)Code.AlreadyExists,
        Message = description,
        Details = { Any.Pack(new ErrorInfo { Reason = reason, Domain = "mash" }) },
    }.ToRpcException();

    /// <summary>A write lost a race with another (its version moved on); the caller should read again and retry.</summary>
    public static RpcException Aborted(string description) =>
        new(new Grpc.Core.Status(StatusCode.Aborted, description));

    public static RpcException Unavailable(string description) =>
        new(new Grpc.Core.Status(StatusCode.Unavailable, description));

    /// <summary>The caller's role allows the call, but not on this record (another home's child, a profile with no open episode).</summary>
    public static RpcException PermissionDenied(string description) =>
        new(new Grpc.Core.Status(StatusCode.PermissionDenied, description));
}
