using Mash.Contracts.Referral.V1;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Agreements;
using Mash.Platform.Eventing.Outbox;
using Mash.Platform.Persistence;
using Mash.Referral.Data;
using Mash.Referral.Domain;
using Mash.Referral.IntegrationEvents;

namespace Mash.Referral.Application;

/// <summary>
/// A referral made at this node, whether a caller submitted it or another service of the node asked for it:
/// at the area's front door it joins the screening queue; at any other node it is kept as the referrer's copy
/// and sent to the front door, in the same transaction (the caller saves).
/// </summary>
internal sealed class ReferralIntake(ReferralDbContext db, ReferralFactory referrals, FrontDoors frontDoors, EventOutbox outbox, ChildRecords children)
{
    // Every submit asks whether the child is new here.
    private static readonly RowProbe<ReferralRecord> ChildKnown = new(r => r.ChildKey);

    /// <summary>The lookup <see cref="AddAsync"/> makes for the child, for a caller to ask beside its own (<see cref="RowQuestions"/>).</summary>
    public static RowQuestion IsChildKnown(Submission submission) => ChildKnown.With(submission.ChildKey);

    /// <param name="childKnown">The answer to <see cref="IsChildKnown"/> when the caller asked it; else it is asked here.</param>
    /// <param name="refused">The error for a front door with no agreement in force: nothing is added then.</param>
    public async Task<ReferralRecord> AddAsync(
        Submission submission, ReferringCaller caller, bool? childKnown, Func<SharingDecision, Exception> refused, CancellationToken cancellationToken)
    {
        var (details, frontDoor) = (submission.Details, submission.FrontDoor);
        var role = frontDoor == frontDoors.ThisNode ? ReferralRole.FrontDoor : ReferralRole.ReferrerCopy;
        if (role == ReferralRole.ReferrerCopy && outbox.AgreementFor(frontDoor, Topics.FrontDoorReferrals) is { Shared: false } refusal)
        {
            // A referral the MASH would never receive must not look made.
            throw refused(refusal);
        }

        var record = referrals.Create(submission.Id, submission.ChildKey, details, submission.Area, submission.ReceivedAt, submission.Now, role, frontDoor);
        record.ClientId = caller.ClientId;
        record.IdempotencyKey = submission.Key;
        record.RequestHash = submission.Fingerprint;
        record.SubmittedByAgency = caller.Agency;
        if (!(childKnown ?? await IsChildKnown(submission).ExistsAsync(db, cancellationToken)))
        {
            children.FirstRecorded(db, details.Child, record.ChildKey, details.LawfulBasis, caller.Purpose);
        }

        db.Referrals.Add(record);
        if (role == ReferralRole.ReferrerCopy)
        {
            // Committed with the referrer's copy or not at all: the MASH gets every referral acknowledged here.
            outbox.SendToNode(db, Topics.FrontDoorReferrals, ReferralEvents.SentToFrontDoor(record, details), record.ChildKey, frontDoor,
                details.LawfulBasis, caller.Purpose, record.Id);
        }

        return record;
    }
}

/// <summary>Who makes the referral: the agency and client it is recorded for, and the purpose its disclosures state.</summary>
internal sealed record ReferringCaller(string Agency, string ClientId, string Purpose);
