using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Governance.V1;
using Mash.Platform.Audit;
using Mash.Platform.Auth;
using Mash.Platform.Eventing.Agreements;
using Mash.Platform.Eventing.Outbox;
using GovernanceDisclosure = Mash.Contracts.Governance.V1.Disclosure;

namespace Mash.Platform.Eventing.Governance;

/// <summary>The platform's records as the governance contract shows them.</summary>
internal static class GovernanceMapping
{
    public static ChildAccess ToContract(this AuditEntry entry, string service) => new()
    {
        OccurredAt = Timestamp.FromDateTime(entry.OccurredAt),
        Agency = AgencyNames.ToContract(entry.Agency),
        ClientId = entry.ClientId,
        Practitioner = new Audit.Practitioner(entry.PractitionerId, entry.PractitionerName, entry.PractitionerRole, entry.PractitionerSource).ToContract(),
        Method = entry.Method,
        Purpose = entry.Purpose,
        LawfulBasis = LawfulBases.TryParse(entry.LawfulBasis, out var basis) ? basis : LawfulBasis.Unspecified,
        Outcome = entry.Outcome,
        RecordId = entry.RecordId,
        Service = service,
        AccessedAtNode = entry.AccessedAtNode,
        Sequence = entry.Sequence,
    };

    public static GovernanceDisclosure ToContract(this DisclosureRecord record, string service, IEnumerable<PartnerReceipt> receipts)
    {
        var disclosure = new GovernanceDisclosure
        {
            DecidedAt = Timestamp.FromDateTime(record.DecidedAt),
            Shared = record.Shared,
            EventId = record.EventId,
            EventType = record.What,
            Category = DataCategories.OfEventType(record.What),
            RecipientNode = record.DestinationNode,
            RecipientAgency = AgencyNames.ToContract(record.RecipientAgency),
            Purpose = record.Purpose,
            LawfulBasis = LawfulBases.TryParse(record.LawfulBasis, out var basis) ? basis : LawfulBasis.Unspecified,
            Reason = record.Reason,
            DecidedBy = record.DecidedBy,
            AgreementId = record.AgreementId,
            RecordId = record.RecordId,
            Service = service,
            Sequence = record.Id,
        };
        disclosure.Receipts.AddRange(receipts.Where(r => record.DestinationNode.Length == 0 || r.Node == record.DestinationNode));
        return disclosure;
    }

    public static Agreement ToContract(this SharingAgreement agreement, DateOnly today, int warningDays, string service)
    {
        var contract = new Agreement
        {
            Id = agreement.Id,
            PartnerNode = agreement.PartnerNode,
            LawfulBasis = agreement.LawfulBasis,
            ValidFrom = new Date { Year = agreement.ValidFrom.Year, Month = agreement.ValidFrom.Month, Day = agreement.ValidFrom.Day },
            ValidTo = new Date { Year = agreement.ValidTo.Year, Month = agreement.ValidTo.Month, Day = agreement.ValidTo.Day },
            InForce = agreement.InForceOn(today),
            EndingSoon = agreement.EndingSoon(today, warningDays),
        };
        contract.Categories.AddRange(agreement.Categories.Order());
        contract.HeldBy.Add(service);
        return contract;
    }
}
