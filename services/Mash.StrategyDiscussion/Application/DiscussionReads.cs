using Mash.Platform.Audit;
using Mash.StrategyDiscussion.Data;

namespace Mash.StrategyDiscussion.Application;

/// <summary>How every query records that it read a discussion.</summary>
internal static class DiscussionReads
{
    /// <summary>Audits the read; a partner's discussion kept here also tells the node that holds it who opened it.</summary>
    public static void TouchRead(this CallAudit audit, DiscussionRecord record)
    {
        audit.Touch(record.ChildKey, record.Id);
        audit.TouchPartnerRecord(record.ChildKey, record.Received ? record.HeldByNode : "", record.Id, StrategyServiceSetup.ServiceName);
    }
}
