using Grpc.Core;
using Mash.Assessment.Tests.Support;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Outbox;
using Mash.Testing.Postgres;
using Microsoft.EntityFrameworkCore;

namespace Mash.Assessment.Tests.Functional;

/// <summary>A CSE flag's suspected perpetrator and where the child was contacted: kept here, shared in part.</summary>
public sealed class CseFlagSuspectTests(AssessmentApp app) : CseFlagSuspectScenarios(app), IClassFixture<AssessmentApp>;

/// <summary>The same scenarios with the service on PostgreSQL.</summary>
public sealed class CseFlagSuspectPostgreSqlTests(AssessmentPostgreSqlApp app) : CseFlagSuspectScenarios(PostgreSqlFixture.Require(app)), IClassFixture<AssessmentPostgreSqlApp>;

/// <summary>Run on each database provider. The review's case: a 47-year-old man met a 16-year-old girl on Facebook.</summary>
public abstract class CseFlagSuspectScenarios(AssessmentApp app)
{
    private const string OffenderId = "off_0193a1b2c3d4e5f60718293a4b5c6d7e";
    private const string Description = "Facebook profile 'Dan W', says he drives a silver Astra";
    private const string WestMercia = "west-mercia-police";

    private static RaiseCseFlagRequest RaiseOnline(ChildIdentity child, string offenderId = OffenderId)
    {
        var raise = Samples.Raise(child, "suspect-" + child.NhsNumber);
        raise.Suspect = new SuspectedPerpetrator { AgeYears = 47, Relationship = SuspectRelationship.OnlineContact, OffenderId = offenderId, Description = Description };
        raise.Contact = new CseContactContext { OnlinePlatform = "Facebook" };
        return raise;
    }

    private Task<List<OutboxMessage>> SentAbout(ChildIdentity child, string topic)
    {
        var childKey = app.ChildKey(child);
        return app.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.SessionId == childKey && m.Topic == topic).OrderBy(m => m.Sequence).ToListAsync());
    }

    private static T Payload<T>(OutboxMessage message) where T : Google.Protobuf.IMessage<T>, new() =>
        EventEnvelope.Parser.ParseFrom(message.Envelope).Payload.Unpack<T>();

    [SkippableFact]
    public async Task The_flag_shows_the_whole_suspect_at_this_node_with_the_band_from_the_age()
    {
        var child = Samples.Child(birthYear: 2010);
        var flag = await app.Client().RaiseCseFlagAsync(RaiseOnline(child), app.As());

        Assert.Equal(new SuspectedPerpetrator
        {
            AgeYears = 47,
            AgeBand = SuspectAgeBand.Aged45To54,
            Relationship = SuspectRelationship.OnlineContact,
            OffenderId = OffenderId,
            Description = Description,
        }, flag.Suspect);
        Assert.Equal("Facebook", flag.Contact.OnlinePlatform);
        var profile = await app.Client().GetChildRiskProfileAsync(new GetChildRiskProfileRequest { Child = child }, app.As());
        Assert.Equal(flag.Suspect, Assert.Single(profile.LocalFlags).Suspect);
    }

    [SkippableFact]
    public async Task Partners_receive_the_band_relationship_platform_and_that_a_record_is_linked_never_who_the_suspect_is()
    {
        var child = Samples.Child();
        await app.Client().RaiseCseFlagAsync(RaiseOnline(child), app.As());

        var message = Assert.Single(await SentAbout(child, Topics.CseFlags));
        var shared = Payload<CseFlagChanged>(message);
        Assert.Equal((SuspectAgeBand.Aged45To54, SuspectRelationship.OnlineContact, true), (shared.SuspectAgeBand, shared.SuspectRelationship, shared.SuspectLinkedToPersonRecord));
        Assert.Equal("Facebook", shared.Contact.OnlinePlatform);
        var bytes = System.Text.Encoding.UTF8.GetString(message.Envelope);
        Assert.DoesNotContain(OffenderId, bytes, StringComparison.Ordinal);
        Assert.DoesNotContain("Astra", bytes, StringComparison.Ordinal);

        // What a partner node keeps of it and shows in the child's risk profile there.
        var other = Samples.Child();
        await app.DeliverPartnerAsync(Topics.CseFlags, shared, other, WestMercia, Agency.Police, AssessmentApp.MondayMorning);
        var profile = await app.Client().GetChildRiskProfileAsync(new GetChildRiskProfileRequest { Child = other }, app.As());
        var entry = Assert.Single(profile.PartnerEntries).CseFlag;
        Assert.Equal((SuspectAgeBand.Aged45To54, true, "Facebook"), (entry.SuspectAgeBand, entry.SuspectLinkedToPersonRecord, entry.Contact.OnlinePlatform));
        Assert.DoesNotContain(OffenderId, profile.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Astra", profile.ToString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Naming_an_offender_tells_this_nodes_offender_service_in_the_flags_transaction_and_is_no_disclosure()
    {
        var child = Samples.Child();
        var flag = await app.Client().RaiseCseFlagAsync(RaiseOnline(child), app.As());

        var message = Assert.Single(await SentAbout(child, Topics.CseFlagOffenderLinks));
        var named = Payload<CseFlagNamedOffender>(message);
        Assert.Equal((flag.FlagId, OffenderId, child.NhsNumber, SuspectRelationship.OnlineContact, "social-care-mash"),
            (named.FlagId, named.OffenderId, named.Child.NhsNumber, named.SuspectRelationship, named.NamedBy));
        Assert.Equal(AssessmentApp.NodeId, EventEnvelope.Parser.ParseFrom(message.Envelope).OriginNode);
        Assert.False(await app.WithDbAsync(db => db.Set<DisclosureRecord>().AnyAsync(d => d.EventId == message.EventId)));
    }

    [SkippableFact]
    public async Task A_flag_without_an_offender_links_nobody_and_partners_see_no_linked_record()
    {
        var child = Samples.Child();
        var raise = RaiseOnline(child, offenderId: "");
        var flag = await app.Client().RaiseCseFlagAsync(raise, app.As());

        Assert.Equal("", flag.Suspect.OffenderId);
        Assert.Empty(await SentAbout(child, Topics.CseFlagOffenderLinks));
        Assert.False(Payload<CseFlagChanged>(Assert.Single(await SentAbout(child, Topics.CseFlags))).SuspectLinkedToPersonRecord);
    }

    [SkippableFact]
    public async Task A_bad_suspect_or_contact_is_refused_naming_each_field_and_nothing_is_stored()
    {
        var child = Samples.Child();
        var raise = RaiseOnline(child, offenderId: "off_12345");
        raise.Suspect.AgeYears = 147;
        raise.Contact.OnlinePlatform = new string('f', 101);

        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => app.Client().RaiseCseFlagAsync(raise, app.As()).ResponseAsync);

        Assert.Equal(["contact.online_platform", "suspect.age_years", "suspect.offender_id"], RpcAssert.ViolatedFields(error).Order(StringComparer.Ordinal));
        var childKey = app.ChildKey(child);
        Assert.False(await app.WithDbAsync(db => db.CseFlags.AnyAsync(f => f.ChildKey == childKey)));
        Assert.Empty(await SentAbout(child, Topics.CseFlagOffenderLinks));
    }

    [SkippableFact]
    public async Task An_age_with_a_band_it_does_not_fall_in_is_refused()
    {
        var raise = RaiseOnline(Samples.Child());
        raise.Suspect.AgeBand = SuspectAgeBand.Aged18To24;

        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => app.Client().RaiseCseFlagAsync(raise, app.As()).ResponseAsync);

        Assert.Equal(["suspect.age_band"], RpcAssert.ViolatedFields(error));
    }

    [SkippableFact]
    public async Task A_review_may_name_the_offender_later_and_a_review_without_a_suspect_keeps_the_flags()
    {
        var child = Samples.Child();
        var client = app.Client();
        var raise = Samples.Raise(child, "later-" + child.NhsNumber, CseRisk.Medium);
        raise.Suspect = new SuspectedPerpetrator { AgeBand = SuspectAgeBand.Aged35To44, Relationship = SuspectRelationship.OnlineContact };
        var flag = await client.RaiseCseFlagAsync(raise, app.As());
        Assert.Empty(await SentAbout(child, Topics.CseFlagOffenderLinks));

        var review = new ReviewCseFlagRequest
        {
            FlagId = flag.FlagId,
            Risk = CseRisk.High,
            Reason = "Suspect identified from the Facebook account.",
            Evidence = "Intelligence report 4411",
            Suspect = new SuspectedPerpetrator { AgeYears = 47, Relationship = SuspectRelationship.OnlineContact, OffenderId = OffenderId },
            Contact = new CseContactContext { OnlinePlatform = "Facebook" },
        };
        var reviewed = await client.ReviewCseFlagAsync(review, app.As());
        var again = await client.ReviewCseFlagAsync(review, app.As());
        Assert.Equal(reviewed, again);
        Assert.Equal((47, OffenderId, "Facebook"), (reviewed.Suspect.AgeYears, reviewed.Suspect.OffenderId, reviewed.Contact.OnlinePlatform));

        var kept = await client.ReviewCseFlagAsync(new ReviewCseFlagRequest { FlagId = flag.FlagId, Risk = CseRisk.High, Reason = "Confirmed.", Evidence = "Strategy discussion." }, app.As());
        Assert.Equal(reviewed.Suspect, kept.Suspect);

        // Named once: one link for the Offender service, however often the flag is reviewed since.
        Assert.Equal(OffenderId, Payload<CseFlagNamedOffender>(Assert.Single(await SentAbout(child, Topics.CseFlagOffenderLinks))).OffenderId);
        var shared = (await SentAbout(child, Topics.CseFlags)).Select(Payload<CseFlagChanged>).ToList();
        Assert.Equal([SuspectAgeBand.Aged35To44, SuspectAgeBand.Aged45To54, SuspectAgeBand.Aged45To54], shared.Select(s => s.SuspectAgeBand));
        Assert.Equal([false, true, true], shared.Select(s => s.SuspectLinkedToPersonRecord));
    }
}
