using Mash.Contracts.Common.V1;
using Mash.Platform.Audit;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Outbox;
using Mash.Platform.Time;
using Mash.StrategyDiscussion.Data;
using Mash.StrategyDiscussion.IntegrationEvents;

namespace Mash.StrategyDiscussion.Application;

/// <summary>
/// What partner agencies' nodes receive of a discussion held here, in the transaction that changes it:
/// the discussion while outstanding (so the clock runs at every node that must attend), then its
/// record and minutes once concluded. Under the lawful basis and purpose of the call or event that
/// changed it.
/// </summary>
internal sealed class DiscussionSharing(StrategyDbContext db, EventOutbox outbox, CallAudit audit, ServiceClock clock)
{
    /// <summary>
    /// A discussion became required by this node's own work (an assessment, a flag, a referral decision)
    /// when the triggering call stated no basis: convening one is a statutory safeguarding duty
    /// (Working Together), so the agencies that must attend are told on that basis.
    /// </summary>
    private const LawfulBasis StatutoryDuty = LawfulBasis.SafeguardingOfChildren;

    public void Outstanding(DiscussionRecord record) => Share(record, StrategyEvents.Outstanding(record, clock.UtcNow));

    public void Concluded(DiscussionRecord record) => Share(record, StrategyEvents.Concluded(record, clock.UtcNow));

    /// <summary>
    /// Tells this node's Assessment service of a discussion about the child (held here, or a partner's
    /// copy kept here), for the child's risk profile: within the node, whether shared or not.
    /// </summary>
    public void RecordedHere(DiscussionRecord record) =>
        outbox.Enqueue(db, Topics.StrategyRecords, StrategyEvents.Recorded(record), record.ChildKey, Basis, Purpose);

    private void Share(DiscussionRecord record, Google.Protobuf.IMessage payload)
    {
        outbox.ShareWithPartners(db, Topics.StrategyDiscussions, payload, record.ChildKey,
            record.ChildMatch == ChildMatchStatus.Confirmed, Basis, Purpose, record.Id);
        RecordedHere(record);
    }

    private LawfulBasis Basis => LawfulBases.TryParse(audit.LawfulBasis, out var stated) && stated != LawfulBasis.Unspecified ? stated : StatutoryDuty;

    private string Purpose => audit.Purpose.Length > 0 ? audit.Purpose : "Strategy discussion for a child at risk of significant harm";
}
