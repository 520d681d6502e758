using Google.Protobuf.WellKnownTypes;
using Mash.Assessment.Tests.Support;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Inbox;
using Mash.Platform.Eventing.Outbox;
using Mash.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mash.Assessment.Tests.Functional;

/// <summary>
/// Who read what a node shared, both ways: the reading node sends one notice per sharing node and child,
/// listing the records read; the sharing node enters each of its own records as accessed, and a service
/// that shared none of them keeps nothing, not even an inbox entry.
/// </summary>
public sealed class AccessNoticeTests(AssessmentApp app) : IClassFixture<AssessmentApp>
{
    private const string WestMercia = "west-mercia-police";
    private const string Health = "worcestershire-health";
    private const string SocialCare = "local-social-care";
    private static readonly DateTimeOffset Tuesday = AssessmentApp.MondayMorning.AddDays(-6);

    [Fact]
    public async Task A_profile_read_sends_each_partner_node_one_notice_listing_every_record_of_its_read()
    {
        var child = Samples.Child();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        string[] westMerciaFlags = [$"cse_wm_a_{suffix}", $"cse_wm_b_{suffix}", $"cse_wm_c_{suffix}"];
        foreach (var flagId in westMerciaFlags)
        {
            await app.DeliverPartnerAsync(Topics.CseFlags, Samples.PartnerFlag(flagId, FlagAction.Raised, CseRisk.Medium, Tuesday), child, WestMercia, Agency.Police, Tuesday);
        }

        // The same flag reviewed: one record, however many entries it has.
        await app.DeliverPartnerAsync(Topics.CseFlags, Samples.PartnerFlag(westMerciaFlags[0], FlagAction.Reviewed, CseRisk.High, Tuesday.AddHours(1)), child, WestMercia, Agency.Police, Tuesday.AddHours(1));
        var level = Samples.PartnerLevel(RiskLevel.High, Tuesday);
        await app.DeliverPartnerAsync(Topics.RiskChanges, level, child, Health, Agency.Health, Tuesday);
        // An offender's risk, which the partner's offender service shared.
        var offenderLevel = Samples.PartnerLevel(RiskLevel.Medium, Tuesday.AddHours(2));
        (offenderLevel.AssessmentId, offenderLevel.OffenderId) = ("", "off_" + suffix);
        await app.DeliverPartnerAsync(Topics.RiskChanges, offenderLevel, child, WestMercia, Agency.Police, Tuesday.AddHours(2));

        var profile = await app.Client().GetChildRiskProfileAsync(new GetChildRiskProfileRequest { Child = new ChildIdentity { NhsNumber = child.NhsNumber } }, app.As());
        Assert.Equal(6, profile.PartnerEntries.Count);

        var notices = await NoticesAboutAsync(app, app.ChildKey(child), count: 3);
        // Flags and assessments are their assessment service's records: the notice goes to it alone.
        var toWestMercia = Assert.Single(notices, n => n.Destination == WestMercia && n.Service == "assessment").Notice;
        Assert.Equal(westMerciaFlags, toWestMercia.RecordIds);
        Assert.Equal(westMerciaFlags[0], toWestMercia.RecordId);
        Assert.EndsWith("/GetChildRiskProfile", toWestMercia.Method, StringComparison.Ordinal);
        var toHealth = Assert.Single(notices, n => n.Destination == Health).Notice;
        Assert.Equal([level.AssessmentId], toHealth.RecordIds);
        Assert.Equal("assessment", Assert.Single(notices, n => n.Destination == Health).Service);
        // Which of their services shared an offender's, this service does not know: every service there looks.
        Assert.Equal([offenderLevel.OffenderId], Assert.Single(notices, n => n.Destination == WestMercia && n.Service == "").Notice.RecordIds);
    }

    [Fact]
    public async Task With_one_record_per_notice_for_partners_not_yet_upgraded_each_record_gets_a_notice_of_its_own()
    {
        using var oneByOne = new AssessmentApp(null, settings: new Dictionary<string, string> { ["Mash:Governance:RecordsPerAccessNotice"] = "1" });
        var child = Samples.Child();
        string[] flags = ["cse_wm_one", "cse_wm_two"];
        foreach (var flagId in flags)
        {
            await oneByOne.DeliverPartnerAsync(Topics.CseFlags, Samples.PartnerFlag(flagId, FlagAction.Raised, CseRisk.Medium, Tuesday), child, WestMercia, Agency.Police, Tuesday);
        }

        await oneByOne.Client().GetChildRiskProfileAsync(new GetChildRiskProfileRequest { Child = new ChildIdentity { NhsNumber = child.NhsNumber } }, oneByOne.As());

        var notices = await NoticesAboutAsync(oneByOne, oneByOne.ChildKey(child), count: 2);
        Assert.Equal(flags, notices.Select(n => n.Notice.RecordId).Order());
        Assert.All(notices, n => Assert.Empty(n.Notice.RecordIds));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    public void A_records_per_notice_setting_outside_1_to_1000_stops_the_service_at_start(string value)
    {
        using var misconfigured = new AssessmentApp(null, settings: new Dictionary<string, string> { ["Mash:Governance:RecordsPerAccessNotice"] = value });
        var refused = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => misconfigured.Services);
        Assert.Contains("RecordsPerAccessNotice", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_notice_is_entered_for_each_record_this_service_shared_and_one_for_none_of_them_leaves_no_trace()
    {
        var child = Samples.Child();
        var flag = await app.Client().RaiseCseFlagAsync(Samples.Raise(child, "notice-" + child.NhsNumber), app.As());
        var assessmentId = await CompletedAssessmentAsync(child);
        var childKey = app.ChildKey(child);
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<DisclosureRecord>().Where(d => d.ChildKey == childKey && d.Shared).Select(d => d.RecordId).Distinct().CountAsync()));

        var both = Notice(flag.FlagId, "cse_elsewhere_1", assessmentId);
        var delivered = await app.DeliverAsync(Topics.AccessNotices, AssessmentApp.Envelope(both, childKey, SocialCare, Agency.ChildrenSocialCare, app.Clock.GetUtcNow(), LawfulBasis.PublicTask));

        Assert.Equal("completed", delivered.Settlement);
        var entered = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.AccessedAtNode == SocialCare && e.ChildKey == childKey)
            .OrderBy(e => e.Sequence).Select(e => new { e.RecordId, e.ClientId, e.PractitionerId }).ToListAsync());
        Assert.Equal([flag.FlagId, assessmentId], entered.Select(e => e.RecordId));
        Assert.All(entered, e => Assert.Equal(("social-care-mash", "sw-4411"), (e.ClientId, e.PractitionerId)));

        var none = AssessmentApp.Envelope(Notice("cse_elsewhere_2", "cse_elsewhere_3"), childKey, SocialCare, Agency.ChildrenSocialCare, app.Clock.GetUtcNow(), LawfulBasis.PublicTask);
        var auditBefore = await app.WithDbAsync(db => db.AuditEntries.CountAsync());
        Assert.Equal("completed", (await app.DeliverAsync(Topics.AccessNotices, none)).Settlement);
        Assert.Equal(auditBefore, await app.WithDbAsync(db => db.AuditEntries.CountAsync()));
        Assert.False(await app.WithDbAsync(db => db.Set<ProcessedEvent>().AnyAsync(e => e.EventId == none.EventId)));
    }

    [Fact]
    public async Task A_notice_of_an_earlier_version_naming_one_record_is_still_entered()
    {
        var child = Samples.Child();
        var flag = await app.Client().RaiseCseFlagAsync(Samples.Raise(child, "old-notice-" + child.NhsNumber), app.As());
        var childKey = app.ChildKey(child);
        var notice = Notice(flag.FlagId);
        notice.RecordIds.Clear();

        var delivered = await app.DeliverAsync(Topics.AccessNotices, AssessmentApp.Envelope(notice, childKey, SocialCare, Agency.ChildrenSocialCare, app.Clock.GetUtcNow(), LawfulBasis.PublicTask));

        Assert.Equal("completed", delivered.Settlement);
        Assert.Equal([flag.FlagId], await app.WithDbAsync(db => db.AuditEntries.Where(e => e.AccessedAtNode == SocialCare && e.ChildKey == childKey).Select(e => e.RecordId).ToListAsync()));
    }

    [Fact]
    public async Task A_notice_listing_more_than_a_thousand_records_is_dead_lettered_and_enters_nothing()
    {
        var child = Samples.Child();
        var flag = await app.Client().RaiseCseFlagAsync(Samples.Raise(child, "big-notice-" + child.NhsNumber), app.As());
        var childKey = app.ChildKey(child);
        var notice = Notice([flag.FlagId, .. Enumerable.Range(0, 1_000).Select(i => $"cse_other_{i}")]);

        var delivered = await app.DeliverAsync(Topics.AccessNotices, AssessmentApp.Envelope(notice, childKey, SocialCare, Agency.ChildrenSocialCare, app.Clock.GetUtcNow(), LawfulBasis.PublicTask));

        Assert.Equal(("dead-lettered", "TooManyRecords"), (delivered.Settlement, delivered.DeadLetterReason));
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.AccessedAtNode == SocialCare && e.ChildKey == childKey)));
    }

    private static RecordAccessed Notice(params string[] recordIds) => new()
    {
        RecordId = recordIds[0],
        RecordIds = { recordIds },
        AccessedAt = Timestamp.FromDateTimeOffset(AssessmentApp.MondayMorning),
        Agency = Agency.ChildrenSocialCare,
        ClientId = "social-care-mash",
        Practitioner = new Practitioner { Id = "sw-4411", Name = "Zoë Adebayo", Role = "social worker", Source = PractitionerSource.CallerMetadata },
        Method = "/mash.assessment.v1.AssessmentService/GetChildRiskProfile",
        Outcome = "OK",
    };

    private async Task<string> CompletedAssessmentAsync(ChildIdentity child)
    {
        var id = await app.StartAssessmentAsync(child);
        await app.Client().RecordCheckAsync(new RecordCheckRequest { AssessmentId = id, Agency = Agency.Police, Result = "Known to police." }, app.As());
        await app.Client().CompleteAssessmentAsync(new CompleteAssessmentRequest { AssessmentId = id, RiskLevel = RiskLevel.Medium, Rag = Contracts.Referral.V1.Rag.Amber, Rationale = "r" }, app.As());
        return id;
    }

    /// <summary>The access notices this service committed about the child, with the node each is for.</summary>
    private static async Task<List<(string Destination, string Service, RecordAccessed Notice)>> NoticesAboutAsync(AssessmentApp app, string childKey, int count)
    {
        List<(string, string, RecordAccessed)> notices = [];
        await Eventually.TrueAsync(async () =>
        {
            var stored = await app.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.Topic == Topics.AccessNotices).Select(m => m.Envelope).ToListAsync());
            notices = [.. stored.Select(EventEnvelope.Parser.ParseFrom).Where(e => e.ChildKey == childKey)
                .Select(e => (e.DestinationNode, e.DestinationService, e.Payload.Unpack<RecordAccessed>()))];
            return notices.Count >= count;
        });
        return notices;
    }
}
