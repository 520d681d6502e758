using System.Text;
using Grpc.Core;
using Google.Protobuf;
using Mash.Abuse.Tests.Access;
using Mash.Abuse.Tests.Infrastructure;
using Mash.Contracts.Referral.V1;
using Mash.Node.Hosting;

namespace Mash.Abuse.Tests.Isolation;

/// <summary>
/// One agency's malformed calls run while another agency works: the other agency's calls all
/// succeed, and the malformed ones get a client error, never an outage. Through the gateway and
/// at the service directly.
/// </summary>
[Collection(AbuseCollection.Name)]
public sealed class OtherAgencyTests(AbuseNode node)
{
    private const string ListReferrals = "/mash.referral.v1.ReferralService/ListReferrals";

    public static TheoryData<string, string, int> LongIdCalls() => new()
    {
        { "/mash.referral.v1.ReferralService/GetReferral", "referral_id", 20_000 },
        { "/mash.referral.v1.ReferralService/GetReferral", "referral_id", 40_000 },
        { "/mash.assessment.v1.AssessmentService/GetAssessment", "assessment_id", 40_000 },
        { "/mash.strategy.v1.StrategyDiscussionService/GetDiscussion", "discussion_id", 40_000 },
    };

    [Theory]
    [MemberData(nameof(LongIdCalls))]
    public async Task A_long_unknown_id_is_a_client_error_and_another_agencys_calls_in_flight_all_succeed(string method, string field, int length)
    {
        var descriptor = PublicRpcs.Find(method).InputType;
        var request = (IMessage)Activator.CreateInstance(descriptor.ClrType)!;
        descriptor.FindFieldByName(field).Accessor.SetValue(request, new string('7', length));

        await RunAlongsideAsync(method, RawGrpc.Frame(request.ToByteArray()), field, headers: null);
    }

    [Fact]
    public async Task Fifty_thousand_filter_values_are_a_client_error_and_another_agencys_calls_all_succeed()
    {
        var request = new ListReferralsRequest();
        request.Statuses.AddRange(Enumerable.Repeat(ReferralStatus.AwaitingScreening, 50_000));

        await RunAlongsideAsync(ListReferrals, RawGrpc.Frame(request.ToByteArray()), "statuses", headers: null);
    }

    [Fact]
    public async Task A_header_the_gateway_cannot_forward_is_a_client_error_and_another_agencys_calls_all_succeed()
    {
        var header = new[] { KeyValuePair.Create("x-mash-purpose", "café") };
        var answers = await AlongsideAsync(node.GatewayAddress, ListReferrals, RawGrpc.Frame([]), header, Utf8Raw);

        Assert.All(answers.Abusive, answer => Assert.True(answer.Status == StatusCode.InvalidArgument && answer.Message.Contains("'x-mash-purpose'", StringComparison.Ordinal), answer.ToString()));
        Assert.All(answers.Others, answer => Assert.True(answer.Status == StatusCode.OK, answer.ToString()));
        // A service reached directly (inside the cluster) takes the header as Latin-1 text: not an outage either.
        var direct = await Utf8Raw.CallAsync(node.AddressOf(ServiceSpec.Referral), ListReferrals, RawGrpc.Frame([]), Police, headers: header);
        Assert.NotEqual(StatusCode.Unavailable, direct.Status);
        node.AssertAllProcessesRunning();
    }

    private static readonly RawGrpc Utf8Raw = new(Encoding.UTF8);

    private string Police => node.Tokens.WithRoles(RoleTable.Roles);

    private string SocialCare => node.Tokens.WithRoles(RoleTable.Roles, agency: "children-social-care", clientId: "social-care-mash");

    private async Task RunAlongsideAsync(string method, byte[] body, string field, IEnumerable<KeyValuePair<string, string>>? headers)
    {
        foreach (var address in new[] { node.GatewayAddress, node.DirectAddressOf(method.Split('/')[1]) })
        {
            var answers = await AlongsideAsync(address, method, body, headers, node.Raw);

            Assert.All(answers.Abusive, answer => Assert.True(
                answer.Status == StatusCode.InvalidArgument && answer.Message.Contains(field + ": ", StringComparison.Ordinal) && answer.Message.Length < 2_000,
                $"{address}: {answer.ToString()[..Math.Min(300, answer.ToString().Length)]}"));
            Assert.All(answers.Others, answer => Assert.True(answer.Status == StatusCode.OK, $"{address}, the other agency: {answer}"));
        }

        node.AssertAllProcessesRunning();
    }

    /// <summary>The other agency's everyday call to the same service, so both share the gateway's connection to it.</summary>
    private static string ListOf(string method) => method.Split('/')[1] switch
    {
        "mash.assessment.v1.AssessmentService" => "/mash.assessment.v1.AssessmentService/ListAssessments",
        "mash.strategy.v1.StrategyDiscussionService" => "/mash.strategy.v1.StrategyDiscussionService/ListDiscussions",
        _ => ListReferrals,
    };

    /// <summary>Five rounds, each of 3 abusive calls by the police and 20 list calls to the same service by children's social care, all at once.</summary>
    private async Task<(List<RawAnswer> Abusive, List<RawAnswer> Others)> AlongsideAsync(
        string address, string method, byte[] body, IEnumerable<KeyValuePair<string, string>>? headers, RawGrpc abusiveClient)
    {
        var abusive = new List<RawAnswer>();
        var others = new List<RawAnswer>();
        for (var round = 0; round < 5; round++)
        {
            var otherCalls = Enumerable.Range(0, 20).Select(_ => node.Raw.CallAsync(address, ListOf(method), RawGrpc.Frame([]), SocialCare)).ToList();
            var abusiveCalls = Enumerable.Range(0, 3).Select(_ => abusiveClient.CallAsync(address, method, body, Police, headers: headers)).ToList();
            abusive.AddRange(await Task.WhenAll(abusiveCalls));
            others.AddRange(await Task.WhenAll(otherCalls));
        }

        return (abusive, others);
    }
}
