using Grpc.Core;
using Grpc.Net.Client;
using Mash.Assessment.Tests.Support;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Governance.V1;
using Mash.Platform.Audit;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Outbox;
using Mash.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Mash.Assessment.Tests.Functional;

/// <summary>The Assessment service's part of the governance answers, and the practitioner and agreement rules it keeps.</summary>
public sealed class GovernanceTests : IDisposable
{
    private readonly List<AssessmentApp> _apps = [];

    public void Dispose()
    {
        _apps.ForEach(app => app.Dispose());
        GC.SuppressFinalize(this);
    }

    private AssessmentApp App(params (string Key, string Value)[] settings)
    {
        var app = new AssessmentApp(null, settings: settings.ToDictionary(s => s.Key, s => s.Value));
        _apps.Add(app);
        return app;
    }

    private static ServiceGovernance.ServiceGovernanceClient Governance(AssessmentApp app) =>
        new(GrpcChannel.ForAddress(app.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = app.Server.CreateHandler() }));

    private static Metadata WithPractitioner(Metadata headers)
    {
        headers.Add(PractitionerHeaders.Id, "sw-4411");
        headers.Add(PractitionerHeaders.Name, "Sam Hill");
        headers.Add(PractitionerHeaders.Role, "social worker");
        return headers;
    }

    [Fact]
    public async Task Where_the_area_requires_it_a_change_without_a_practitioner_is_refused_and_nothing_is_stored()
    {
        var app = App(("Mash:Audit:RequirePractitionerForWrites", "true"));
        var child = Samples.Child();

        var refused = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => app.Client().RaiseCseFlagAsync(Samples.Raise(child), app.As()).ResponseAsync);

        Assert.Contains(PractitionerHeaders.Id, refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.CseFlags.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync()));

        var flag = await app.Client().RaiseCseFlagAsync(Samples.Raise(child), WithPractitioner(app.As()));
        var entry = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.RecordId == flag.FlagId && e.Outcome == "OK"));
        Assert.Equal(("social-care-mash", "sw-4411", "Sam Hill", "social worker", PractitionerSource.CallerMetadata),
            (entry.ClientId, entry.PractitionerId, entry.PractitionerName, entry.PractitionerRole, entry.PractitionerSource));
    }

    [Fact]
    public async Task After_the_agreement_with_the_partner_ends_a_flag_is_kept_here_not_shared_and_the_reason_is_recorded()
    {
        // The clock is Monday 23 November 2026; the agreement ended on the 1st.
        var app = App(TestAgreements.Agreement(0, "ISA-ENDED", "local-social-care", TestAgreements.AllCategories, "2025-01-01", "2026-11-01")
            .Select(s => (s.Key, s.Value)).ToArray());
        var child = Samples.Child();

        var flag = await app.Client().RaiseCseFlagAsync(Samples.Raise(child), app.As());

        Assert.Equal(0, await app.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.Topic == Topics.CseFlags)));
        var decision = await app.WithDbAsync(db => db.Set<DisclosureRecord>().SingleAsync());
        Assert.False(decision.Shared);
        Assert.Equal("local-social-care", decision.DestinationNode);
        Assert.Equal("No agreement in force with node 'local-social-care' for CSE flags: agreement 'ISA-ENDED' ended on 2026-11-01.", decision.Reason);

        var dpo = app.As(roles: Mash.Platform.Auth.MashRoles.GovernanceRead);
        var listed = await Governance(app).ListDisclosuresAsync(new ListDisclosuresRequest { Child = child }, dpo);
        var notShared = Assert.Single(listed.Disclosures);
        Assert.Equal((false, DataCategory.CseFlag, "assessment"), (notShared.Shared, notShared.Category, notShared.Service));
        Assert.NotEmpty(flag.FlagId);
    }

    [Fact]
    public async Task A_changed_audit_row_is_reported_by_the_verify_call_with_the_first_broken_entry()
    {
        var app = App();
        await app.Client().RaiseCseFlagAsync(Samples.Raise(Samples.Child()), app.As());
        await app.Client().RaiseCseFlagAsync(Samples.Raise(Samples.Child()), app.As());
        var operatorCall = app.As(roles: Mash.Platform.Auth.MashRoles.AuditVerify);
        Assert.True((await Governance(app).VerifyAuditChainAsync(new VerifyAuditChainsRequest(), operatorCall)).Intact);

        // Someone with the database file drops the guard and edits the first entry's purpose.
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "assessment.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var tamper = connection.CreateCommand();
            tamper.CommandText = "DROP TRIGGER AuditEntries_NoUpdate; UPDATE AuditEntries SET Purpose = 'nothing to see' WHERE Sequence = 1;";
            await tamper.ExecuteNonQueryAsync();
        }

        var verified = await Governance(app).VerifyAuditChainAsync(new VerifyAuditChainsRequest(), operatorCall);
        Assert.Equal((false, 1L, "the entry was changed after it was written"), (verified.Intact, verified.FirstBrokenSequence, verified.Problem));

        var dpoOnly = app.As(roles: Mash.Platform.Auth.MashRoles.GovernanceRead);
        var refused = await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => Governance(app).VerifyAuditChainAsync(new VerifyAuditChainsRequest(), dpoOnly).ResponseAsync);
        Assert.Contains("Audit.Verify", refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caller_without_the_role_is_refused_and_the_refusal_is_audited_against_the_child()
    {
        var app = App();
        var child = Samples.Child();

        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () =>
            Governance(app).ListChildAccessesAsync(new ListChildAccessesRequest { Child = child }, app.As(roles: Mash.Platform.Auth.MashRoles.AssessmentRead)).ResponseAsync);

        var childKey = app.ChildKey(child);
        var refusal = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.ChildKey == childKey));
        Assert.Equal(("PermissionDenied", "governance:accesses", "social-care-mash"), (refusal.Outcome, refusal.RecordId, refusal.ClientId));
    }

    [Fact]
    public async Task A_practitioner_name_too_long_is_invalid_argument_naming_the_header()
    {
        var app = App();
        var headers = app.As();
        headers.Add(PractitionerHeaders.Id, "sw-1");
        headers.Add(PractitionerHeaders.Name, new string('n', PractitionerHeaders.MaxNameLength + 1));

        var refused = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => app.Client().RaiseCseFlagAsync(Samples.Raise(Samples.Child()), headers).ResponseAsync);

        Assert.Equal([PractitionerHeaders.Name], RpcAssert.ViolatedFields(refused));
        Assert.Equal(0, await app.WithDbAsync(db => db.CseFlags.CountAsync()));
    }
}
