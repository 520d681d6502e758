using System.Net;
using Grpc.Core;
using Mash.Abuse.Tests.Access;
using Mash.Abuse.Tests.Infrastructure;
using Mash.Contracts.Referral.V1;
using Google.Protobuf;

namespace Mash.Abuse.Tests.Isolation;

/// <summary>
/// A request body sent a byte a second gets one documented answer at the gateway, every time:
/// DEADLINE_EXCEEDED (REST: 408) once the gateway's wait (3 s in this node) is over; another
/// agency's calls meanwhile all succeed.
/// </summary>
[Collection(AbuseCollection.Name)]
public sealed class SlowBodyTests(AbuseNode node)
{
    [Fact]
    public async Task A_trickled_grpc_body_is_deadline_exceeded_every_time_and_other_calls_succeed()
    {
        var message = RawGrpc.Frame(new GetReferralRequest { ReferralId = "slow-body" }.ToByteArray());
        var slow = Enumerable.Range(0, 4).Select(_ => node.Raw.SendAsync(node.GatewayAddress,
            "/mash.referral.v1.ReferralService/GetReferral", new TrickledContent(message), node.Tokens.WithRoles(RoleTable.Roles))).ToList();
        var socialCare = node.Tokens.WithRoles(RoleTable.Roles, agency: "children-social-care", clientId: "social-care-mash");
        var others = new List<RawAnswer>();
        while (!slow.All(t => t.IsCompleted))
        {
            others.Add(await node.Raw.CallAsync(node.GatewayAddress, "/mash.referral.v1.ReferralService/ListReferrals", RawGrpc.Frame([]), socialCare));
        }

        Assert.All(await Task.WhenAll(slow), answer => Assert.True(
            answer.Status == StatusCode.DeadlineExceeded && answer.Message.Contains("did not arrive in time", StringComparison.Ordinal), answer.ToString()));
        Assert.NotEmpty(others);
        Assert.All(others, answer => Assert.Equal(StatusCode.OK, answer.Status));
    }

    [Fact]
    public async Task A_rest_body_that_stops_arriving_is_a_408_with_the_same_reason()
    {
        // By hand over a socket: a client that is still sending reads the early answer, as curl does.
        var gateway = new Uri(node.Options.GatewayHttpAddress);
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(gateway.Host, gateway.Port);
        var stream = tcp.GetStream();
        var head = $"POST /v1/referrals HTTP/1.1\r\nHost: {gateway.Authority}\r\nAuthorization: Bearer {node.Tokens.WithRoles(RoleTable.Roles)}\r\n"
            + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"idem";
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(head));

        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        var answer = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.StartsWith("HTTP/1.1 408", answer, StringComparison.Ordinal);
        Assert.Contains("did not arrive in time", answer, StringComparison.Ordinal);
    }

    /// <summary>Sends its bytes one a second, as a stalled or hostile client does.</summary>
    private sealed class TrickledContent(byte[] bytes) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            foreach (var b in bytes)
            {
                await stream.WriteAsync(new[] { b });
                await stream.FlushAsync();
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
