using Mash.Contracts.Offender.V1;
using Mash.Offender.Data;
using Mash.Offender.Domain;
using Mash.Platform.Audit;
using Mash.Platform.Errors;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mash.Offender.Grpc;

/// <summary>Preventative measures to act on: in force and expiring soon (renew or let lapse deliberately), or breached.</summary>
internal sealed class MeasureQueries(OffenderDbContext db, CallAudit audit, ServiceClock clock)
{
    private static readonly PageList ExpiringList = new("exp1", KeyIsDay: true);
    private static readonly PageList BreachedList = new("brc1", KeyIsDay: true);

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
        List<MeasureRecord> records;
        if (breached)
        {
            measures = measures.Where(m => m.LastBreachOn != null);
            if (after is not null)
            {
                var day = after.Day;
                measures = measures.Where(m => m.LastBreachOn < day || (m.LastBreachOn == day && string.Compare(m.Id, after.Id) < 0));
            }

            records = await measures.OrderByDescending(m => m.LastBreachOn).ThenByDescending(m => m.Id).Take(size + 1).ToListAsync(cancellationToken);
        }
        else
        {
            var until = today.AddDays(request.ExpiringWithinDays > 0 ? request.ExpiringWithinDays : MeasureRules.DefaultExpiringWithinDays);
            measures = measures.Where(m => m.StartsOn <= today && m.ExpiresOn != null && m.ExpiresOn >= today && m.ExpiresOn <= until);
            if (after is not null)
            {
                var day = after.Day;
                measures = measures.Where(m => m.ExpiresOn > day || (m.ExpiresOn == day && string.Compare(m.Id, after.Id) > 0));
            }

            records = await measures.OrderBy(m => m.ExpiresOn).ThenBy(m => m.Id).Take(size + 1).ToListAsync(cancellationToken);
        }

        var owners = records.Select(m => m.OffenderId).Distinct().ToList();
        var refs = await db.Offenders.AsNoTracking().Where(o => owners.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.ToRef(), cancellationToken);
        var response = new ListMeasuresResponse();
        foreach (var measure in records.Take(size))
        {
            audit.TouchMeasure(measure);
            response.Measures.Add(new ListedMeasure { Offender = refs[measure.OffenderId], Measure = measure.ToContract(today) });
        }

        if (records.Count > size)
        {
            var last = records[size - 1];
            response.NextPageToken = PageToken.Encode(breached ? BreachedList : ExpiringList,
                breached ? last.LastBreachOn!.Value : last.ExpiresOn!.Value, last.Id);
        }

        return response;
    }
}
