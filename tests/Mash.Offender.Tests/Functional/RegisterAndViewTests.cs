using Mash.Testing.Postgres;
using Google.Protobuf;
using Grpc.Core;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Offender.V1;
using Mash.Offender.Tests.Support;
using Mash.Platform.Auth;

namespace Mash.Offender.Tests.Functional;

/// <summary>
/// Registering an offender, and what each caller then sees: the full record with Offender.Read,
/// a summary with Offender.ReadSummary, never a restricted field in it.
/// </summary>
public sealed class RegisterAndViewTests(OffenderApp app) : RegisterAndViewScenarios(app), IClassFixture<OffenderApp>;

/// <summary>The same scenarios with the service on PostgreSQL.</summary>
public sealed class RegisterAndViewPostgreSqlTests(OffenderPostgreSqlApp app) : RegisterAndViewScenarios(PostgreSqlFixture.Require(app)), IClassFixture<OffenderPostgreSqlApp>;

/// <summary>Run on each database provider.</summary>
public abstract class RegisterAndViewScenarios(OffenderApp app)
{
    /// <summary>An offender with a measure in force and a linked child, so every restricted part has something in it.</summary>
    private async Task<(Contracts.Offender.V1.Offender Offender, ChildIdentity Child)> RegisteredWithEverythingAsync(string area = "Worcester North")
    {
        var registered = await app.RegisterAsync(Samples.Register(OffenderRisk.Medium, area, pncId: Samples.PncId()));
        var child = Samples.Child("Zoe");
        await app.LinkAsync(registered.OffenderId, child, ChildRelationship.Victim);
        await app.Client().AddPreventativeMeasureAsync(new AddPreventativeMeasureRequest
        {
            IdempotencyKey = Guid.NewGuid().ToString("N"),
            OffenderId = registered.OffenderId,
            Type = MeasureType.SexualHarmPreventionOrder,
            StartsOn = Samples.Day(OffenderApp.Today.AddYears(-1)),
            Conditions = "Not to have unsupervised contact with any child under 16.",
            Reference = "Worcester Crown Court T20250001",
        }, app.As());
        await app.Client().RecordVisitAsync(new RecordVisitRequest
        {
            IdempotencyKey = Guid.NewGuid().ToString("N"),
            OffenderId = registered.OffenderId,
            VisitedOn = Samples.Day(OffenderApp.Today),
            Officer = "PC 1234 Example",
            Outcome = VisitOutcome.SeenConcerns,
            Notes = "Children's toys in the spare room.",
        }, app.As());
        return (registered, child);
    }

    [SkippableFact]
    public async Task A_registered_offender_is_read_in_full_with_offender_read()
    {
        var request = Samples.Register(OffenderRisk.High, pncId: "26/ 123456z");
        var registered = await app.RegisterAsync(request);

        var read = await app.Client().GetOffenderAsync(new GetOffenderRequest { OffenderId = registered.OffenderId }, app.As("probation-mash", AgencyNames.Probation, MashRoles.OffenderRead));

        Assert.Equal(registered, read);
        Assert.Equal(OffenderView.Full, read.View);
        Assert.Equal((request.GivenName, request.FamilyName, OffenderRisk.High, MappaCategory.RegisteredSexualOffender), (read.GivenName, read.FamilyName, read.Risk, read.MappaCategory));
        Assert.Equal("26/123456Z", read.Details.PncId);
        Assert.Equal(request.Address, read.Details.Address);
        Assert.Equal(Samples.Day(OffenderApp.Today.AddYears(1)), read.Details.NotificationStatus.ReconfirmationDueBy);
        Assert.Equal((12, Samples.Day(OffenderApp.Today.AddDays(7 * 12))), (read.Details.VisitSchedule.IntervalWeeks, read.Details.VisitSchedule.NextDueBy));
        var initial = Assert.Single(read.Details.RiskHistory);
        Assert.Equal((OffenderRisk.Unspecified, OffenderRisk.High, "police-mash"), (initial.PreviousRisk, initial.Risk, initial.ChangedBy));
    }

    [SkippableFact]
    public async Task A_summary_reader_sees_who_where_and_how_risky_and_nothing_restricted()
    {
        var (offender, child) = await RegisteredWithEverythingAsync();

        var summary = await app.Client().GetOffenderAsync(new GetOffenderRequest { OffenderId = offender.OffenderId }, app.AsSummaryReader());

        Assert.Equal(OffenderView.Summary, summary.View);
        Assert.Equal((offender.GivenName, offender.FamilyName, offender.DateOfBirth), (summary.GivenName, summary.FamilyName, summary.DateOfBirth));
        Assert.Equal((OffenderRisk.Medium, MappaCategory.RegisteredSexualOffender, "Worcester North"), (summary.Risk, summary.MappaCategory, summary.Area));
        Assert.True(summary.HasActiveMeasures);
        Assert.Equal(1, summary.LinkedChildrenCount);
        Assert.Null(summary.Details);
        // Not the address, the visit notes, the measure's conditions nor the child, anywhere in the reply.
        var sent = summary.ToByteString().ToStringUtf8();
        foreach (var restricted in new[] { "12 Sample Street", "WR1 1AA", "toys", "unsupervised", child.GivenName, child.NhsNumber, "26/" })
        {
            Assert.DoesNotContain(restricted, sent, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task Offender_read_beats_read_summary()
    {
        var (offender, child) = await RegisteredWithEverythingAsync();
        var both = app.As("police-neighbourhood", AgencyNames.Police, MashRoles.OffenderReadSummary, MashRoles.OffenderRead);

        var read = await app.Client().GetOffenderAsync(new GetOffenderRequest { OffenderId = offender.OffenderId }, both);

        Assert.Equal(OffenderView.Full, read.View);
        Assert.Equal(child, Assert.Single(read.Details.LinkedChildren).Child);
        Assert.Equal("Children's toys in the spare room.", Assert.Single(read.Details.Visits).Notes);
        Assert.Equal("Not to have unsupervised contact with any child under 16.", Assert.Single(read.Details.Measures).Conditions);
    }

    [SkippableFact]
    public async Task Neighbourhood_officers_list_their_areas_offenders_highest_risk_first_in_their_view()
    {
        var area = "Area " + Guid.NewGuid().ToString("N")[..8];
        var medium = await app.RegisterAsync(Samples.Register(OffenderRisk.Medium, area));
        var veryHigh = await app.RegisterAsync(Samples.Register(OffenderRisk.VeryHigh, area.ToUpperInvariant()));
        var low = await app.RegisterAsync(Samples.Register(OffenderRisk.Low, " " + area));
        await app.RegisterAsync(Samples.Register(OffenderRisk.VeryHigh, area + " East"));

        var first = await app.Client().ListOffendersInAreaAsync(new ListOffendersInAreaRequest { Area = area, Page = new PageRequest { PageSize = 2 } }, app.AsSummaryReader("neighbourhood-police", AgencyNames.Police));
        var second = await app.Client().ListOffendersInAreaAsync(new ListOffendersInAreaRequest { Area = area, Page = new PageRequest { PageSize = 2, PageToken = first.NextPageToken } }, app.AsSummaryReader("neighbourhood-police", AgencyNames.Police));

        Assert.Equal([veryHigh.OffenderId, medium.OffenderId, low.OffenderId], first.Offenders.Concat(second.Offenders).Select(o => o.OffenderId));
        Assert.Equal("", second.NextPageToken);
        Assert.Equal(OffenderView.Summary, first.View);
        Assert.All(first.Offenders.Concat(second.Offenders), o => Assert.Null(o.Details));

        var full = await app.Client().ListOffendersInAreaAsync(new ListOffendersInAreaRequest { Area = area }, app.As());
        Assert.Equal(OffenderView.Full, full.View);
        Assert.All(full.Offenders, o => Assert.NotNull(o.Details.Address));
    }

    [SkippableFact]
    public async Task Registering_again_with_the_same_key_returns_the_same_offender_another_body_is_refused()
    {
        var request = Samples.Register(pncId: Samples.PncId());
        var first = await app.RegisterAsync(request);

        var retry = await app.RegisterAsync(request);
        Assert.Equal(first.OffenderId, retry.OffenderId);

        var changed = request.Clone();
        changed.Area = "Redditch";
        var reused = await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => app.Client().RegisterOffenderAsync(changed, app.As()).ResponseAsync);
        Assert.Contains("idempotency key", reused.Status.Detail, StringComparison.Ordinal);

        var samePerson = request.Clone();
        samePerson.IdempotencyKey = "another-key";
        var duplicate = await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => app.Client().RegisterOffenderAsync(samePerson, app.As()).ResponseAsync);
        Assert.Contains(first.OffenderId, duplicate.Status.Detail, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_bad_registration_names_every_bad_field_and_stores_nothing()
    {
        var request = Samples.Register();
        request.Risk = OffenderRisk.Unspecified;
        request.Address = null;
        request.RegisteredOn = Samples.Day(OffenderApp.Today.AddDays(1));

        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => app.Client().RegisterOffenderAsync(request, app.As()).ResponseAsync);

        Assert.Equal(["risk", "address", "registered_on"], RpcAssert.ViolatedFields(error));
        Assert.Equal(0, await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Offenders, o => o.FamilyName == request.FamilyName)));
    }

    [SkippableFact]
    public async Task An_unknown_offender_is_not_found() =>
        await RpcAssert.FailsWith(StatusCode.NotFound, () => app.Client().GetOffenderAsync(new GetOffenderRequest { OffenderId = "off_unknown" }, app.As()).ResponseAsync);
}
