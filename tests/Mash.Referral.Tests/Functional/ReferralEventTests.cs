using Mash.Contracts.Events.V1;
using Mash.Contracts.Referral.V1;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Outbox;
using Mash.Referral.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Mash.Referral.Tests.Functional;

/// <summary>What a decision starts at the front door that makes it, committed with the decision.</summary>
public sealed class ReferralEventTests : IDisposable
{
    private readonly ReferralApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<string> ScreenedAsync(string key)
    {
        var id = (await _app.Client().SubmitReferralAsync(Samples.Submit(key), _app.As())).Referral.ReferralId;
        await _app.Client().RecordScreeningAsync(new RecordScreeningRequest { ReferralId = id, Rag = Rag.Red, Rationale = "Disclosure" }, _app.As());
        return id;
    }

    private Task<Contracts.Referral.V1.Referral> DecideAsync(string id, ReferralOutcome outcome) =>
        _app.Client().RecordDecisionAsync(new RecordDecisionRequest { ReferralId = id, Outcome = outcome, Rationale = "Threshold met" }, _app.As()).ResponseAsync;

    [Fact]
    public async Task A_referral_submitted_at_the_front_door_raises_no_event_until_it_is_decided()
    {
        await ScreenedAsync("quiet");

        // Only the node's own services hear of the child (to name them on what partners share).
        Assert.Equal([Topics.ChildRecords], await _app.WithDbAsync(db => db.Set<OutboxMessage>().Select(m => m.Topic).ToListAsync()));
        Assert.Equal(0, await _app.WithDbAsync(db => db.Set<DisclosureRecord>().CountAsync()));
    }

    [Fact]
    public async Task The_node_hears_of_a_child_once_however_many_referrals_and_retries_name_them()
    {
        var client = _app.Client();
        await client.SubmitReferralAsync(Samples.Submit("first"), _app.As());
        await client.SubmitReferralAsync(Samples.Submit("first"), _app.As());
        await client.SubmitReferralAsync(Samples.Submit("second"), _app.As());
        await client.SubmitReferralAsync(Samples.Submit("other-child", Samples.FullReferral("4010232137")), _app.As());

        // Three referrals stored (the retry replayed), two children recorded.
        Assert.Equal(3, await _app.WithDbAsync(db => db.Referrals.CountAsync()));
        Assert.Equal(2, await _app.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.Topic == Topics.ChildRecords)));
    }

    [Fact]
    public async Task A_strategy_discussion_decision_opens_the_assessment_and_requires_a_discussion_naming_the_referral()
    {
        var id = await ScreenedAsync("s47");
        _app.Clock.Advance(TimeSpan.FromHours(2));
        var decided = await DecideAsync(id, ReferralOutcome.StrategyDiscussion);

        var decision = Assert.Single(await _app.SentAsync(Topics.Referrals)).Payload<ReferralDecided>();
        Assert.Equal(id, decision.ReferralId);
        Assert.True(decision.AssessmentRequired);
        Assert.Equal(ReferralOutcome.StrategyDiscussion, decision.Outcome);
        Assert.Equal(decided.ReceivedAt, decision.ReceivedAt);
        Assert.Equal(Samples.ValidNhsNumber, decision.Child.NhsNumber);

        var trigger = Assert.Single(await _app.SentAsync(Topics.StrategyTriggers)).Payload<StrategyDiscussionTriggered>();
        Assert.Equal(StrategyTrigger.ReferralDecision, trigger.Trigger);
        Assert.Equal(id, trigger.SourceId);
        Assert.Equal(decided.Decision.DecidedAt, trigger.TriggeredAt);
        Assert.Equal("default", trigger.Area);
        // Within the node: not a disclosure to another agency.
        Assert.Equal(0, await _app.WithDbAsync(db => db.Set<DisclosureRecord>().CountAsync()));
    }

    [Fact]
    public async Task Immediate_protection_requires_a_discussion_at_once_without_waiting_for_screening()
    {
        var id = (await _app.Client().SubmitReferralAsync(Samples.Submit("epo"), _app.As())).Referral.ReferralId;
        await DecideAsync(id, ReferralOutcome.ImmediateProtection);

        Assert.True(Assert.Single(await _app.SentAsync(Topics.Referrals)).Payload<ReferralDecided>().AssessmentRequired);
        Assert.Equal(StrategyTrigger.ImmediateProtection, Assert.Single(await _app.SentAsync(Topics.StrategyTriggers)).Payload<StrategyDiscussionTriggered>().Trigger);
    }

    [Theory]
    [InlineData(ReferralOutcome.NoFurtherAction, false)]
    [InlineData(ReferralOutcome.EarlyHelp, false)]
    [InlineData(ReferralOutcome.ChildInNeedAssessment, true)]
    public async Task Other_outcomes_require_no_discussion_and_open_an_assessment_only_for_an_assessment(ReferralOutcome outcome, bool assessment)
    {
        await DecideAsync(await ScreenedAsync("other"), outcome);

        Assert.Equal(assessment, Assert.Single(await _app.SentAsync(Topics.Referrals)).Payload<ReferralDecided>().AssessmentRequired);
        Assert.Empty(await _app.SentAsync(Topics.StrategyTriggers));
    }

    [Fact]
    public async Task The_same_decision_repeated_starts_nothing_more()
    {
        var id = await ScreenedAsync("again");
        await DecideAsync(id, ReferralOutcome.StrategyDiscussion);
        await DecideAsync(id, ReferralOutcome.StrategyDiscussion);

        Assert.Single(await _app.SentAsync(Topics.Referrals));
        Assert.Single(await _app.SentAsync(Topics.StrategyTriggers));
    }

    [Fact]
    public async Task A_refused_referral_raises_nothing()
    {
        await Assert.ThrowsAsync<global::Grpc.Core.RpcException>(() =>
            _app.Client().SubmitReferralAsync(Samples.Submit("", Samples.FullReferral()), _app.As()).ResponseAsync);

        Assert.Equal(0, await _app.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync()));
    }
}
