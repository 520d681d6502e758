using Google.Protobuf;
using Grpc.Core;
using Mash.Abuse.Tests.Access;
using Mash.Abuse.Tests.BadInput;
using Mash.Abuse.Tests.Infrastructure;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Strategy.V1;
using Mash.Platform.Auth;
using Mash.Testing.Nodes;

namespace Mash.Abuse.Tests.Privacy;

/// <summary>
/// Canary NHS numbers and names go in through every RPC that takes a child or a person:
/// accepted, refused for bad input, refused for the caller's role (at the gateway and at the
/// service), and as broken protobuf. With Mash's loggers at Debug, no process prints any of them.
/// </summary>
[Collection(AbuseCollection.Name)]
public sealed class CanaryLogTests(AbuseNode node)
{
    [Fact]
    public async Task No_canary_nhs_number_or_name_appears_in_any_process_output()
    {
        var canaries = new Canaries();
        var allRoles = node.Tokens.WithRoles(RoleTable.Roles);
        var seeded = PublicRpcs.AllMethods.Where(m => Canaries.NamesAChild(m.InputType)).ToList();

        await SendValidRequestsAsync(canaries, NodeClient.Headers(allRoles));
        foreach (var method in seeded)
        {
            var path = PublicRpcs.PathOf(method);
            var host = node.DirectAddressOf(method.Service.FullName);
            var forbidden = node.Tokens.WithRoles(RoleTable.Roles.Except(RoleTable.AllowedRoles[path]));
            var seededBytes = canaries.Seed(SampleMessages.Filled(method.InputType)).ToByteArray();
            var invalidNhs = canaries.Seed(SampleMessages.Filled(method.InputType), invalidNhsNumber: true).ToByteArray();

            await node.Raw.CallAsync(node.GatewayAddress, path, RawGrpc.Frame(seededBytes), allRoles);
            await node.Raw.CallAsync(node.GatewayAddress, path, RawGrpc.Frame(invalidNhs), allRoles);
            await node.Raw.CallAsync(host, path, RawGrpc.Frame(invalidNhs), allRoles);
            await node.Raw.CallAsync(node.GatewayAddress, path, RawGrpc.Frame(seededBytes), forbidden);
            await node.Raw.CallAsync(host, path, RawGrpc.Frame(seededBytes), forbidden);
            await node.Raw.CallAsync(host, path, RawGrpc.Frame(seededBytes.AsSpan(0, seededBytes.Length - 1)), allRoles);
            await node.Raw.CallAsync(host, path, RawGrpc.Frame(seededBytes), token: null);
        }

        // Console logging is asynchronous: give the last lines time to reach the captured output.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var output = node.Output().ToList();
        var leaks = output.Where(o => canaries.Values.Any(c => o.Line.Contains(c, StringComparison.OrdinalIgnoreCase))).Take(20).ToList();

        Assert.True(seeded.Count >= 8, $"only {seeded.Count} RPCs take a child");
        Assert.True(leaks.Count == 0, "canaries in the output:\n" + string.Join('\n', leaks.Select(l => $"[{l.Process}] {l.Line}")));
        // The capture works and reaches Debug-enabled services: the malformed canary calls were logged (without their content).
        Assert.Contains(output, o => o.Line.Contains("Refused a malformed request to mash.assessment.v1.AssessmentService/GetChildRiskProfile", StringComparison.Ordinal)
            || o.Line.Contains("Refused a malformed request to /mash.assessment.v1.AssessmentService/GetChildRiskProfile", StringComparison.Ordinal));
    }

    /// <summary>Requests a partner would really send, with the canary child, so the accepted paths (and their events) run too.</summary>
    private async Task SendValidRequestsAsync(Canaries canaries, Metadata headers)
    {
        var referral = Referrals.Sample("canary-" + Guid.NewGuid().ToString("N"));
        referral.Details.Child = canaries.Child.Clone();
        var calls = new Func<Task>[]
        {
            async () => await node.Client.Referrals().SubmitReferralAsync(referral, headers),
            async () => await node.Client.Assessments().GetChildRiskProfileAsync(new GetChildRiskProfileRequest { Child = canaries.Child }, headers),
            async () => await node.Client.Assessments().ScreenCseAsync(new ScreenCseRequest { Child = canaries.Child }, headers),
            async () => await node.Client.Assessments().RaiseCseFlagAsync(new RaiseCseFlagRequest
            {
                IdempotencyKey = "canary-flag-" + Guid.NewGuid().ToString("N"), Child = canaries.Child, Risk = CseRisk.High,
                Reason = "Seen with older men in cars after school.", Evidence = "School safeguarding log.", LawfulBasis = Mash.Contracts.Common.V1.LawfulBasis.PublicTask,
            }, headers),
            async () => await node.Client.Strategy().RequireDiscussionAsync(new RequireDiscussionRequest
            {
                IdempotencyKey = "canary-sd-" + Guid.NewGuid().ToString("N"), Child = canaries.Child, Reason = "Significant harm suspected.",
            }, headers),
            async () => await node.Client.Strategy().ListDiscussionsAsync(new ListDiscussionsRequest { Child = canaries.Child }, headers),
        };
        foreach (var call in calls)
        {
            try
            {
                await call();
            }
            catch (RpcException)
            {
                // A refusal is a path through the service too; only the logs are under test here.
            }
        }
    }
}
