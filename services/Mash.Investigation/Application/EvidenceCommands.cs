using Google.Protobuf;
using Mash.Contracts.Investigation.V1;
using Mash.Investigation.Data;
using Mash.Investigation.Domain;
using Mash.Platform.Audit;
using Mash.Platform.Errors;
using Mash.Platform.Idempotency;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Mash.Platform.Identity;

namespace Mash.Investigation.Application;

/// <summary>Devices seized and examined, and files sent to the prosecutor: each a part of one investigation.</summary>
internal sealed class EvidenceCommands(InvestigationStore store, InvestigationRules rules, ServiceClock clock)
{
    public Task<Device> SeizeAsync(RecordDeviceSeizedRequest request, CancellationToken cancellationToken)
    {
        var at = InvestigationRequestRules.CheckDevice(request, clock.UtcNow);
        return PartAsync(request.IdempotencyKey, "RecordDeviceSeized", RequestFingerprint.Of(request), request.InvestigationId, DeviceAsync, record =>
        {
            InvestigationCommands.RequireOpen(record);
            new FieldViolations().CheckNotBefore("seized_at", at, record.OpenedAt, "the investigation's opening").ThrowIfAny("The device cannot be recorded.");
            var device = new DeviceRecord
            {
                Id = RecordIds.New("dev_", clock.Now), InvestigationId = record.Id, Type = request.Type, Owner = request.Owner,
                Priority = request.Priority, Stage = DeviceStage.Seized, ExhibitReference = request.ExhibitReference.Trim(), SeizedAt = at,
            };
            record.Devices.Add(device);
            return device.Id;
        }, cancellationToken);
    }

    /// <summary>Submitted, examination started, examined: each once and in that order; an examination before the submission is INVALID_ARGUMENT.</summary>
    public async Task<Device> ProgressAsync(RecordDeviceProgressRequest request, CancellationToken cancellationToken)
    {
        var at = InvestigationRequestRules.CheckProgress(request, clock.UtcNow);
        var investigationId = await OwnerAsync(store.Db.Devices, d => d.Id == request.DeviceId, d => d.InvestigationId, "device", request.DeviceId, cancellationToken);
        return await PartAsync(request.IdempotencyKey, "RecordDeviceProgress", RequestFingerprint.Of(request), investigationId, DeviceAsync, record =>
        {
            var device = record.Devices.Single(d => d.Id == request.DeviceId);
            if (request.Stage <= device.Stage)
            {
                throw InvestigationCommands.Refused(record, "STAGE_RECORDED", $"The device is at {device.Stage} already.");
            }

            var (field, previous, previousIs) = request.Stage switch
            {
                DeviceStage.Submitted => ("at", (DateTime?)device.SeizedAt, "the seizure"),
                DeviceStage.ExaminationStarted => ("at", device.SubmittedAt, "the submission"),
                _ => ("at", device.ExaminationStartedAt ?? device.SubmittedAt, device.ExaminationStartedAt is null ? "the submission" : "the examination's start"),
            };
            var v = new FieldViolations();
            v.Require(previous is not null, "stage", $"Record {previousIs} first.");
            v.CheckNotBefore(field, at, previous, previousIs).ThrowIfAny("The device's progress cannot be recorded.");
            switch (request.Stage)
            {
                case DeviceStage.Submitted:
                    device.SubmittedAt = at;
                    break;
                case DeviceStage.ExaminationStarted:
                    device.ExaminationStartedAt = at;
                    break;
                default:
                    device.ExaminedAt = at;
                    break;
            }

            device.Stage = request.Stage;
            device.Queued = device.SubmittedAt is not null && device.ExaminedAt is null;
            if (request.Priority != DevicePriority.Unspecified)
            {
                device.Priority = request.Priority;
            }

            return device.Id;
        }, cancellationToken);
    }

    public Task<ChargingFile> SendAsync(SendToProsecutorRequest request, CancellationToken cancellationToken)
    {
        var at = InvestigationRequestRules.CheckSend(request, clock.UtcNow);
        return PartAsync(request.IdempotencyKey, "SendToProsecutor", RequestFingerprint.Of(request), request.InvestigationId, FileAsync, record =>
        {
            InvestigationCommands.RequireOpen(record);
            new FieldViolations().CheckNotBefore("sent_at", at, record.OpenedAt, "the investigation's opening").ThrowIfAny("The file cannot be recorded.");
            var file = new ChargingFileRecord
            {
                Id = RecordIds.New("chg_", clock.Now), InvestigationId = record.Id, Category = request.Category, SentAt = at,
                SuspectReference = request.SuspectReference.Trim(),
            };
            record.ChargingFiles.Add(file);
            return file.Id;
        }, cancellationToken);
    }

    /// <summary>Further work keeps the file waiting; a decision settles it, once.</summary>
    public async Task<ChargingFile> RespondAsync(RecordProsecutorResponseRequest request, CancellationToken cancellationToken)
    {
        var at = InvestigationRequestRules.CheckResponse(request, clock.UtcNow);
        var investigationId = await OwnerAsync(store.Db.ChargingFiles, f => f.Id == request.FileId, f => f.InvestigationId, "charging file", request.FileId, cancellationToken);
        return await PartAsync(request.IdempotencyKey, "RecordProsecutorResponse", RequestFingerprint.Of(request), investigationId, FileAsync, record =>
        {
            var file = record.ChargingFiles.Single(f => f.Id == request.FileId);
            if (file.DecidedAt is not null)
            {
                throw InvestigationCommands.Refused(record, "DECIDED", $"The prosecutor decided at {file.DecidedAt:yyyy-MM-dd HH:mm} UTC: {file.Decision}.");
            }

            new FieldViolations().CheckNotBefore("at", at, file.SentAt, "the time the file was sent").ThrowIfAny("The response cannot be recorded.");
            if (request.Decision == ChargingDecision.Unspecified)
            {
                InvestigationMapper.AddFurtherWork(file, new FurtherWork { AskedAt = Timestamps.Of(at), Work = request.FurtherWork.Trim() });
            }
            else
            {
                (file.Decision, file.DecidedAt) = (request.Decision, at);
            }

            return file.Id;
        }, cancellationToken);
    }

    private static async Task<string> OwnerAsync<TPart>(IQueryable<TPart> parts, System.Linq.Expressions.Expression<Func<TPart, bool>> match,
        System.Linq.Expressions.Expression<Func<TPart, string>> owner, string what, string id, CancellationToken cancellationToken)
        where TPart : class =>
        await parts.AsNoTracking().Where(match).Select(owner).FirstOrDefaultAsync(cancellationToken) ?? throw RpcErrors.NotFound(what, id);

    /// <summary>A change to a part of one investigation, once per key; a retry answers with the part as it is now.</summary>
    private Task<T> PartAsync<T>(string key, string method, string fingerprint, string investigationId,
        Func<string, CancellationToken, Task<T>> view, Func<InvestigationRecord, string> change, CancellationToken cancellationToken) =>
        store.ChangeOnceAsync(key, method, fingerprint, investigationId, change, view, (_, partId, ct) => view(partId, ct), cancellationToken);

    public async Task<Device> DeviceAsync(string id, CancellationToken cancellationToken)
    {
        var device = await store.Db.Devices.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken) ?? throw RpcErrors.NotFound("device", id);
        await store.TouchChildrenAsync([device.InvestigationId], cancellationToken);
        return device.ToContract(clock.UtcNow);
    }

    public async Task<ChargingFile> FileAsync(string id, CancellationToken cancellationToken)
    {
        var file = await store.Db.ChargingFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, cancellationToken) ?? throw RpcErrors.NotFound("charging file", id);
        await store.TouchChildrenAsync([file.InvestigationId], cancellationToken);
        var area = await store.Db.Investigations.AsNoTracking().Where(i => i.Id == file.InvestigationId).Select(i => i.Area).FirstAsync(cancellationToken);
        return file.ToContract(clock.UtcNow, rules.For(area));
    }
}
