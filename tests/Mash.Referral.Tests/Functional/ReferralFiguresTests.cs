using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Mash.Contracts.Figures.V1;
using Mash.Contracts.Referral.V1;
using Mash.Referral.Tests.Support;

namespace Mash.Referral.Tests.Functional;

/// <summary>The front door's part of the partnership's figures, for a seeded week whose answers are known.</summary>
public sealed class ReferralFiguresTests : IDisposable
{
    private readonly ReferralApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<string> SubmitAsync(string key) =>
        (await _app.Client().SubmitReferralAsync(Samples.Submit(key), _app.As("police-mash"))).Referral.ReferralId;

    private Task<Contracts.Referral.V1.Referral> ScreenAsync(string id, Rag rag) =>
        _app.Client().RecordScreeningAsync(new RecordScreeningRequest { ReferralId = id, Rag = rag, Rationale = "Screened" }, _app.As("police-mash")).ResponseAsync;

    [Fact]
    public async Task Each_stage_counts_on_time_late_and_overdue_against_its_timescale_with_the_median_hours()
    {
        // Monday 10:00: three referrals in; a decision is due by Tuesday 10:00 (one working day).
        var start = _app.Clock.GetUtcNow().UtcDateTime;
        var (onTime, late) = (await SubmitAsync("a"), await SubmitAsync("b"));
        await SubmitAsync("c"); // never screened: overdue at every stage by Wednesday
        _app.Clock.Advance(TimeSpan.FromHours(1));
        await ScreenAsync(onTime, Rag.Amber);
        _app.Clock.Advance(TimeSpan.FromHours(1));
        await ScreenAsync(late, Rag.Green);
        _app.Clock.Advance(TimeSpan.FromHours(1));
        await _app.Client().RecordDecisionAsync(new RecordDecisionRequest { ReferralId = onTime, Outcome = ReferralOutcome.EarlyHelp, Rationale = "Support" },
            _app.As("social-care-mash", "children-social-care"));
        _app.Clock.Advance(TimeSpan.FromHours(45)); // Wednesday 10:00
        await _app.Client().RecordDecisionAsync(new RecordDecisionRequest
        {
            ReferralId = late, Outcome = ReferralOutcome.EarlyHelp, Rationale = "Support", LatenessReason = "Checks with health took two days",
        }, _app.As("social-care-mash", "children-social-care"));

        var figures = await _app.Figures().GetFiguresAsync(new GetPartnershipFiguresRequest
        {
            From = Timestamp.FromDateTime(start.AddDays(-1)), To = Timestamp.FromDateTime(start.AddDays(6)),
        }, _app.AsBoard());

        Assert.Equal(["referral"], figures.Services);
        Assert.Equal(3, figures.Referrals.Received);
        Assert.Equal([("2026-11", 3)], figures.Referrals.ReceivedByMonth.Select(m => (m.Month, m.Count)));
        var stages = figures.Referrals.Stages.ToDictionary(s => s.Stage);
        Assert.Equal((3, 2, 0, 1, 1.5), (stages["screening"].Due, stages["screening"].OnTime, stages["screening"].Late, stages["screening"].OverdueNow, stages["screening"].MedianHours));
        Assert.Equal((3, 1, 1, 1, 25.5), (stages["decision"].Due, stages["decision"].OnTime, stages["decision"].Late, stages["decision"].OverdueNow, stages["decision"].MedianHours));
        Assert.Equal(2, stages["rag_work"].Due);
    }

    [Fact]
    public async Task Only_the_board_role_is_answered_and_a_period_too_long_or_backwards_is_invalid_naming_the_field()
    {
        var now = _app.Clock.GetUtcNow().UtcDateTime;
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () =>
            _app.Figures().GetFiguresAsync(new GetPartnershipFiguresRequest { From = Timestamp.FromDateTime(now.AddDays(-1)), To = Timestamp.FromDateTime(now) }, _app.As("police-mash", "police", Platform.Auth.MashRoles.ReferralRead, Platform.Auth.MashRoles.ReferralScreen)).ResponseAsync);
        var backwards = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => _app.Figures().GetFiguresAsync(
            new GetPartnershipFiguresRequest { From = Timestamp.FromDateTime(now), To = Timestamp.FromDateTime(now.AddDays(-1)) }, _app.AsBoard()).ResponseAsync);
        Assert.Equal(["to"], RpcAssert.ViolatedFields(backwards));
        var tooLong = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => _app.Figures().GetFiguresAsync(
            new GetPartnershipFiguresRequest { From = Timestamp.FromDateTime(now.AddDays(-401)), To = Timestamp.FromDateTime(now) }, _app.AsBoard()).ResponseAsync);
        Assert.Equal(["to"], RpcAssert.ViolatedFields(tooLong));
        var unknownArea = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => _app.Figures().GetFiguresAsync(
            new GetPartnershipFiguresRequest { From = Timestamp.FromDateTime(now.AddDays(-1)), To = Timestamp.FromDateTime(now), Area = "atlantis" }, _app.AsBoard()).ResponseAsync);
        Assert.Equal(["area"], RpcAssert.ViolatedFields(unknownArea));
    }
}
