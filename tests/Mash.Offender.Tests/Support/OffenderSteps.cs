using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Offender.V1;
using Mash.Platform.Eventing.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Mash.Offender.Tests.Support;

/// <summary>An offender's usual course, step by step, through the service's RPCs.</summary>
internal static class OffenderSteps
{
    public static async Task<Contracts.Offender.V1.Offender> RegisterAsync(this OffenderApp app, RegisterOffenderRequest? request = null) =>
        await app.Client().RegisterOffenderAsync(request ?? Samples.Register(), app.As());

    public static async Task<Contracts.Offender.V1.Offender> LinkAsync(
        this OffenderApp app, string offenderId, ChildIdentity child, ChildRelationship relationship = ChildRelationship.HouseholdMember) =>
        await app.Client().LinkChildAsync(new LinkChildRequest { OffenderId = offenderId, Child = child, Relationship = relationship }, app.As());

    public static async Task<Contracts.Offender.V1.Offender> UpdateRiskAsync(this OffenderApp app, string offenderId, OffenderRisk risk, string rationale = "ARMS review: risk raised.") =>
        await app.Client().UpdateOffenderRiskAsync(new UpdateOffenderRiskRequest { OffenderId = offenderId, Risk = risk, Rationale = rationale }, app.As());

    /// <summary>The risk changes in the outbox for the child, oldest first.</summary>
    public static async Task<List<(OutboxMessage Message, EventEnvelope Envelope, RiskLevelChanged Change)>> RiskChangesForAsync(this OffenderApp app, ChildIdentity child)
    {
        var childKey = app.ChildKey(child);
        var messages = await app.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.SessionId == childKey && m.Type == RiskLevelChanged.Descriptor.FullName).OrderBy(m => m.Sequence).ToListAsync());
        return [.. messages.Select(m =>
        {
            var envelope = EventEnvelope.Parser.ParseFrom(m.Envelope);
            return (m, envelope, envelope.Payload.Unpack<RiskLevelChanged>());
        })];
    }

    public static Task<List<DisclosureRecord>> DisclosuresForAsync(this OffenderApp app, ChildIdentity child)
    {
        var childKey = app.ChildKey(child);
        return app.WithDbAsync(db => db.Set<DisclosureRecord>().Where(d => d.ChildKey == childKey).OrderBy(d => d.Id).ToListAsync());
    }
}
