namespace Mash.Platform.Eventing.Outbox;

/// <summary>
/// The disclosure log: what about which child was shared with whom, why and under which lawful
/// basis, or the decision not to share and its reason ("keep a record", the seventh golden rule).
/// </summary>
public sealed class DisclosureRecord
{
    public long Id { get; set; }
    public DateTime DecidedAt { get; set; }
    public string ChildKey { get; set; } = "";
    public bool Shared { get; set; }
    /// <summary>The event shared; empty when the decision was not to share.</summary>
    public string EventId { get; set; } = "";
    /// <summary>What was (or would have been) shared, e.g. "mash.events.v1.CseFlagChanged".</summary>
    public string What { get; set; } = "";
    /// <summary>To whom: the partner nodes subscribed to the topic.</summary>
    public string Recipients { get; set; } = "";
    public string Purpose { get; set; } = "";
    public string LawfulBasis { get; set; } = "";
    /// <summary>Why it was shared, or why not.</summary>
    public string Reason { get; set; } = "";
    public string DecidedBy { get; set; } = "";
    /// <summary>
    /// The record shared (a discussion, flag, referral, offender id), for its delivery receipts; empty
    /// when none is expected (a referral's progress reports to its referrer).
    /// </summary>
    public string RecordId { get; set; } = "";
    /// <summary>
    /// The partner node it was sent to (or not sent to, for a decision not to share); empty for
    /// records from before agreements, shared with every partner node subscribed.
    /// </summary>
    public string DestinationNode { get; set; } = "";
    /// <summary>The information-sharing agreement it was shared under; empty when none applied.</summary>
    public string AgreementId { get; set; } = "";
    /// <summary>The partner's agency as the agreement names it; empty when not given.</summary>
    public string RecipientAgency { get; set; } = "";
}
