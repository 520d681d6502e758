using System.CommandLine;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
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

    private readonly Option<string> _file = CliOptions.Text("--file", "FILE",
        "The referral as ReferralDetails JSON, proto field names (see tools/Mash.Cli/Samples/referral.json). "
        + "Without it, a built-in invented sample is sent.");
    private readonly Option<Timestamp?> _receivedAt = CliOptions.LocalTime("--received-at",
        "When the contact came in, if earlier than now (local time): every clock counts from it.");
    private readonly Option<string> _key = IdempotencyKey.Option("the same referral");

    public SubmitCommand() => Definition = new Command("submit",
        "Submit a referral. At a node that is not the area's MASH front door the referral is kept as the referrer's copy "
        + "and sent to the front door.")
    {
        _file, _receivedAt, _key,
    };

    public Command Definition { get; }

    public SubmitReferralRequest Request(CommandContext context) => new()
    {
        Details = context.Value(_file) is { } file ? Read(file) : SampleReferral.Create(),
        IdempotencyKey = IdempotencyKey.Resolve(context, _key, "this submission"),
        // When the contact came in (a call taken earlier and typed in now): every clock counts from it.
        ReceivedAt = context.Value(_receivedAt),
    };

    public async Task<int> RunAsync(CommandContext context)
    {
        var request = Request(context);
        var response = await context.Referrals.SubmitReferralAsync(request, await context.CallOptionsAsync());
        if (context.Settings.Json)
        {
            JsonOutput.Write(context.Out, response);
        }
        else
        {
            ReferralPrinter.PrintSubmitted(context.Out, response, request.IdempotencyKey);
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
