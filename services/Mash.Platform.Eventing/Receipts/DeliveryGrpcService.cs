using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Mash.Contracts.Events.V1;
using Mash.Platform.Auth;
using Mash.Platform.Errors;
using Mash.Platform.Eventing.Outbox;
using Mash.Platform.Hosting;
using Mash.Platform.Paging;
using Mash.Platform.Persistence;
using Mash.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mash.Platform.Eventing.Receipts;

/// <summary>
/// mash.events.v1.DeliveryService for what this service shared (role Events.Admin): what has no
/// receipt by the time one was expected, oldest first.
/// </summary>
[Authorize(Policy = MashRoles.EventsAdmin)]
internal sealed class DeliveryGrpcService(
    MashDbContext db, WorkingCalendars calendars, IOptions<MashNodeOptions> node, IOptions<ReceiptOptions> options, TimeProvider time)
    : DeliveryService.DeliveryServiceBase
{
    public override async Task<ListUnacknowledgedResponse> ListUnacknowledged(ListUnacknowledgedRequest request, ServerCallContext context)
    {
        PageTokenFormats.Due.CheckPage(new FieldViolations(), request.Page, out var size, out var after)
            .Require(after is null || long.TryParse(after.Id, NumberStyles.None, CultureInfo.InvariantCulture, out _), "page.page_token", "Not a token this service issued; start again without one.")
            .ThrowIfAny("The deliveries cannot be listed.");

        var hours = options.Value.ExpectedWithinWorkingHours;
        var calendar = calendars.ForArea(node.Value.Area);
        var sharedBy = calendar.LatestStartFor(hours, time.GetUtcNow().UtcDateTime);
        var receipts = db.Set<DeliveryReceiptRecord>();
        var unacknowledged = db.Set<DisclosureRecord>().AsNoTracking()
            // A record a receipt is expected for: progress reports on a referral expect none.
            .Where(d => d.Shared && d.EventId != "" && d.RecordId != "" && d.DecidedAt <= sharedBy)
            .Where(d => !receipts.Any(r => r.EventId == d.EventId && (d.DestinationNode == "" || r.ReceivingNode == d.DestinationNode)));
        var page = unacknowledged;
        if (after is not null)
        {
            var afterId = long.Parse(after.Id, CultureInfo.InvariantCulture);
            page = page.Where(d => d.DecidedAt > after.Key || (d.DecidedAt == after.Key && d.Id > afterId));
        }

        var rows = await page.OrderBy(d => d.DecidedAt).ThenBy(d => d.Id).ReadPageAsync(size, context.CancellationToken);
        var response = new ListUnacknowledgedResponse { TotalUnacknowledged = await unacknowledged.CountAsync(context.CancellationToken) };
        response.Deliveries.AddRange(rows.Items.Select(d => new UnacknowledgedDelivery
        {
            EventId = d.EventId,
            EventType = d.What,
            RecordId = d.RecordId,
            DestinationNode = d.DestinationNode,
            SharedAt = Timestamp.FromDateTime(d.DecidedAt),
            ReceiptExpectedBy = Timestamp.FromDateTime(calendar.AddWorkingHours(d.DecidedAt, hours)),
        }));
        response.NextPageToken = PageTokenFormats.Due.NextToken(rows, last => (last.DecidedAt, last.Id.ToString(CultureInfo.InvariantCulture)));

        return response;
    }
}
