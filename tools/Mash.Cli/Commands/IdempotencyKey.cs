namespace Mash.Cli;

/// <summary>
/// <c>--key</c> for calls that create something (<c>submit</c>, <c>raise-flag</c>): as given, or a
/// new one shown on stderr before the call, so after a timeout the same call can be retried
/// without creating a second record.
/// </summary>
internal static class IdempotencyKey
{
    public const string Option = "key";

    /// <param name="what">What a retry repeats, for the hint: "this submission", "this flag".</param>
    public static string Resolve(CommandContext context, string what)
    {
        var key = context.Arguments.Value(Option);
        if (key is null)
        {
            key = Guid.NewGuid().ToString();
            context.Err.WriteLine($"Idempotency key: {key} (to retry {what} safely: --key {key})");
        }
        else if (key.Length is 0 or > 128 || key.Any(c => c is <= ' ' or >= '\u007f'))
        {
            throw new UsageException("--key must be 1 to 128 printable ASCII characters without spaces");
        }

        return key;
    }
}
