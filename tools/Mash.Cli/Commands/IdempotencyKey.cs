using System.CommandLine;

namespace Mash.Cli;

/// <summary>
/// <c>--key</c> for calls that create something (<c>submit</c>, <c>raise-flag</c>,
/// <c>require-discussion</c>): as given, or a new one shown on stderr before the call, so after a
/// timeout the same call can be retried without creating a second record.
/// </summary>
internal static class IdempotencyKey
{
    /// <param name="what">What a retry with the same key returns: "the same referral".</param>
    public static Option<string> Option(string what)
    {
        var option = CliOptions.Text("--key", "K",
            $"Makes retries safe: the same key returns {what}. A new key is generated and printed when none is given.");
        option.Validators.Add(result =>
        {
            if (result.Tokens.Any(token => token.Value.Length is 0 or > 128 || token.Value.Any(c => c is <= ' ' or >= '\u007f')))
            {
                result.AddError("--key must be 1 to 128 printable ASCII characters without spaces");
            }
        });
        return option;
    }

    /// <param name="what">What a retry repeats, for the hint: "this submission", "this flag".</param>
    public static string Resolve(CommandContext context, Option<string> option, string what)
    {
        if (context.Value(option) is { } key)
        {
            return key;
        }

        key = Guid.NewGuid().ToString();
        context.Err.WriteLine($"Idempotency key: {key} (to retry {what} safely: --key {key})");
        return key;
    }
}
