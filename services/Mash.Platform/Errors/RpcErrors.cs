using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Mash.Platform.Errors;

/// <summary>The gRPC errors services answer with, each carrying google.rpc details.</summary>
public static class RpcErrors
{
    public static RpcException NotFound(string resourceType, string resourceName) => new Google.Rpc.Status
    {
        Code = (int)Code.NotFound,
        Message = $"No {resourceType} '{resourceName}' exists.",
        Details = { Any.Pack(new ResourceInfo { ResourceType = resourceType, ResourceName = resourceName }) },
    }.ToRpcException();

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
}
