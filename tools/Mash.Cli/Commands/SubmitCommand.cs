using Google.Protobuf;
using Mash.Contracts.Referral.V1;

namespace Mash.Cli;

/// <summary>
/// <c>submit</c>: sends a referral from a JSON file, or the built-in sample, received now or at
/// <c>--received-at</c>. The idempotency key is shown before the call, so after a timeout the same
/// referral can be retried with <c>--key</c> without creating a second one.
/// </summary>
internal sealed class SubmitCommand : ICliCommand
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);

    public string Name => "submit";

    public IReadOnlyList<string> Options => ["file", "received-at", IdempotencyKey.Option];

    public async Task<int> RunAsync(CommandContext context)
    {
        var details = context.Arguments.Value("file") is { } file ? Read(file) : SampleReferral.Create();
        var key = IdempotencyKey.Resolve(context, "this submission");

        var request = new SubmitReferralRequest { IdempotencyKey = key, Details = details };
        if (context.Arguments.Value("received-at") is { } receivedAt)
        {
            // When the contact came in (a call taken earlier and typed in now): every clock counts from it.
            request.ReceivedAt = LocalTimes.Parse("received-at", receivedAt);
        }

        var response = await context.Referrals.SubmitReferralAsync(request, await context.CallOptionsAsync());
        if (context.Settings.Json)
        {
            JsonOutput.Write(context.Out, response);
        }
        else
        {
            ReferralPrinter.PrintSubmitted(context.Out, response, key);
        }

        return 0;
    }

    /// <summary>ReferralDetails in the protobuf JSON mapping; unknown fields are refused so a typo is not silently dropped.</summary>
    private static ReferralDetails Read(string path)
    {
        try
        {
            return Parser.Parse<ReferralDetails>(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidProtocolBufferException)
        {
            // InvalidJsonException is an IOException, so malformed JSON lands here too.
            throw new UsageException($"cannot read a referral (ReferralDetails JSON) from '{path}': {e.Message}");
        }
    }
}
