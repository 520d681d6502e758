using Grpc.Core;
using Mash.Abuse.Tests.Infrastructure;

namespace Mash.Abuse.Tests.BadInput;

/// <summary>What a refusal must look like to a partner: the expected status and a message a person can act on.</summary>
public static class Answers
{
    private static readonly string[] Leaks = ["Exception", "   at ", "System.", "Google.Protobuf", "Grpc.AspNetCore", "Microsoft."];

    /// <summary>Why this answer is wrong for the case, or null when it is right.</summary>
    public static string? Problem(RawAnswer answer, StatusCode expected, StatusCode? orElse = null)
    {
        if (answer.Status != expected && (orElse is null || answer.Status != orElse))
        {
            return $"expected {expected}, got {answer}";
        }

        if (string.IsNullOrWhiteSpace(answer.Message) || answer.Message.Length < 15)
        {
            return $"no clear message: {answer}";
        }

        return Leaks.FirstOrDefault(leak => answer.Message.Contains(leak, StringComparison.Ordinal)) is { } leak
            ? $"message shows internals ('{leak}'): {answer}"
            : null;
    }
}
