using Google.Protobuf;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Offender.V1;
using Mash.Offender.Data;
using Mash.Offender.Domain;
using Mash.Platform.Audit;
using Mash.Platform.Errors;
using Mash.Platform.Idempotency;
using Mash.Platform.Identity;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Mash.Offender.IntegrationEvents;

namespace Mash.Offender.Application;

/// <summary>Preventative measures and their breaches, each stored once per idempotency key.</summary>
internal sealed class MeasureCommands(OffenderStore store, CallAudit audit, ChildKeyHasher childKeys, ServiceClock clock)
{
    private const string AddMethod = "AddPreventativeMeasure";
    private const string BreachMethod = "RecordMeasureBreach";

    public async Task<PreventativeMeasure> AddAsync(AddPreventativeMeasureRequest request, CancellationToken cancellationToken)
    {
        MeasureRules.Validate(request, clock.Window).ThrowIfAny("The measure cannot be recorded.");
        audit.RequireStatedPurpose();
        var fingerprint = RequestFingerprint.Of(request);
        return await store.OnceAsync(request.IdempotencyKey, AddMethod, fingerprint, ReplayAsync,
            ct => AddFirstTimeAsync(request, fingerprint, ct), cancellationToken);
    }

    private async Task<PreventativeMeasure> AddFirstTimeAsync(AddPreventativeMeasureRequest request, string fingerprint, CancellationToken cancellationToken)
    {
        var record = await store.LoadAsync(request.OffenderId, cancellationToken);
        audit.TouchOffender(record, OffenderViews.ForCommands);
        var measure = new MeasureRecord
        {
            Id = RecordIds.New("msr_", clock.Now),
            OffenderId = record.Id,
            Type = request.Type,
            StartsOn = Dates.Optional(request.StartsOn)!.Value,
            ExpiresOn = Dates.Optional(request.ExpiresOn),
            Conditions = request.Conditions.Trim(),
            Reference = request.Reference.Trim(),
            RecordedAt = clock.UtcNow,
            RecordedBy = audit.Caller.ClientId,
        };
        measure.ProtectedChildren.AddRange(request.ProtectedChildren.Select((c, i) => new ProtectedChildRecord
        {
            MeasureId = measure.Id,
            Ordinal = i,
            ChildKey = childKeys.KeyFor(c.Child),
            Child = c.Child.ToByteArray(),
            ChildMatch = (ChildIdentityRules.IsConfirmed(c.Child) ? ChildMatchStatus.Confirmed : ChildMatchStatus.Unconfirmed),
            InLocalAuthorityCare = c.InLocalAuthorityCare,
        }));
        record.Measures.Add(measure);
        audit.TouchMeasure(measure);
        store.Remember(request.IdempotencyKey, AddMethod, fingerprint, record.Id, measure.Id, clock.UtcNow);
        await store.SaveCommandAsync(record, cancellationToken);
        return measure.ToContract(clock.Today);
    }

    public async Task<PreventativeMeasure> RecordBreachAsync(RecordMeasureBreachRequest request, CancellationToken cancellationToken)
    {
        MeasureRules.Validate(request, clock.Window).ThrowIfAny("The breach cannot be recorded.");
        audit.RequireStatedPurpose();
        var fingerprint = RequestFingerprint.Of(request);
        return await store.OnceAsync(request.IdempotencyKey, BreachMethod, fingerprint, ReplayAsync,
            ct => RecordBreachFirstTimeAsync(request, fingerprint, ct), cancellationToken);
    }

    private async Task<PreventativeMeasure> RecordBreachFirstTimeAsync(RecordMeasureBreachRequest request, string fingerprint, CancellationToken cancellationToken)
    {
        var offenderId = await store.Db.Measures.AsNoTracking().Where(m => m.Id == request.MeasureId).Select(m => m.OffenderId).FirstOrDefaultAsync(cancellationToken)
            ?? throw RpcErrors.NotFound("preventative measure", request.MeasureId);
        var record = await store.LoadAsync(offenderId, cancellationToken);
        var measure = record.Measures.Single(m => m.Id == request.MeasureId);
        audit.TouchMeasure(measure);
        var occurredOn = Dates.Optional(request.OccurredOn)!.Value;
        new FieldViolations()
            .Require(occurredOn >= measure.StartsOn, "occurred_on", $"Before the measure started ({Dates.Text(measure.StartsOn)}).")
            .Require(measure.ExpiresOn is null || occurredOn <= measure.ExpiresOn, "occurred_on", $"After the measure expired ({Dates.Text(measure.ExpiresOn ?? occurredOn)}).")
            .ThrowIfAny("The breach cannot be recorded.");
        var breach = new MeasureBreachRecord
        {
            Id = RecordIds.New("brc_", clock.Now),
            MeasureId = measure.Id,
            OccurredOn = occurredOn,
            Details = request.Details.Trim(),
            RecordedAt = clock.UtcNow,
            RecordedBy = audit.Caller.ClientId,
        };
        measure.Breaches.Add(breach);
        measure.LastBreachOn = measure.LastBreachOn is { } last && last > occurredOn ? last : occurredOn;
        store.Remember(request.IdempotencyKey, BreachMethod, fingerprint, record.Id, breach.Id, clock.UtcNow);
        await store.SaveCommandAsync(record, cancellationToken);
        return measure.ToContract(clock.Today);
    }

    private async Task<PreventativeMeasure> ReplayAsync(CommandRecord earlier, CancellationToken cancellationToken)
    {
        var measureId = earlier.Method == AddMethod ? earlier.ResultId
            : await store.Db.Set<MeasureBreachRecord>().AsNoTracking().Where(b => b.Id == earlier.ResultId).Select(b => b.MeasureId).SingleAsync(cancellationToken);
        var measure = await store.Db.MeasuresWithParts.AsNoTracking().SingleAsync(m => m.Id == measureId, cancellationToken);
        audit.TouchMeasure(measure);
        return measure.ToContract(clock.Today);
    }
}
