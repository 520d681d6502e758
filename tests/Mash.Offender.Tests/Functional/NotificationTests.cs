using Grpc.Core;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Offender.V1;
using Mash.Offender.Tests.Support;

namespace Mash.Offender.Tests.Functional;

/// <summary>
/// Notification requirements: changes within 3 days (calendar days), a yearly re-confirmation;
/// late and missing notifications, and overdue re-confirmations, listed for offender managers.
/// </summary>
public sealed class NotificationTests(OffenderApp app) : IClassFixture<OffenderApp>
{
    private static readonly DateOnly Today = OffenderApp.Today; // a Monday
    private static readonly DateOnly Friday = Today.AddDays(-3);

    private Task<Contracts.Offender.V1.Offender> NotifyAsync(
        string offenderId, NotificationKind kind, DateOnly? occurredOn, DateOnly? notifiedOn, string details = "Moved to a new home address.",
        Address? newAddress = null, string newArea = "", string? key = null) =>
        app.Client().RecordNotificationAsync(new RecordNotificationRequest
        {
            IdempotencyKey = key ?? Guid.NewGuid().ToString("N"),
            OffenderId = offenderId,
            Kind = kind,
            ChangeOccurredOn = occurredOn is { } o ? Samples.Day(o) : null,
            NotifiedOn = notifiedOn is { } n ? Samples.Day(n) : null,
            Details = kind == NotificationKind.AnnualReconfirmation ? "" : details,
            NewAddress = newAddress,
            NewArea = newArea,
        }, app.As()).ResponseAsync;

    private Task<ListNotificationBreachesResponse> BreachesAsync(string area, string officer = "") =>
        app.Client().ListNotificationBreachesAsync(new ListNotificationBreachesRequest { Area = area, ManagingOfficer = officer }, app.As()).ResponseAsync;

    [Fact]
    public async Task A_change_on_friday_notified_on_monday_is_a_breach_notified_on_sunday_is_not()
    {
        var area = "Notify " + Guid.NewGuid().ToString("N")[..8];
        var late = await app.RegisterAsync(Samples.Register(area: area, registeredOn: Today.AddMonths(-2)));
        var inTime = await app.RegisterAsync(Samples.Register(area: area, registeredOn: Today.AddMonths(-2)));

        var recorded = await NotifyAsync(late.OffenderId, NotificationKind.Change, Friday, Today);
        await NotifyAsync(inTime.OffenderId, NotificationKind.Change, Friday, Today.AddDays(-1));

        var notification = Assert.Single(recorded.Details.Notifications);
        Assert.Equal((BreachKind.ChangeNotifiedLate, Samples.Day(Today.AddDays(-1))), (notification.Breach, notification.DueBy));
        var breach = Assert.Single((await BreachesAsync(area)).Breaches);
        Assert.Equal((BreachKind.ChangeNotifiedLate, late.OffenderId, notification.NotificationId, 1),
            (breach.Kind, breach.Offender.OffenderId, breach.NotificationId, breach.DaysLate));
        // Any notification restarts the yearly clock.
        Assert.Equal(Samples.Day(Today.AddYears(1)), recorded.Details.NotificationStatus.ReconfirmationDueBy);
    }

    [Fact]
    public async Task Overdue_and_late_reconfirmations_and_unnotified_changes_are_listed_earliest_due_first()
    {
        var area = "Notify " + Guid.NewGuid().ToString("N")[..8];
        var overdue = await app.RegisterAsync(Samples.Register(area: area, officer: "DC Smith", registeredOn: Today.AddYears(-1).AddDays(-3)));
        await app.RegisterAsync(Samples.Register(area: area, officer: "DC Smith", registeredOn: Today.AddYears(-1).AddDays(2)));
        var moved = await app.RegisterAsync(Samples.Register(area: area, officer: "DC Jones", registeredOn: Today.AddMonths(-6)));
        Assert.True((await app.Client().GetOffenderAsync(new GetOffenderRequest { OffenderId = overdue.OffenderId }, app.As())).Details.NotificationStatus.ReconfirmationOverdue);

        await NotifyAsync(moved.OffenderId, NotificationKind.ChangeNotNotified, Friday, null, "Found living with a partner and her two children.");
        var listed = await BreachesAsync(area);

        Assert.Equal([(BreachKind.ReconfirmationOverdue, overdue.OffenderId, 3), (BreachKind.ChangeNotNotified, moved.OffenderId, 1)],
            listed.Breaches.Select(b => (b.Kind, b.Offender.OffenderId, b.DaysLate)));
        Assert.Equal([overdue.OffenderId], (await BreachesAsync(area, "dc smith")).Breaches.Select(b => b.Offender.OffenderId));

        var reconfirmed = await NotifyAsync(overdue.OffenderId, NotificationKind.AnnualReconfirmation, null, Today);

        Assert.False(reconfirmed.Details.NotificationStatus.ReconfirmationOverdue);
        Assert.Equal(BreachKind.ReconfirmationLate, reconfirmed.Details.Notifications.Single().Breach);
        Assert.Equal([BreachKind.ReconfirmationLate, BreachKind.ChangeNotNotified], (await BreachesAsync(area)).Breaches.Select(b => b.Kind));
    }

    [Fact]
    public async Task A_notified_move_changes_the_address_and_area_and_is_recorded_once_per_key()
    {
        var area = "Notify " + Guid.NewGuid().ToString("N")[..8];
        var offender = await app.RegisterAsync(Samples.Register(area: area, registeredOn: Today.AddMonths(-1)));
        var newAddress = new Address { Lines = { "3 Other Road" }, Town = "Redditch", Postcode = "B97 4AA" };

        var first = await NotifyAsync(offender.OffenderId, NotificationKind.Change, Today, Today, newAddress: newAddress, newArea: area + " Moved", key: "move-1");
        var retry = await NotifyAsync(offender.OffenderId, NotificationKind.Change, Today, Today, newAddress: newAddress, newArea: area + " Moved", key: "move-1");

        Assert.Equal((newAddress, area + " Moved"), (first.Details.Address, first.Area));
        Assert.Single(retry.Details.Notifications);
        var listed = await app.Client().ListOffendersInAreaAsync(new ListOffendersInAreaRequest { Area = area + " moved" }, app.AsSummaryReader());
        Assert.Equal(offender.OffenderId, Assert.Single(listed.Offenders).OffenderId);
        await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => NotifyAsync(offender.OffenderId, NotificationKind.Change, Today, Today, "Other", key: "move-1"));
    }

    [Fact]
    public async Task Only_an_offender_under_notification_requirements_notifies_and_not_before_registration()
    {
        var violent = Samples.Register(registeredOn: Today.AddMonths(-1));
        violent.MappaCategory = MappaCategory.ViolentOffender;
        violent.NotificationRequirements = null;
        var notRequired = await app.RegisterAsync(violent);
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => NotifyAsync(notRequired.OffenderId, NotificationKind.Change, Today, Today));

        var offender = await app.RegisterAsync(Samples.Register(registeredOn: Today.AddDays(-1)));
        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => NotifyAsync(offender.OffenderId, NotificationKind.Change, Today.AddDays(-5), Today.AddDays(-2)));
        Assert.Equal(["notified_on"], RpcAssert.ViolatedFields(error));
        await RpcAssert.FailsWith(StatusCode.NotFound, () => NotifyAsync("off_unknown", NotificationKind.Change, Today, Today));
    }
}
