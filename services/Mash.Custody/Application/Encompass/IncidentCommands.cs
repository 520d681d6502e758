using Google.Protobuf;
using Mash.Contracts.Encompass.V1;
using Mash.Custody.Data;
using Mash.Custody.Domain.Encompass;
using Mash.Custody.IntegrationEvents.Encompass;
using Mash.Platform.Audit;
using Mash.Platform.Errors;
using Mash.Platform.Identity;
using Mash.Platform.Idempotency;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mash.Custody.Application.Encompass;

/// <summary>At the police node: a domestic abuse incident, and one notification per child for the child's school.</summary>
internal sealed class IncidentCommands(
    CustodyStore store, EncompassEvents events, CustodyRules rules, SchoolCalendars calendars, ChildKeyHasher childKeys, CallAudit audit, ServiceClock clock,
    DetentionCommand command)
{
    public async Task<Incident> RecordAsync(RecordIncidentRequest request, CancellationToken cancellationToken)
    {
        var occurredAt = EncompassRequestRules.CheckIncident(request, clock.UtcNow, clock.Today);
        var area = rules.Area;
        CheckSchoolAge(request, rules.LocalDay(occurredAt, area), calendars.ForArea(area).Rules, area);
        audit.RequireStatedPurpose();
        var fingerprint = RequestFingerprint.Of(request);
        const string method = "RecordIncident";
        return await store.OnceAsync(request.IdempotencyKey, method, fingerprint, ReadAsync, async ct =>
        {
            var now = clock.UtcNow;
            var incident = new IncidentRecord
            {
                Id = RecordIds.New("dai_", clock.Now),
                Area = area,
                OccurredAt = occurredAt,
                Location = request.Location.Trim(),
                Summary = request.Summary.Trim(),
                Household = request.Household.Trim(),
                PoliceReference = request.PoliceReference.Trim(),
                RecordedAt = now,
                RecordedBy = request.RecordedBy.Trim().Length > 0 ? request.RecordedBy.Trim() : command.Actor,
            };
            foreach (var child in request.Children)
            {
                var notification = new ChildNotificationRecord
                {
                    Id = RecordIds.New("esn_", clock.Now),
                    IncidentId = incident.Id,
                    ChildKey = childKeys.KeyFor(child.Child),
                    Child = child.Child.ToByteArray(),
                    Present = child.Present,
                    SawOrHeard = child.SawOrHeard.Trim(),
                };
                incident.Notifications.Add(notification);
                events.Notify(store.Db, incident, notification);
                audit.Touch(notification.ChildKey, incident.Id);
            }

            store.Db.Incidents.Add(incident);
            store.Remember(request.IdempotencyKey, method, fingerprint, incident.Id, now);
            await store.SaveAsync(ct);
            return incident.ToContract(now);
        }, cancellationToken);
    }

    public async Task<Incident> ReadAsync(string incidentId, CancellationToken cancellationToken)
    {
        var incident = await store.Db.Incidents.AsNoTracking().Include(i => i.Notifications).FirstOrDefaultAsync(i => i.Id == incidentId, cancellationToken)
            ?? throw RpcErrors.NotFound("domestic abuse incident", incidentId);
        TouchChildren(incident);
        return incident.ToContract(clock.UtcNow);
    }

    /// <summary>An incident read is a read of each child's record in it.</summary>
    public void TouchChildren(IncidentRecord incident)
    {
        foreach (var notification in incident.Notifications)
        {
            audit.Touch(notification.ChildKey, incident.Id);
        }
    }

    /// <summary>Notifications are for children of school age under the area's rule; any other is refused with the rule, naming the child.</summary>
    private static void CheckSchoolAge(RecordIncidentRequest request, DateOnly incidentDay, AreaSchoolRules schoolRules, string area)
    {
        var v = new FieldViolations();
        for (var i = 0; i < request.Children.Count; i++)
        {
            DatesOfBirth.TryToDateOnly(request.Children[i].Child.DateOfBirth, out var born);
            if (SchoolAge.Refusal(born, incidentDay, schoolRules, area) is { } refusal)
            {
                v.Add($"children[{i}].child.date_of_birth", refusal);
            }
        }

        v.ThrowIfAny("The incident cannot be recorded.");
    }
}
