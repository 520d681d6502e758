using Mash.Abuse.Tests.Access;
using Mash.Abuse.Tests.Infrastructure;
using Mash.Contracts.Referral.V1;
using Mash.Contracts.Strategy.V1;
using Mash.Platform.Audit;
using Mash.Testing.Nodes;

namespace Mash.Abuse.Tests.Audit;

/// <summary>
/// A scripted run of reads and writes of children's records: the audit trail holds exactly one
/// entry per record touched (method, record, caller, outcome), none for calls that touched
/// none, and a change to any stored entry is found by the verifier.
/// </summary>
[Collection(AbuseCollection.Name)]
public sealed class AuditTrailTests(AbuseNode node)
{
    private const string ReferralService = "/mash.referral.v1.ReferralService/";
    private const string StrategyService = "/mash.strategy.v1.StrategyDiscussionService/";

    [Fact]
    public async Task Every_read_and_write_of_a_childs_record_has_exactly_one_audit_entry()
    {
        // A client id of its own, so entries from other tests sharing the node are told apart.
        var clientId = "audit-script-" + Guid.NewGuid().ToString("N")[..8];
        var headers = NodeClient.Headers(node.Tokens.WithRoles(RoleTable.Roles, "police", clientId));
        var readOnly = NodeClient.Headers(node.Tokens.WithRoles([Mash.Platform.Auth.MashRoles.ReferralRead], "police", clientId));
        var referrals = node.Client.Referrals();
        var strategy = node.Client.Strategy();
        var expectedReferral = new List<(string Method, string RecordId)>();
        var expectedStrategy = new List<(string Method, string RecordId)>();

        var first = (await referrals.SubmitReferralAsync(WithChild(Referrals.Sample(clientId + "-1"), TestChildren.New("Ash")), headers)).Referral.ReferralId;
        expectedReferral.Add(("SubmitReferral", first));
        var second = (await referrals.SubmitReferralAsync(WithChild(Referrals.Sample(clientId + "-2"), TestChildren.New("Bo")), headers)).Referral.ReferralId;
        expectedReferral.Add(("SubmitReferral", second));
        await referrals.GetReferralAsync(new GetReferralRequest { ReferralId = first }, headers);
        expectedReferral.Add(("GetReferral", first));
        await referrals.RecordScreeningAsync(new RecordScreeningRequest { ReferralId = first, Rag = Rag.Red, Rationale = "Missing overnight twice, new phones: red." }, headers);
        expectedReferral.Add(("RecordScreening", first));
        await referrals.GetReferralAsync(new GetReferralRequest { ReferralId = second }, readOnly);
        expectedReferral.Add(("GetReferral", second));
        var listed = await referrals.ListReferralsAsync(new ListReferralsRequest(), readOnly);
        expectedReferral.AddRange(listed.Referrals.Select(r => ("ListReferrals", r.ReferralId)));

        // Calls that disclose no record leave no entry: an unknown id, a refused role, bad input.
        await Assert.ThrowsAnyAsync<Grpc.Core.RpcException>(() => referrals.GetReferralAsync(new GetReferralRequest { ReferralId = "no-such-referral" }, headers).ResponseAsync);
        await Assert.ThrowsAnyAsync<Grpc.Core.RpcException>(() => referrals.RecordDecisionAsync(new RecordDecisionRequest { ReferralId = first }, readOnly).ResponseAsync);
        await Assert.ThrowsAnyAsync<Grpc.Core.RpcException>(() => referrals.SubmitReferralAsync(new SubmitReferralRequest { IdempotencyKey = clientId + "-bad" }, headers).ResponseAsync);

        var child = TestChildren.New("Cy");
        var discussion = await strategy.RequireDiscussionAsync(new RequireDiscussionRequest
        {
            IdempotencyKey = clientId + "-sd", Child = child, Reason = "Significant harm suspected after disclosure at school.",
        }, headers);
        expectedStrategy.Add(("RequireDiscussion", discussion.DiscussionId));
        await strategy.GetDiscussionAsync(new GetDiscussionRequest { DiscussionId = discussion.DiscussionId }, headers);
        expectedStrategy.Add(("GetDiscussion", discussion.DiscussionId));

        AssertTrailMatches(AuditFile.Of(node, "referral"), ReferralService, clientId, expectedReferral);
        AssertTrailMatches(AuditFile.Of(node, "strategy"), StrategyService, clientId, expectedStrategy);
        Assert.True(listed.Referrals.Count >= 2);
    }

    [Fact]
    public async Task A_changed_removed_or_rehashed_audit_row_is_detected()
    {
        var clientId = "audit-tamper-" + Guid.NewGuid().ToString("N")[..8];
        var headers = NodeClient.Headers(node.Tokens.WithRoles(RoleTable.Roles, "police", clientId));
        var id = (await node.Client.Referrals().SubmitReferralAsync(WithChild(Referrals.Sample(clientId), TestChildren.New("Di")), headers)).Referral.ReferralId;
        for (var i = 0; i < 3; i++)
        {
            await node.Client.Referrals().GetReferralAsync(new GetReferralRequest { ReferralId = id }, headers);
        }

        using var folder = new TempFolder();
        var live = AuditFile.Of(node, "referral");
        var target = live.Entries().Last(e => e.ClientId == clientId).Sequence;
        Assert.True(live.Verify().Intact, live.Verify().Reason);

        // The trigger refuses the change even to someone with the file...
        var guarded = live.CopyTo(folder.File("guarded.db"));
        var refused = Assert.ThrowsAny<Microsoft.Data.Sqlite.SqliteException>(() => guarded.Execute($"UPDATE AuditEntries SET Outcome = 'OK' WHERE Sequence = {target}"));
        Assert.Contains(Mash.Platform.Persistence.AuditTrailMigrations.RefusalMessage, refused.Message, StringComparison.Ordinal);

        // ...and once it is dropped, the chain shows the change.
        var changed = live.CopyTo(folder.File("changed.db"));
        changed.Execute($"DROP TRIGGER AuditEntries_NoUpdate; UPDATE AuditEntries SET ClientId = 'someone-else' WHERE Sequence = {target}");
        AssertBrokenAt(changed.Verify(), target, "changed");

        var removed = live.CopyTo(folder.File("removed.db"));
        removed.Execute($"DROP TRIGGER AuditEntries_NoDelete; DELETE FROM AuditEntries WHERE Sequence = {target - 1}");
        AssertBrokenAt(removed.Verify(), target, "removed");

        // An editor who also recomputes the row's own hash still breaks the next row's link.
        var rehashed = live.CopyTo(folder.File("rehashed.db"));
        var entry = rehashed.Entries().Single(e => e.Sequence == target - 1);
        entry.Outcome = "PermissionDenied";
        var hash = AuditHasher.Compute(entry);
        rehashed.Execute($"DROP TRIGGER AuditEntries_NoUpdate; UPDATE AuditEntries SET Outcome = 'PermissionDenied', Hash = '{hash}' WHERE Sequence = {target - 1}");
        AssertBrokenAt(rehashed.Verify(), target, "link");

        Assert.True(live.Verify().Intact, "the live file is untouched");
    }

    private static void AssertBrokenAt(AuditVerification verification, long sequence, string reason)
    {
        Assert.False(verification.Intact);
        Assert.Equal(sequence, verification.FirstBrokenSequence);
        Assert.Contains(reason, verification.Reason, StringComparison.Ordinal);
    }

    private static void AssertTrailMatches(AuditFile file, string service, string clientId, List<(string Method, string RecordId)> expected)
    {
        var entries = file.Entries().Where(e => e.ClientId == clientId).ToList();
        var actual = entries.Select(e => (Method: e.Method.Replace(service, "", StringComparison.Ordinal), e.RecordId)).ToList();

        Assert.Equal(expected.Order(), actual.Order());
        Assert.All(entries, e =>
        {
            Assert.Equal("police", e.Agency);
            Assert.Equal("OK", e.Outcome);
            Assert.Equal("MASH screening", e.Purpose);
            Assert.Equal("LAWFUL_BASIS_PUBLIC_TASK", e.LawfulBasis);
            Assert.Matches("^[0-9a-f]{64}$", e.Hash);
            // The child is named by a keyed hash, never by an NHS number.
            Assert.Matches("^[0-9a-zA-Z_-]{20,}$", e.ChildKey);
        });
        Assert.True(file.Verify().Intact, file.Verify().Reason);
    }

    private static SubmitReferralRequest WithChild(SubmitReferralRequest request, Mash.Contracts.Common.V1.ChildIdentity child)
    {
        child.Address = request.Details.Child.Address;
        request.Details.Child = child;
        return request;
    }

    private sealed class TempFolder : IDisposable
    {
        private readonly string _path = Directory.CreateTempSubdirectory("mash-audit-tamper-").FullName;

        public string File(string name) => System.IO.Path.Combine(_path, name);

        public void Dispose() => TempFolders.Delete(_path);
    }
}
