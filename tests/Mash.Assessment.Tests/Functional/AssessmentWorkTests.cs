using Grpc.Core;
using Mash.Assessment.Tests.Support;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Referral.V1;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Mash.Assessment.Tests.Functional;

/// <summary>Agency checks and the conclusion, shared with partners through the outbox.</summary>
public sealed class AssessmentWorkTests(AssessmentApp app) : IClassFixture<AssessmentApp>
{
    private static RecordCheckRequest Check(string id, Agency agency = Agency.Police, string result = "Two missing-person reports this month.", bool found = true) =>
        new() { AssessmentId = id, Agency = agency, Result = result, InformationFound = found };

    private static CompleteAssessmentRequest Conclusion(string id, RiskLevel level = RiskLevel.High, string rationale = "Pattern of missing episodes with older associates.") =>
        new() { AssessmentId = id, RiskLevel = level, Rag = Rag.Red, Rationale = rationale, SignificantHarmSuspected = true };

    [Fact]
    public async Task Checks_then_a_conclusion_are_stored_and_the_risk_level_is_shared_with_its_disclosure()
    {
        var child = Samples.Child();
        var id = await app.StartAssessmentAsync(child);
        var client = app.Client();
        await client.RecordCheckAsync(Check(id), app.As());
        await client.RecordCheckAsync(Check(id, Agency.Health, "Nothing known.", found: false), app.As("health-mash", "health"));

        var done = await client.CompleteAssessmentAsync(Conclusion(id), app.As());

        Assert.Equal(AssessmentStatus.Completed, done.Status);
        Assert.Equal([Agency.Police, Agency.Health], done.Checks.Select(c => c.Agency));
        Assert.Equal(["social-care-mash", "health-mash"], done.Checks.Select(c => c.RecordedBy));
        Assert.False(done.Checks[1].InformationFound);
        Assert.Equal(RiskLevel.High, done.Outcome.RiskLevel);
        Assert.Equal(Rag.Red, done.Outcome.Rag);
        Assert.True(done.Outcome.SignificantHarmSuspected);
        Assert.False(done.Outcome.TimescaleBreached);
        Assert.Equal("social-care-mash", done.Outcome.CompletedBy);

        var childKey = app.ChildKey(child);
        var outbox = await app.WithDbAsync(db => db.Set<OutboxMessage>().SingleAsync(m => m.SessionId == childKey && m.Topic == Topics.RiskChanges));
        Assert.Equal("risk-changes", outbox.Topic);
        Assert.Equal("mash.events.v1.RiskLevelChanged", outbox.Type);
        var envelope = EventEnvelope.Parser.ParseFrom(outbox.Envelope);
        Assert.Equal(LawfulBasis.PublicTask, envelope.LawfulBasis);
        Assert.Equal("MASH assessment", envelope.Purpose);
        var change = envelope.Payload.Unpack<RiskLevelChanged>();
        Assert.Equal((id, RiskLevel.Unspecified, RiskLevel.High, true), (change.AssessmentId, change.PreviousLevel, change.Level, change.SignificantHarmSuspected));
        var disclosure = await app.WithDbAsync(db => db.Set<DisclosureRecord>().SingleAsync(d => d.EventId == outbox.EventId));
        Assert.True(disclosure.Shared);
        Assert.Equal(childKey, disclosure.ChildKey);
        Assert.Equal("LAWFUL_BASIS_PUBLIC_TASK", disclosure.LawfulBasis);
        Assert.Equal("MASH assessment", disclosure.Purpose);
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 0)]
    public async Task Concluding_that_significant_harm_is_suspected_requires_a_strategy_discussion_on_this_node(bool significantHarm, int triggers)
    {
        var child = Samples.Child();
        var id = await app.StartAssessmentAsync(child);
        await app.Client().RecordCheckAsync(Check(id), app.As());
        var conclusion = Conclusion(id);
        conclusion.SignificantHarmSuspected = significantHarm;

        await app.Client().CompleteAssessmentAsync(conclusion, app.As());

        var childKey = app.ChildKey(child);
        var sent = await app.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.SessionId == childKey && m.Topic == Topics.StrategyTriggers).ToListAsync());
        Assert.Equal(triggers, sent.Count);
        if (triggers == 1)
        {
            var trigger = EventEnvelope.Parser.ParseFrom(sent[0].Envelope).Payload.Unpack<StrategyDiscussionTriggered>();
            Assert.Equal((StrategyTrigger.SignificantHarmSuspected, id), (trigger.Trigger, trigger.SourceId));
            Assert.Equal(child.NhsNumber, trigger.Child.NhsNumber); // it stays on this node
            Assert.False(await app.WithDbAsync(db => db.Set<DisclosureRecord>().AnyAsync(d => d.EventId == sent[0].EventId)));
        }
    }

    [Fact]
    public async Task The_next_assessment_of_the_child_shares_the_level_it_replaces()
    {
        var child = Samples.Child();
        var first = await app.StartAssessmentAsync(child);
        await app.Client().RecordCheckAsync(Check(first), app.As());
        await app.Client().CompleteAssessmentAsync(Conclusion(first, RiskLevel.Medium), app.As());
        var second = await app.StartAssessmentAsync(child);
        await app.Client().RecordCheckAsync(Check(second), app.As());
        await app.Client().CompleteAssessmentAsync(Conclusion(second, RiskLevel.VeryHigh), app.As());

        var childKey = app.ChildKey(child);
        var changes = await app.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.SessionId == childKey && m.Topic == Topics.RiskChanges).OrderBy(m => m.Sequence).ToListAsync());
        var last = EventEnvelope.Parser.ParseFrom(changes[^1].Envelope).Payload.Unpack<RiskLevelChanged>();
        Assert.Equal(2, changes.Count);
        Assert.Equal((RiskLevel.Medium, RiskLevel.VeryHigh), (last.PreviousLevel, last.Level));
    }

    [Fact]
    public async Task An_assessment_without_any_agency_check_cannot_be_completed_and_nothing_is_shared()
    {
        var child = Samples.Child();
        var id = await app.StartAssessmentAsync(child);

        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => app.Client().CompleteAssessmentAsync(Conclusion(id), app.As()).ResponseAsync);

        Assert.Contains("record the multi-agency checks made", error.Status.Detail, StringComparison.Ordinal);
        var childKey = app.ChildKey(child);
        Assert.False(await app.WithDbAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.SessionId == childKey && m.Topic == Topics.RiskChanges)));
        var stored = await app.Client().GetAssessmentAsync(new GetAssessmentRequest { AssessmentId = id }, app.As());
        Assert.Equal(AssessmentStatus.Open, stored.Status);
    }

    [Fact]
    public async Task Completing_again_with_the_same_outcome_returns_it_and_with_another_is_refused()
    {
        var id = await app.StartAssessmentAsync();
        await app.Client().RecordCheckAsync(Check(id), app.As());
        var first = await app.Client().CompleteAssessmentAsync(Conclusion(id), app.As());

        var again = await app.Client().CompleteAssessmentAsync(Conclusion(id), app.As());
        Assert.Equal(first, again);
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () =>
            app.Client().CompleteAssessmentAsync(Conclusion(id, RiskLevel.Low), app.As()).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () =>
            app.Client().RecordCheckAsync(Check(id, Agency.Education), app.As()).ResponseAsync);
    }

    [Fact]
    public async Task The_same_check_recorded_twice_is_kept_once_but_a_new_result_is_added()
    {
        var id = await app.StartAssessmentAsync();
        await app.Client().RecordCheckAsync(Check(id), app.As());
        await app.Client().RecordCheckAsync(Check(id), app.As());
        var updated = await app.Client().RecordCheckAsync(Check(id, result: "Third missing episode reported."), app.As());

        Assert.Equal(2, updated.Checks.Count);
    }

    [Fact]
    public async Task Bad_checks_and_conclusions_name_every_bad_field()
    {
        var id = await app.StartAssessmentAsync();
        var check = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () =>
            app.Client().RecordCheckAsync(new RecordCheckRequest { AssessmentId = id, Agency = Agency.Unspecified, Result = new string('x', 5_001) }, app.As()).ResponseAsync);
        Assert.Equal(["agency", "result"], RpcAssert.ViolatedFields(check).Order(StringComparer.Ordinal));

        var conclusion = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () =>
            app.Client().CompleteAssessmentAsync(new CompleteAssessmentRequest { AssessmentId = id, RiskLevel = (RiskLevel)42, Rationale = " " }, app.As()).ResponseAsync);
        Assert.Equal(["rag", "rationale", "risk_level"], RpcAssert.ViolatedFields(conclusion).Order(StringComparer.Ordinal));
        Assert.Empty((await app.Client().GetAssessmentAsync(new GetAssessmentRequest { AssessmentId = id }, app.As())).Checks);
    }

    [Fact]
    public async Task A_late_conclusion_is_accepted_and_marked_as_a_breach()
    {
        using var late = new AssessmentApp();
        var id = await late.StartAssessmentAsync();
        await late.Client().RecordCheckAsync(Check(id), late.As());
        late.Clock.Advance(TimeSpan.FromDays(70));

        Assert.True((await late.Client().GetAssessmentAsync(new GetAssessmentRequest { AssessmentId = id }, late.As())).Overdue);
        var done = await late.Client().CompleteAssessmentAsync(Conclusion(id), late.As());

        Assert.True(done.Outcome.TimescaleBreached);
        Assert.True(done.Overdue);
    }
}
