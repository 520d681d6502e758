using Mash.Contracts.Offender.V1;
using Mash.Offender.Data;
using Mash.Platform.Audit;
using Mash.Offender.IntegrationEvents;

namespace Mash.Offender.Application;

/// <summary>
/// What a call disclosed, for the audit trail. An offender's record is not a child's: it is
/// audited under the offender's id with no child key. Each child whose identity the call read or
/// wrote (a linked child, a child a measure protects) is audited under their child key, with
/// the offender's id as the record: the summary view discloses no child, so touches none.
/// </summary>
internal static class OffenderAudit
{
    public const string NoChild = "";

    /// <summary>Records the touch once, however many paths of a call reach the same record.</summary>
    public static void TouchOnce(this CallAudit audit, string childKey, string recordId)
    {
        if (!audit.Subjects.Contains(new AuditSubject(childKey, recordId)))
        {
            audit.Touch(childKey, recordId);
        }
    }

    public static void TouchOffender(this CallAudit audit, OffenderRecord record, OffenderView view)
    {
        audit.TouchOnce(NoChild, record.Id);
        if (view != OffenderView.Full)
        {
            return;
        }

        var children = record.Links.Select(l => l.ChildKey)
            .Concat(record.Measures.SelectMany(m => m.ProtectedChildren).Select(c => c.ChildKey));
        foreach (var childKey in children.Distinct(StringComparer.Ordinal))
        {
            audit.TouchOnce(childKey, record.Id);
        }
    }

    public static void TouchMeasure(this CallAudit audit, MeasureRecord measure)
    {
        audit.TouchOnce(NoChild, measure.OffenderId);
        foreach (var childKey in measure.ProtectedChildren.Select(c => c.ChildKey))
        {
            audit.TouchOnce(childKey, measure.OffenderId);
        }
    }
}
