using Google.Protobuf;
using Grpc.Core;
using Mash.Abuse.Tests.Infrastructure;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Offender.V1;
using Mash.Platform.Auth;
using Mash.Testing.Nodes;

namespace Mash.Abuse.Tests.Access;

/// <summary>
/// The field-level rule of the offender service: Offender.ReadSummary sees who, where and how
/// risky, never the address, the management detail or the linked children's identities, and no
/// header or second route gets a summary reader more.
/// </summary>
[Collection(AbuseCollection.Name)]
public sealed class OffenderViewTests(AbuseNode node)
{
    [Fact]
    public async Task A_summary_reader_never_receives_the_restricted_fields()
    {
        var offenders = node.Client.Offenders();
        var manager = NodeClient.Headers(node.Tokens.WithRoles([MashRoles.OffenderManage]));
        var area = "Abuse Test Area " + Guid.NewGuid().ToString("N")[..6];
        var child = TestChildren.New("Evi");
        var registered = await offenders.RegisterOffenderAsync(Register(area), manager);
        await offenders.LinkChildAsync(new LinkChildRequest { OffenderId = registered.OffenderId, Child = child, Relationship = ChildRelationship.Sibling }, manager);

        var full = await offenders.GetOffenderAsync(new GetOffenderRequest { OffenderId = registered.OffenderId }, Headers(MashRoles.OffenderRead));
        var summary = await offenders.GetOffenderAsync(new GetOffenderRequest { OffenderId = registered.OffenderId }, Headers(MashRoles.OffenderReadSummary));
        var asserted = Headers(MashRoles.OffenderReadSummary);
        asserted.Add("x-mash-roles", MashRoles.OffenderRead);
        asserted.Add("x-mash-view", "OFFENDER_VIEW_FULL");
        var withHeaders = await offenders.GetOffenderAsync(new GetOffenderRequest { OffenderId = registered.OffenderId }, asserted);
        var listed = await offenders.ListOffendersInAreaAsync(new ListOffendersInAreaRequest { Area = area }, Headers(MashRoles.OffenderReadSummary));

        // The full view has what the summary must not.
        Assert.Equal(OffenderView.Full, full.View);
        Assert.Equal("WR1 1AA", full.Details.Address.Postcode);
        Assert.Contains(full.Details.LinkedChildren, l => l.Child.NhsNumber == child.NhsNumber);

        foreach (var seen in new[] { summary, withHeaders, listed.Offenders.Single() })
        {
            Assert.Equal(OffenderView.Summary, seen.View);
            Assert.Null(seen.Details);
            Assert.Equal(1, seen.LinkedChildrenCount);
            var bytes = seen.ToByteString().ToStringUtf8();
            Assert.DoesNotContain(child.NhsNumber, bytes, StringComparison.Ordinal);
            Assert.DoesNotContain(child.GivenName, bytes, StringComparison.Ordinal);
            Assert.DoesNotContain("WR1 1AA", bytes, StringComparison.Ordinal);
            Assert.DoesNotContain("12 Sample Street", bytes, StringComparison.Ordinal);
            Assert.DoesNotContain("ARMS", bytes, StringComparison.Ordinal);
        }

        Assert.Equal(OffenderView.Summary, listed.View);
    }

    [Fact]
    public async Task A_summary_reader_cannot_reach_the_full_lists_or_change_anything()
    {
        var offenders = node.Client.Offenders();
        var summary = Headers(MashRoles.OffenderReadSummary);

        foreach (var call in new Func<Task>[]
        {
            async () => await offenders.ListMeasuresAsync(new ListMeasuresRequest(), summary),
            async () => await offenders.ListOverdueVisitsAsync(new ListOverdueVisitsRequest(), summary),
            async () => await offenders.ListNotificationBreachesAsync(new ListNotificationBreachesRequest(), summary),
            async () => await offenders.RegisterOffenderAsync(Register("Anywhere"), summary),
            async () => await offenders.LinkChildAsync(new LinkChildRequest { OffenderId = "any", Child = TestChildren.New() }, summary),
        })
        {
            var refused = await Assert.ThrowsAsync<RpcException>(call);
            Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        }
    }

    private Metadata Headers(string role) => NodeClient.Headers(node.Tokens.WithRoles([role], "children-social-care", "social-care-mash"));

    private static RegisterOffenderRequest Register(string area) => new()
    {
        IdempotencyKey = "abuse-register-" + Guid.NewGuid().ToString("N"),
        GivenName = "John",
        FamilyName = "Offender",
        DateOfBirth = new Date { Year = 1980, Month = 3, Day = 1 },
        MappaCategory = MappaCategory.RegisteredSexualOffender,
        MappaLevel = MappaLevel.OrdinaryAgencyManagement,
        Risk = OffenderRisk.Medium,
        RiskRationale = "ARMS assessment: medium risk of sexual reoffending.",
        NotificationRequirements = new NotificationRequirements { Applies = true },
        Address = new Address { Lines = { "12 Sample Street" }, Town = "Worcester", Postcode = "WR1 1AA" },
        Area = area,
        RegisteredOn = new Date { Year = DateTime.UtcNow.Year, Month = DateTime.UtcNow.Month, Day = DateTime.UtcNow.Day },
        ManagingOfficer = "PC 1234 Example",
    };
}
