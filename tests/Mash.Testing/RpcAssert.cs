using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace Mash.Testing;

/// <summary>How a call failed, as a caller sees it: the status code and the fields named in google.rpc.BadRequest.</summary>
public static class RpcAssert
{
    public static async Task<RpcException> FailsWith(StatusCode code, Func<Task> call)
    {
        var exception = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, exception.StatusCode);
        return exception;
    }

    public static IReadOnlyList<string> ViolatedFields(RpcException exception) =>
        exception.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field).ToList() ?? [];
}
