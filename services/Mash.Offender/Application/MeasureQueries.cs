using Mash.Contracts.Offender.V1;
using Mash.Offender.Data;
using Mash.Offender.Domain;
using Mash.Platform.Audit;
using Mash.Platform.Errors;
using Mash.Platform.Paging;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Mash.Offender.IntegrationEvents;
using Mash.Platform.Persistence;

namespace Mash.Offender.Application;

/// <summary>Preventative measures to act on: in force and expiring soon (renew or let lapse deliberately), or breached.</summary>
internal sealed class MeasureQueries(OffenderDbContext db, CallAudit audit, ServiceClock clock)
{
    private static readonly PageTokenFormat<DateOnly> ExpiringList = PageTokenFormats.ByDay("exp1");
    private static readonly PageTokenFormat<DateOnly> BreachedList = PageTokenFormats.ByDay("brc1");

    /// <summary>Measures in force expiring within the days asked (soonest first), or breached (latest breach first).</summary>
    public async Task<ListMeasuresResponse> ListMeasuresAsync(ListMeasuresRequest request, CancellationToken cancellationToken)
    {
        var breached = request.Filter == MeasureFilter.Breached;
        var v = new FieldViolations().CheckKnown("filter", request.Filter, "Say which measures: expiring soon or breached.")
            .Require(request.ExpiringWithinDays is >= 0 and <= MeasureRules.MaxExpiringWithinDays, "expiring_within_days",
                $"Between 1 and {MeasureRules.MaxExpiringWithinDays} (0 means {MeasureRules.DefaultExpiringWithinDays}).");
        ManagedFilter.Check(v, request.Area, "", request.Page, breached ? BreachedList : ExpiringList, out var size, out var after)
            .ThrowIfAny("The measures cannot be listed.");
        audit.RequireStatedPurpose();

        var today = clock.Today;
        var offenders = ManagedFilter.Apply(db.Offenders.AsNoTracking(), request.Area, "");
        var measures = db.MeasuresWithParts.AsNoTracking().Where(m => offenders.Any(o => o.Id == m.OffenderId));
        Page<MeasureRecord> records;
        if (breached)
        {
            measures = measures.Where(m => m.LastBreachOn != null);
            if (after is not null)
            {
                var day = after.Key;
                measures = measures.Where(m => m.LastBreachOn < day || (m.LastBreachOn == day && string.Compare(m.Id, after.Id) < 0));
            }

            records = await measures.OrderByDescending(m => m.LastBreachOn).ThenByDescending(m => m.Id).ReadPageAsync(size, cancellationToken);
        }
        else
        {
            var until = today.AddDays(request.ExpiringWithinDays > 0 ? request.ExpiringWithinDays : MeasureRules.DefaultExpiringWithinDays);
            measures = measures.Where(m => m.StartsOn <= today && m.ExpiresOn != null && m.ExpiresOn >= today && m.ExpiresOn <= until);
            if (after is not null)
            {
                var day = after.Key;
                measures = measures.Where(m => m.ExpiresOn > day || (m.ExpiresOn == day && string.Compare(m.Id, after.Id) > 0));
            }

            records = await measures.OrderBy(m => m.ExpiresOn).ThenBy(m => m.Id).ReadPageAsync(size, cancellationToken);
        }

        var owners = records.Items.Select(m => m.OffenderId).Distinct().ToList();
        var refs = await db.Offenders.AsNoTracking().Where(o => owners.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.ToRef(), cancellationToken);
        var response = new ListMeasuresResponse();
        foreach (var measure in records.Items)
        {
            audit.TouchMeasure(measure);
            response.Measures.Add(new ListedMeasure { Offender = refs[measure.OffenderId], Measure = measure.ToContract(today) });
        }

        response.NextPageToken = breached
            ? BreachedList.NextToken(records, last => (last.LastBreachOn!.Value, last.Id))
            : ExpiringList.NextToken(records, last => (last.ExpiresOn!.Value, last.Id));

        return response;
    }
}
