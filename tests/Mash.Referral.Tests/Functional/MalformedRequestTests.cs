using System.Net;
using System.Net.Http.Headers;
using Mash.Platform.Auth;
using Mash.Referral.Tests.Support;

namespace Mash.Referral.Tests.Functional;

/// <summary>
/// Bytes that are not a request message are the caller's mistake: INVALID_ARGUMENT with a reason
/// (grpc-dotnet alone answered UNKNOWN "Exception was thrown by handler." or INTERNAL
/// "Incomplete message."), and the service answers the next call as usual.
/// </summary>
public sealed class MalformedRequestTests
{
    public static readonly TheoryData<string, byte[], string> Bodies = new()
    {
        { "invalid tag", [0, 0, 0, 0, 2, 0x00, 0x01], "not a valid" },
        { "reserved wire type", [0, 0, 0, 0, 1, 0x0E], "not a valid" },
        { "length past the end", [0, 0, 0, 0, 9, 0x0A, 0x01], "ends after" },
        { "two messages", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], "more than one message" },
        { "unknown flag", [7, 0, 0, 0, 0], "compression flag" },
        { "compressed, no encoding", [1, 0, 0, 0, 0], "no grpc-encoding" },
        { "short prefix", [0, 0], "length prefix" },
        { "nested groups", DeepGroups(150), "nesting" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_body_that_is_not_a_request_message_is_invalid_argument(string kind, byte[] body, string reason)
    {
        using var app = new ReferralApp();
        using var http = app.CreateDefaultClient();

        var (status, message) = await CallAsync(app, http, body);

        Assert.True(status == "3", $"{kind}: grpc-status {status} '{message}'");
        Assert.Contains(reason, message, StringComparison.Ordinal);
        var (next, _) = await CallAsync(app, http, [0, 0, 0, 0, 0]);
        Assert.True(next == "0", $"the next, valid call: grpc-status {next}");
    }

    private static async Task<(string? Status, string Message)> CallAsync(ReferralApp app, HttpClient http, byte[] body)
    {
        var token = app.Tokens.Mint("police-mash", AgencyNames.Police, [MashRoles.ReferralRead]);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mash.referral.v1.ReferralService/ListReferrals")
        {
            Version = HttpVersion.Version20,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        request.Headers.TryAddWithoutValidation("x-mash-purpose", "MASH screening");
        request.Headers.TryAddWithoutValidation("x-mash-lawful-basis", "LAWFUL_BASIS_PUBLIC_TASK");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        string? Header(string name) => response.Headers.TryGetValues(name, out var v) || response.TrailingHeaders.TryGetValues(name, out v) ? v.First() : null;
        return (Header("grpc-status"), Uri.UnescapeDataString(Header("grpc-message") ?? ""));
    }

    private static byte[] DeepGroups(int depth)
    {
        // Unknown field 99 as a group (start 0x9B 0x06, end 0x9C 0x06), nested past protobuf's limit of 100.
        var message = Enumerable.Repeat(new byte[] { 0x9B, 0x06 }, depth).Concat(Enumerable.Repeat(new byte[] { 0x9C, 0x06 }, depth)).SelectMany(b => b).ToArray();
        var length = BitConverter.GetBytes(message.Length);
        Array.Reverse(length);
        return [0, .. length, .. message];
    }
}
