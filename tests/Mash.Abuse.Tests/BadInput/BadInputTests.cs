using System.Collections.Concurrent;
using Grpc.Core;
using Mash.Abuse.Tests.Access;
using Mash.Abuse.Tests.Infrastructure;
using Mash.Node.Hosting;

namespace Mash.Abuse.Tests.BadInput;

/// <summary>
/// Hundreds of generated bad requests through the gateway: each refused with INVALID_ARGUMENT
/// (or RESOURCE_EXHAUSTED when too large) and a plain message, none crashing anything; valid
/// calls still work afterwards.
/// </summary>
[Collection(AbuseCollection.Name)]
public sealed class BadInputTests(AbuseNode node)
{
    [Fact]
    public async Task Generated_bad_protobuf_and_broken_frames_are_refused_clearly_through_the_gateway()
    {
        var cases = BadInputCases.Generate();
        var token = node.Tokens.WithRoles(RoleTable.Roles);

        var wrong = await RunAsync(cases, node.GatewayAddress, token);

        Assert.True(cases.Count >= 500, $"only {cases.Count} cases");
        Assert.Equal(PublicRpcs.AllMethods.Count, cases.Select(c => c.Method).Distinct().Count());
        Assert.True(wrong.Count == 0, $"{cases.Count} cases, answered wrongly:\n{string.Join('\n', wrong.Take(60))}");
        await AssertStillServingAsync(token);
    }

    [Fact]
    public async Task Well_formed_requests_with_invalid_field_values_are_refused_by_every_rpc()
    {
        var cases = InvalidFieldCases.Generate();
        var token = node.Tokens.WithRoles(RoleTable.Roles);

        var wrong = await RunAsync(cases, node.GatewayAddress, token);

        Assert.True(wrong.Count == 0, $"{cases.Count} cases, answered wrongly:\n{string.Join('\n', wrong)}");
        await AssertStillServingAsync(token);
    }

    [Fact]
    public async Task The_same_bad_bytes_sent_to_a_service_directly_are_refused_there_too()
    {
        // The platform, not only the gateway, refuses them: services are reached directly inside a cluster.
        var cases = BadInputCases.Generate().Where((_, i) => i % 5 == 0).ToList();
        var token = node.Tokens.WithRoles(RoleTable.Roles);

        var wrong = new ConcurrentBag<string>();
        foreach (var group in cases.GroupBy(c => node.DirectAddressOf(c.Method.Split('/')[1])))
        {
            foreach (var problem in await RunAsync([.. group], group.Key, token))
            {
                wrong.Add(problem);
            }
        }

        Assert.True(wrong.IsEmpty, $"{cases.Count} cases, answered wrongly:\n{string.Join('\n', wrong.Take(60))}");
    }

    [Theory]
    [InlineData(2 * 1024 * 1024, null)]
    [InlineData(1024 * 1024 + 1, null)]
    [InlineData(64, 1024 * 1024 + 64)]
    [InlineData(64, int.MaxValue)]
    public async Task Oversized_messages_are_resource_exhausted(int actualBytes, int? declaredBytes)
    {
        // A string field of the given size inside a referral: a real message, only too big.
        var method = "/mash.referral.v1.ReferralService/SubmitReferral";
        var text = new string('x', actualBytes);
        var message = new Mash.Contracts.Referral.V1.SubmitReferralRequest { IdempotencyKey = text };
        var body = RawGrpc.Frame(Google.Protobuf.MessageExtensions.ToByteArray(message), declaredLength: declaredBytes);

        foreach (var address in new[] { node.GatewayAddress, node.AddressOf(ServiceSpec.Referral) })
        {
            var answer = await node.Raw.CallAsync(address, method, body, node.Tokens.WithRoles(RoleTable.Roles));

            Assert.True(Answers.Problem(answer, StatusCode.ResourceExhausted) is null, $"{address}: {Answers.Problem(answer, StatusCode.ResourceExhausted)}");
        }
    }

    [Theory]
    [InlineData(100 * 1024)]
    [InlineData(1000 * 1024)]
    public async Task A_message_larger_than_the_guard_holds_unread_reaches_the_service_whole(int bytes)
    {
        // A message over 64 KB that has not all arrived when the guard first reads is copied out as it arrives (unread,
        // it would hold HTTP/2's window shut); 1,000 KB always is, being larger than the window, while 100 KB may arrive
        // whole first and be read in place. Either way, under the 1 MB limit it is parsed and refused by the field's own
        // limit, with the field named.
        var method = "/mash.referral.v1.ReferralService/SubmitReferral";
        var message = new Mash.Contracts.Referral.V1.SubmitReferralRequest { IdempotencyKey = new string('x', bytes) };
        var body = RawGrpc.Frame(Google.Protobuf.MessageExtensions.ToByteArray(message));

        var answer = await node.Raw.CallAsync(node.AddressOf(ServiceSpec.Referral), method, body, node.Tokens.WithRoles(RoleTable.Roles));

        Assert.True(Answers.Problem(answer, StatusCode.InvalidArgument) is null, Answers.Problem(answer, StatusCode.InvalidArgument));
        Assert.Contains("idempotency_key", answer.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task A_non_grpc_content_type_on_a_grpc_path_is_refused_by_the_gateway_with_415(string contentType)
    {
        // Forwarded, it raced the service's early 415 and came back as 499 or 503 (fixed in the gateway).
        var token = node.Tokens.WithRoles(RoleTable.Roles);

        for (var attempt = 0; attempt < 10; attempt++)
        {
            var answer = await node.Raw.CallAsync(node.GatewayAddress, "/mash.referral.v1.ReferralService/ListReferrals", new byte[4096], token, contentType);

            Assert.True(answer.Http == System.Net.HttpStatusCode.UnsupportedMediaType, answer.ToString());
            Assert.Contains("\"code\":3,", answer.TextBody, StringComparison.Ordinal);
            Assert.Contains("application/grpc", answer.TextBody, StringComparison.Ordinal);
        }

        node.AssertAllProcessesRunning();
    }

    private async Task<IReadOnlyList<string>> RunAsync(IReadOnlyList<BadInputCase> cases, string address, string token)
    {
        var wrong = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (@case, _) =>
        {
            var answer = await node.Raw.CallAsync(address, @case.Method, @case.Body, token, headers: @case.Headers);
            if (Answers.Problem(answer, @case.Expected, @case.OrElse) is { } problem)
            {
                wrong.Add($"{@case.Kind} {@case.Method}: {problem} (e.g.)");
            }
        });
        // One line per kind of case and wrong answer, with a count: hundreds of lines say less.
        return [.. wrong.GroupBy(w => w[..w.LastIndexOf(" (e.g.", StringComparison.Ordinal)])
            .Select(g => $"{g.Count()} x {g.First()}").Order(StringComparer.Ordinal)];
    }

    private async Task AssertStillServingAsync(string token)
    {
        node.AssertAllProcessesRunning();
        foreach (var (address, method) in new[]
        {
            (node.GatewayAddress, "/mash.referral.v1.ReferralService/ListReferrals"),
            (node.GatewayAddress, "/mash.assessment.v1.AssessmentService/ListAssessments"),
            (node.GatewayAddress, "/mash.strategy.v1.StrategyDiscussionService/ListDiscussions"),
            (node.GatewayAddress, "/mash.offender.v1.OffenderService/ListNotificationBreaches"),
            (node.GatewayAddress, "/mash.custody.v1.CustodyService/ListDetentions"),
            (node.GatewayAddress, "/mash.investigation.v1.InvestigationService/ListInvestigations"),
        })
        {
            var answer = await node.Raw.CallAsync(address, method, RawGrpc.Frame([]), token);
            Assert.True(answer.Status == StatusCode.OK, $"{method} after the bad input: {answer}");
        }
    }
}
