using Mash.Testing.Postgres;
using Grpc.Core;
using Mash.Assessment.Tests.Support;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Mash.Assessment.Tests.Functional;

/// <summary>CSE flags raised, reviewed and cleared with provenance, each change shared with partners.</summary>
public sealed class CseFlagTests(AssessmentApp app) : CseFlagScenarios(app), IClassFixture<AssessmentApp>;

/// <summary>The same scenarios with the service on PostgreSQL.</summary>
public sealed class CseFlagPostgreSqlTests(AssessmentPostgreSqlApp app) : CseFlagScenarios(PostgreSqlFixture.Require(app)), IClassFixture<AssessmentPostgreSqlApp>;

/// <summary>Run on each database provider.</summary>
public abstract class CseFlagScenarios(AssessmentApp app)
{
    private Task<List<OutboxMessage>> SharedAbout(ChildIdentity child)
    {
        var childKey = app.ChildKey(child);
        return app.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.SessionId == childKey && m.Topic == Topics.CseFlags).OrderBy(m => m.Sequence).ToListAsync());
    }

    [SkippableFact]
    public async Task A_raised_flag_keeps_who_when_why_and_evidence_and_is_shared_under_the_requests_lawful_basis()
    {
        var child = Samples.Child();
        var flag = await app.Client().RaiseCseFlagAsync(Samples.Raise(child), app.As());

        Assert.StartsWith("cse_", flag.FlagId, StringComparison.Ordinal);
        Assert.True(flag.Active);
        Assert.Equal(CseRisk.High, flag.Risk);
        var raised = Assert.Single(flag.History);
        Assert.Equal(FlagAction.Raised, raised.Action);
        Assert.Equal(("social-care-mash", Agency.ChildrenSocialCare), (raised.ChangedBy, raised.ChangedByAgency));
        Assert.Equal(Samples.Raise(child).Evidence, raised.Evidence);
        Assert.Equal(AssessmentApp.MondayMorning.UtcDateTime, raised.ChangedAt.ToDateTime());

        var outbox = Assert.Single(await SharedAbout(child));
        Assert.Equal(("cse-flags", "mash.events.v1.CseFlagChanged"), (outbox.Topic, outbox.Type));
        var envelope = EventEnvelope.Parser.ParseFrom(outbox.Envelope);
        // The body names the basis for sharing the flag; the metadata's is the basis of the call.
        Assert.Equal(LawfulBasis.SafeguardingOfChildren, envelope.LawfulBasis);
        var shared = envelope.Payload.Unpack<CseFlagChanged>();
        Assert.Equal((flag.FlagId, FlagAction.Raised, CseRisk.High, "social-care-mash (children-social-care)"), (shared.FlagId, shared.Action, shared.Risk, shared.ChangedBy));
        var disclosure = await app.WithDbAsync(db => db.Set<DisclosureRecord>().SingleAsync(d => d.EventId == outbox.EventId));
        Assert.Equal("LAWFUL_BASIS_SAFEGUARDING_OF_CHILDREN", disclosure.LawfulBasis);
    }

    [SkippableFact]
    public async Task A_flag_on_a_child_without_an_nhs_number_is_kept_locally_and_the_decision_not_to_share_is_recorded()
    {
        var child = Samples.Child(nhsNumber: "", givenName: "Unconfirmed");
        var flag = await app.Client().RaiseCseFlagAsync(Samples.Raise(child, "unconfirmed"), app.As());

        Assert.True(flag.Active);
        Assert.Empty(await SharedAbout(child));
        var childKey = app.ChildKey(child);
        var decision = await app.WithDbAsync(db => db.Set<DisclosureRecord>().SingleAsync(d => d.ChildKey == childKey));
        Assert.False(decision.Shared);
        Assert.Equal("", decision.EventId);
        Assert.Contains("unconfirmed", decision.Reason, StringComparison.Ordinal);
        Assert.Equal("mash.events.v1.CseFlagChanged", decision.What);
    }

    [SkippableTheory]
    [InlineData(CseRisk.High, 1)]
    [InlineData(CseRisk.Medium, 0)]
    public async Task A_high_cse_risk_requires_a_strategy_discussion_on_this_node(CseRisk risk, int triggers)
    {
        var child = Samples.Child();
        var flag = await app.Client().RaiseCseFlagAsync(Samples.Raise(child, "trigger-" + risk, risk), app.As());

        var childKey = app.ChildKey(child);
        var sent = await app.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.SessionId == childKey && m.Topic == Topics.StrategyTriggers).ToListAsync());
        Assert.Equal(triggers, sent.Count);
        if (triggers == 1)
        {
            var trigger = EventEnvelope.Parser.ParseFrom(sent[0].Envelope).Payload.Unpack<StrategyDiscussionTriggered>();
            Assert.Equal((StrategyTrigger.HighCseRisk, flag.FlagId), (trigger.Trigger, trigger.SourceId));
        }
    }

    [SkippableFact]
    public async Task A_retry_with_the_same_key_returns_the_same_flag_and_another_body_under_the_key_is_refused()
    {
        var child = Samples.Child();
        var first = await app.Client().RaiseCseFlagAsync(Samples.Raise(child, "retry"), app.As());
        var again = await app.Client().RaiseCseFlagAsync(Samples.Raise(child, "retry"), app.As());

        Assert.Equal(first, again);
        Assert.Single(await SharedAbout(child));
        var other = Samples.Raise(child, "retry");
        other.Reason = "Something else";
        await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => app.Client().RaiseCseFlagAsync(other, app.As()).ResponseAsync);
    }

    [SkippableFact]
    public async Task A_second_flag_cannot_be_raised_while_one_is_active()
    {
        var child = Samples.Child();
        var active = await app.Client().RaiseCseFlagAsync(Samples.Raise(child, "first"), app.As());

        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () =>
            app.Client().RaiseCseFlagAsync(Samples.Raise(child, "second", CseRisk.Medium), app.As("police-mash", "police")).ResponseAsync);

        Assert.Contains(active.FlagId, error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("review it", error.Status.Detail, StringComparison.Ordinal);
        Assert.Single(await SharedAbout(child));
    }

    [SkippableFact]
    public async Task A_child_under_13_is_never_flagged_low()
    {
        var twelve = Samples.Child(birthYear: 2014);
        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () =>
            app.Client().RaiseCseFlagAsync(Samples.Raise(twelve, "young", CseRisk.Low), app.As()).ResponseAsync);

        Assert.Equal(["risk"], RpcAssert.ViolatedFields(error));
        Assert.Contains("a child under 13 is never low CSE risk", error.Status.Detail, StringComparison.Ordinal);
        Assert.Empty(await SharedAbout(twelve));
    }

    [SkippableFact]
    public async Task A_flag_without_what_it_needs_names_every_missing_field()
    {
        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () =>
            app.Client().RaiseCseFlagAsync(new RaiseCseFlagRequest { Child = new ChildIdentity { NhsNumber = "9434765918" } }, app.As()).ResponseAsync);
        Assert.Equal(["child.nhs_number", "evidence", "idempotency_key", "lawful_basis", "reason", "risk"],
            RpcAssert.ViolatedFields(error).Distinct().Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task A_review_and_a_clearance_add_to_the_history_and_are_shared_under_the_flags_lawful_basis()
    {
        var child = Samples.Child();
        var client = app.Client();
        var flag = await client.RaiseCseFlagAsync(Samples.Raise(child), app.As());

        var review = new ReviewCseFlagRequest { FlagId = flag.FlagId, Risk = CseRisk.Medium, Reason = "No missing episodes for six weeks.", Evidence = "Review meeting 20 Nov." };
        var reviewed = await client.ReviewCseFlagAsync(review, app.As("police-mash", "police"));
        Assert.Equal(CseRisk.Medium, reviewed.Risk);
        Assert.Equal([FlagAction.Raised, FlagAction.Reviewed], reviewed.History.Select(h => h.Action));
        Assert.Equal(("police-mash", Agency.Police), (reviewed.History[1].ChangedBy, reviewed.History[1].ChangedByAgency));

        var clearance = new ClearCseFlagRequest { FlagId = flag.FlagId, Reason = "Risk reduced; plan completed.", Evidence = "Closure review." };
        var cleared = await client.ClearCseFlagAsync(clearance, app.As());
        Assert.False(cleared.Active);
        Assert.Equal([FlagAction.Raised, FlagAction.Reviewed, FlagAction.Cleared], cleared.History.Select(h => h.Action));
        Assert.Equal("Closure review.", cleared.History[2].Evidence);

        var shared = await SharedAbout(child);
        Assert.Equal([FlagAction.Raised, FlagAction.Reviewed, FlagAction.Cleared],
            shared.Select(m => EventEnvelope.Parser.ParseFrom(m.Envelope).Payload.Unpack<CseFlagChanged>().Action));
        Assert.All(shared, m => Assert.Equal(LawfulBasis.SafeguardingOfChildren, EventEnvelope.Parser.ParseFrom(m.Envelope).LawfulBasis));

        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => client.ClearCseFlagAsync(clearance, app.As()).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => client.ReviewCseFlagAsync(review, app.As()).ResponseAsync);

        // Cleared, the child may be flagged again.
        var next = await client.RaiseCseFlagAsync(Samples.Raise(child, "after-clearance"), app.As());
        Assert.NotEqual(flag.FlagId, next.FlagId);
    }

    [SkippableFact]
    public async Task A_review_cannot_lower_a_child_under_13_to_low()
    {
        var flag = await app.Client().RaiseCseFlagAsync(Samples.Raise(Samples.Child(birthYear: 2015), "young-review", CseRisk.Medium), app.As());
        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => app.Client().ReviewCseFlagAsync(
            new ReviewCseFlagRequest { FlagId = flag.FlagId, Risk = CseRisk.Low, Reason = "r", Evidence = "e" }, app.As()).ResponseAsync);
        Assert.Equal(["risk"], RpcAssert.ViolatedFields(error));
    }

    [SkippableFact]
    public async Task An_unknown_flag_is_not_found() =>
        await RpcAssert.FailsWith(StatusCode.NotFound, () => app.Client().ClearCseFlagAsync(
            new ClearCseFlagRequest { FlagId = "cse_missing", Reason = "r", Evidence = "e" }, app.As()).ResponseAsync);

    [SkippableFact]
    public async Task Screening_bands_the_indicators_and_never_bands_a_child_under_13_low()
    {
        var screening = await app.Client().ScreenCseAsync(new ScreenCseRequest
        {
            Child = Samples.Child(birthYear: 2015),
            Indicators = { CseIndicator.SchoolAbsence, CseIndicator.SchoolAbsence },
        }, app.As());

        Assert.Equal(1, screening.Score);
        Assert.Equal(CseRisk.Medium, screening.Risk);
        Assert.Contains("under 13: never low", screening.Reasons);

        var high = await app.Client().ScreenCseAsync(new ScreenCseRequest { Indicators = { CseIndicator.Disclosure } }, app.As());
        Assert.Equal(CseRisk.High, high.Risk);
    }

    [SkippableFact]
    public async Task Screening_stores_nothing_but_a_named_child_is_audited()
    {
        var child = Samples.Child();
        await app.Client().ScreenCseAsync(new ScreenCseRequest { Child = child, Indicators = { CseIndicator.MissingEpisodes } }, app.As());

        var childKey = app.ChildKey(child);
        var entry = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.ChildKey == childKey));
        Assert.Equal(("/mash.assessment.v1.AssessmentService/ScreenCse", "cse-screening"), (entry.Method, entry.RecordId));
        Assert.Empty(await SharedAbout(child));
        Assert.False(await app.WithDbAsync(db => db.CseFlags.AnyAsync(f => f.ChildKey == childKey)));
    }

    [SkippableFact]
    public async Task Unknown_indicators_are_named()
    {
        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => app.Client().ScreenCseAsync(
            new ScreenCseRequest { Indicators = { CseIndicator.SelfHarm, CseIndicator.Unspecified, (CseIndicator)77 } }, app.As()).ResponseAsync);
        Assert.Equal(["indicators[1]", "indicators[2]"], RpcAssert.ViolatedFields(error));
    }

    [SkippableFact]
    public async Task Racing_raises_for_one_child_leave_one_active_flag()
    {
        var child = Samples.Child();
        var retries = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.Client().RaiseCseFlagAsync(Samples.Raise(child, "racing"), app.As()).ResponseAsync));
        Assert.Single(retries.Select(f => f.FlagId).Distinct());

        var other = Samples.Child();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(async i =>
        {
            try
            {
                return (await app.Client().RaiseCseFlagAsync(Samples.Raise(other, $"racer-{i}"), app.As()).ResponseAsync).FlagId;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition)
            {
                return "refused";
            }
        }));
        Assert.Equal(3, outcomes.Count(o => o == "refused"));
        Assert.Equal(2, (await SharedAbout(child)).Count + (await SharedAbout(other)).Count);
    }
}
