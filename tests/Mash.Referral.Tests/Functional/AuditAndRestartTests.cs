using Mash.Contracts.Referral.V1;
using Mash.Platform.Audit;
using Mash.Referral.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Mash.Referral.Tests.Functional;

public sealed class AuditAndRestartTests : IDisposable
{
    // Kept by the test, so the restarted service trusts the same tokens.
    private readonly TestTokens _tokens = new();
    private readonly ReferralApp _app;

    public AuditAndRestartTests() => _app = new ReferralApp(tokens: _tokens);

    [Fact]
    public async Task Every_read_and_write_of_a_child_record_is_audited_with_who_why_and_outcome()
    {
        var client = _app.Client();
        var id = (await client.SubmitReferralAsync(Samples.Submit("audit"), _app.As("police-mash"))).Referral.ReferralId;
        await client.GetReferralAsync(new GetReferralRequest { ReferralId = id }, _app.As("health-mash", "health"));
        await client.ListReferralsAsync(new ListReferralsRequest(), _app.As("social-care-mash", "children-social-care"));

        var entries = await _app.WithDbAsync(db => db.AuditEntries.OrderBy(e => e.Sequence).ToListAsync());

        Assert.Equal(
            ["/mash.referral.v1.ReferralService/SubmitReferral", "/mash.referral.v1.ReferralService/GetReferral", "/mash.referral.v1.ReferralService/ListReferrals"],
            entries.Select(e => e.Method));
        Assert.Equal(["police", "health", "children-social-care"], entries.Select(e => e.Agency));
        Assert.All(entries, e => Assert.Equal(id, e.RecordId));
        Assert.All(entries, e => Assert.Equal("OK", e.Outcome));
        Assert.All(entries, e => Assert.Equal("LAWFUL_BASIS_PUBLIC_TASK", e.LawfulBasis));
        Assert.All(entries, e => Assert.Equal("MASH screening", e.Purpose));
        Assert.Single(entries.Select(e => e.ChildKey).Distinct());
        Assert.DoesNotContain(Samples.ValidNhsNumber, entries[0].ChildKey, StringComparison.Ordinal);
        Assert.True((await _app.WithDbAsync(db => AuditVerifier.VerifyAsync(db))).Intact);
    }

    [Fact]
    public async Task A_retry_is_audited_against_the_referral_it_replays_and_nothing_else()
    {
        var client = _app.Client();
        var id = (await client.SubmitReferralAsync(Samples.Submit("retried"), _app.As("police-mash"))).Referral.ReferralId;

        var replay = await client.SubmitReferralAsync(Samples.Submit("retried"), _app.As("police-mash"));

        Assert.True(replay.Replayed);
        var entries = await _app.WithDbAsync(db => db.AuditEntries.OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal([id, id], entries.Select(e => e.RecordId));
        Assert.Equal(1, await _app.WithDbAsync(db => db.Referrals.CountAsync()));
        Assert.True((await _app.WithDbAsync(db => AuditVerifier.VerifyAsync(db))).Intact);
    }

    [Fact]
    public async Task A_refused_write_to_a_record_is_audited_with_its_outcome()
    {
        var client = _app.Client();
        var id = (await client.SubmitReferralAsync(Samples.Submit("refused"), _app.As("police-mash"))).Referral.ReferralId;
        await Assert.ThrowsAsync<global::Grpc.Core.RpcException>(() => client.RecordDecisionAsync(
            new RecordDecisionRequest { ReferralId = id, Outcome = ReferralOutcome.EarlyHelp, Rationale = "x" }, _app.As("police-mash")).ResponseAsync);

        var last = await _app.WithDbAsync(db => db.AuditEntries.OrderBy(e => e.Sequence).LastAsync());
        Assert.Equal("/mash.referral.v1.ReferralService/RecordDecision", last.Method);
        Assert.Equal("FailedPrecondition", last.Outcome);
    }

    [Fact]
    public async Task Referrals_survive_a_restart_of_the_service()
    {
        var id = (await _app.Client().SubmitReferralAsync(Samples.Submit("durable"), _app.As("police-mash"))).Referral.ReferralId;
        _app.Dispose();

        using var restarted = new ReferralApp(_app.DataDirectory, _tokens);
        var again = await restarted.Client().GetReferralAsync(new GetReferralRequest { ReferralId = id }, restarted.As("police-mash"));
        Assert.Equal("Amy", again.Details.Child.GivenName);
        var replay = await restarted.Client().SubmitReferralAsync(Samples.Submit("durable"), restarted.As("police-mash"));
        Assert.True(replay.Replayed);
    }

    public void Dispose()
    {
        _app.Dispose();
        _tokens.Dispose();
    }
}
