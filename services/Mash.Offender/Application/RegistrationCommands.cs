using Google.Protobuf;
using Mash.Contracts.Offender.V1;
using Mash.Offender.Data;
using Mash.Offender.Domain;
using Mash.Platform.Audit;
using Mash.Platform.Errors;
using Mash.Platform.Idempotency;
using Mash.Platform.Identity;
using Mash.Platform.Persistence;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Mash.Offender.IntegrationEvents;

namespace Mash.Offender.Application;

/// <summary>Registers an offender: once per idempotency key, and once per PNC id.</summary>
internal sealed class RegistrationCommands(OffenderStore store, CallAudit audit, AuditTrail trail, VisitSchedules visits, ServiceClock clock)
{
    private const string Method = "RegisterOffender";

    public async Task<Contracts.Offender.V1.Offender> RegisterAsync(RegisterOffenderRequest request, CancellationToken cancellationToken)
    {
        RegistrationRules.Validate(request, clock.Window).ThrowIfAny("The offender cannot be registered.");
        audit.RequireStatedPurpose();

        var fingerprint = RequestFingerprint.Of(request);
        var pncId = RegistrationRules.NormalisePncId(request.PncId);
        // A conflict that is not the key: the same PNC id registered meanwhile under another key.
        return await store.OnceAsync(request.IdempotencyKey, Method, fingerprint, ReplayAsync,
            ct => RegisterFirstTimeAsync(request, pncId, fingerprint, ct), cancellationToken, refuseConflict: ct => RefuseIfRegisteredAsync(pncId, ct));
    }

    private async Task<Contracts.Offender.V1.Offender> RegisterFirstTimeAsync(RegisterOffenderRequest request, string pncId, string fingerprint, CancellationToken cancellationToken)
    {
        await RefuseIfRegisteredAsync(pncId, cancellationToken);
        var record = NewRecord(request, pncId);
        store.Db.Offenders.Add(record);
        store.Remember(request.IdempotencyKey, Method, fingerprint, record.Id, record.Id, clock.UtcNow);
        audit.TouchOffender(record, OffenderViews.ForCommands);
        await trail.SaveChangesWithAuditAsync(store.Db, cancellationToken);
        return record.ToContract(OffenderViews.ForCommands, clock.Today);
    }

    private async Task RefuseIfRegisteredAsync(string pncId, CancellationToken cancellationToken)
    {
        if (pncId.Length > 0
            && await store.Db.OffenderIdsWithPnc(pncId).FirstOrDefaultAsync(cancellationToken) is { } existing)
        {
            audit.TouchOnce(OffenderAudit.NoChild, existing);
            throw RpcErrors.AlreadyExists("OFFENDER_ALREADY_REGISTERED",
                $"An offender with PNC id {pncId} is already registered on this node ({existing}); update that record instead.");
        }
    }

    private async Task<Contracts.Offender.V1.Offender> ReplayAsync(CommandRecord earlier, CancellationToken cancellationToken)
    {
        var record = await store.ReadAsync(earlier.OffenderId, cancellationToken);
        audit.TouchOffender(record, OffenderViews.ForCommands);
        return record.ToContract(OffenderViews.ForCommands, clock.Today);
    }

    private OffenderRecord NewRecord(RegisterOffenderRequest request, string pncId)
    {
        var registeredOn = Dates.Optional(request.RegisteredOn)!.Value;
        var requirements = request.NotificationRequirements ?? new NotificationRequirements();
        var record = new OffenderRecord
        {
            Id = RecordIds.New(OffenderIds.Prefix, clock.Now),
            GivenName = request.GivenName.Trim(),
            FamilyName = request.FamilyName.Trim(),
            DateOfBirth = Dates.Optional(request.DateOfBirth)!.Value,
            PncId = pncId,
            MappaCategory = request.MappaCategory,
            MappaLevel = request.MappaLevel,
            Risk = request.Risk,
            RiskRationale = request.RiskRationale.Trim(),
            Address = request.Address.ToByteArray(),
            Area = request.Area.Trim(),
            AreaKey = OffenderRecord.Fold(request.Area),
            ManagingOfficer = request.ManagingOfficer.Trim(),
            OfficerKey = OffenderRecord.Fold(request.ManagingOfficer),
            RegisteredOn = registeredOn,
            RegisteredAt = clock.UtcNow,
            RegisteredBy = audit.Caller.ClientId,
            NotificationApplies = requirements.Applies,
            NotificationEndsOn = Dates.Optional(requirements.EndsOn),
            LastNotifiedOn = registeredOn,
            Version = 1,
        };
        // The registration is the initial notification: the yearly re-confirmation runs from it.
        record.NotifiedOn(registeredOn);
        record.Reschedule(visits);
        record.RiskChanges.Add(new RiskChangeRecord
        {
            OffenderId = record.Id,
            Risk = record.Risk,
            MappaLevel = record.MappaLevel,
            Rationale = record.RiskRationale,
            ChangedAt = record.RegisteredAt,
            ChangedBy = record.RegisteredBy,
        });
        return record;
    }
}
