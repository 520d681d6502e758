using Google.Rpc;
using Grpc.Core;

namespace Mash.Cli;

/// <summary>
/// Errors as one short line on stderr, never a stack trace: integrators paste these into
/// tickets, and the gRPC code plus the server's message is what they need.
/// </summary>
internal static class ErrorReporter
{
    /// <summary>
    /// <c>error: INVALID_ARGUMENT: message</c>, then one line per field the server named in a
    /// google.rpc.BadRequest so every bad field can be fixed in one go.
    /// </summary>
    public static void Report(TextWriter errors, RpcException exception, Uri? gateway)
    {
        var message = exception.Status.Detail;
        var badRequest = RichStatus(exception)?.GetDetail<BadRequest>();
        var violations = badRequest?.FieldViolations.Select(v => $"{v.Field}: {v.Description}").ToList() ?? [];
        // Mash services also append the violations to the message; they are listed below instead.
        var repeated = " " + string.Join(" ", violations);
        if (violations.Count > 0 && message.EndsWith(repeated, StringComparison.Ordinal))
        {
            message = message[..^repeated.Length];
        }

        if (Cause(exception.Status.DebugException) is { } cause && !message.Contains(cause, StringComparison.Ordinal))
        {
            message = $"{message} Cause: {cause}";
        }

        if (exception.StatusCode == StatusCode.Unavailable && gateway is not null)
        {
            message = $"{message} (gateway {gateway})";
        }

        errors.WriteLine(message.Length == 0 ? $"error: {CodeName(exception.StatusCode)}" : $"error: {CodeName(exception.StatusCode)}: {message}");
        foreach (var violation in violations)
        {
            errors.WriteLine("  " + violation);
        }
    }

    /// <summary>The canonical gRPC code name (UNAVAILABLE, not Unavailable), as in every gRPC language's docs.</summary>
    public static string CodeName(StatusCode code) =>
        CodeReflection.Descriptor.EnumTypes[0].FindValueByNumber((int)code)?.Name ?? code.ToString();

    /// <summary>
    /// A client-side failure (e.g. "Error connecting to subchannel.") says nothing about why;
    /// the HTTP error under it names the address and the reason, such as connection refused.
    /// </summary>
    private static string? Cause(Exception? exception)
    {
        var chain = new List<Exception>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            chain.Add(e);
        }

        return chain.Count == 0 ? null : (chain.OfType<HttpRequestException>().FirstOrDefault() ?? chain[^1]).Message;
    }

    private static Google.Rpc.Status? RichStatus(RpcException exception)
    {
        try
        {
            return exception.GetRpcStatus();
        }
        catch (Google.Protobuf.InvalidProtocolBufferException)
        {
            // A malformed grpc-status-details-bin trailer must not hide the error itself.
            return null;
        }
    }
}
