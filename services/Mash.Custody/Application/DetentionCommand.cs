using Google.Protobuf;
using Mash.Contracts.Custody.V1;
using Mash.Custody.Data;
using Mash.Platform.Audit;
using Mash.Platform.Errors;
using Mash.Platform.Idempotency;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mash.Custody.Application;

/// <summary>
/// The one way a command changes a detention: once per idempotency key, on the detention read for
/// change, saved with its audit entries and events, and answered with the detention as it stands.
/// </summary>
internal sealed class DetentionCommand(CustodyStore store, CallAudit audit, CustodyRules rules, ServiceClock clock)
{
    public DateTime Now => clock.UtcNow;

    public string ClientId => audit.Caller.ClientId;

    /// <summary>Who asked, for the record: the practitioner when named, else the client.</summary>
    public string Actor => audit.Practitioner.Name.Length > 0 ? $"{audit.Practitioner.Name} ({audit.Caller.ClientId})" : audit.Caller.ClientId;

    public Task<Detention> RunAsync<TRequest>(
        string method, TRequest request, string detentionId, string idempotencyKey, Action<DetentionRecord> change, CancellationToken cancellationToken)
        where TRequest : IMessage<TRequest>
    {
        audit.RequireStatedPurpose();
        var fingerprint = RequestFingerprint.Of(request);
        return store.OnceAsync(idempotencyKey, method, fingerprint, ReadAsync, async ct =>
        {
            var record = await store.LoadAsync(detentionId, ct);
            change(record);
            store.Remember(idempotencyKey, method, fingerprint, record.Id, clock.UtcNow);
            await store.SaveAsync(record, ct);
            return View(record);
        }, cancellationToken);
    }

    public async Task<Detention> ReadAsync(string detentionId, CancellationToken cancellationToken)
    {
        var record = await store.Db.DetentionsWithParts.AsNoTracking().FirstOrDefaultAsync(d => d.Id == detentionId, cancellationToken)
            ?? throw RpcErrors.NotFound("detention", detentionId);
        audit.Touch(record.ChildKey, record.Id);
        return View(record);
    }

    public Detention View(DetentionRecord record) => record.ToContract(clock.UtcNow, rules, rules.ThisNode);

    /// <summary>INVALID_ARGUMENT when a time comes before the one it must follow.</summary>
    public static void RequireInOrder(string field, DateTime at, DateTime? earlier, string earlierIs, string consequence) =>
        new FieldViolations().CheckNotBefore(field, at, earlier, earlierIs).ThrowIfAny(consequence);

    /// <summary>FAILED_PRECONDITION: the detention lacks, or already has, what the command needs.</summary>
    public static global::Grpc.Core.RpcException Refused(DetentionRecord record, string type, string description) =>
        RpcErrors.FailedPrecondition($"detention {record.Id}", type, description);
}
