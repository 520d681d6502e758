using Mash.Contracts.Common.V1;
using Mash.Contracts.Custody.V1;
using Mash.Contracts.Events.V1;
using Mash.Custody.Application;
using Mash.Custody.Data;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Outbox;
using Mash.Platform.Identity;
using Mash.Platform.Time;

namespace Mash.Custody.IntegrationEvents;

/// <summary>
/// What custody sends between a police node and its area's local authority node, each addressed to
/// the one node that must act, in the transaction of the change it reports; each send is entered in
/// the disclosure log, and none goes without an agreement in force (the record then says why).
/// </summary>
internal sealed class CustodyEvents(EventOutbox outbox, CustodyRules rules)
{
    public const string LookedAfterQuestionPurpose = "Juvenile detained: is the child looked after by the local authority (PACE Code C 3.13)";
    public const string AccommodationPurpose = "Transfer of a charged child to local authority accommodation (PACE s38(6))";
    public const string LookedAfterAnswerPurpose = "The local authority's answer: is the detained child looked after";
    public const string AnswerPurpose = "The local authority's answer to a request for accommodation (PACE s38(6), Children Act 1989 s21)";

    /// <summary>Asks the area's local authority whether the child is looked after, and records on the detention how the status stands.</summary>
    public void AskWhetherLookedAfter(CustodyDbContext db, DetentionRecord detention, DateTime now)
    {
        var localAuthority = rules.For(detention.Area).LocalAuthorityNode;
        detention.LookedAfter = LookedAfterStatus.Unknown;
        detention.LookedAfterNode = localAuthority;
        detention.LookedAfterEstablishedAt = now;
        var child = ChildIdentity.Parser.ParseFrom(detention.Child);
        if (localAuthority.Length == 0)
        {
            detention.LookedAfterSource = LookedAfterSource.NotAsked;
            return;
        }

        if (!ChildIdentityRules.IsConfirmed(child))
        {
            detention.LookedAfterSource = LookedAfterSource.NoNhsNumber;
            return;
        }

        var question = new JuvenileDetained
        {
            DetentionId = detention.Id,
            DetentionAuthorisedAt = Timestamps.Of(detention.AuthorisedAt),
            Area = detention.Area,
            NhsNumberKnown = true,
        };
        var asked = outbox.SendToNode(db, Topics.CustodyRequests, question, detention.ChildKey, localAuthority, LawfulBasis.PublicTask, LookedAfterQuestionPurpose, detention.Id);
        detention.LookedAfterSource = asked ? LookedAfterSource.AwaitingLocalAuthority : LookedAfterSource.NotAsked;
    }

    /// <summary>Sends a request for accommodation to the area's local authority; a request that cannot go says why.</summary>
    public void SendRequest(CustodyDbContext db, DetentionRecord detention, AccommodationRequestRecord request)
    {
        var localAuthority = rules.For(detention.Area).LocalAuthorityNode;
        request.LocalAuthorityNode = localAuthority;
        if (localAuthority.Length == 0)
        {
            request.State = AccommodationRequestState.NotSent;
            request.NotSentReason = $"No local authority node is configured for area '{detention.Area}' (Mash:Custody:Areas:{detention.Area}:LocalAuthorityNode).";
            return;
        }

        var payload = new AccommodationRequested
        {
            RequestId = request.Id,
            DetentionId = detention.Id,
            Child = ChildIdentity.Parser.ParseFrom(detention.Child),
            RequestedAt = Timestamps.Of(request.RequestedAt),
            RequestedBy = request.RequestedBy,
            SecureAccommodationSought = request.SecureAccommodationSought,
            PublicProtectionReason = request.PublicProtectionReason,
            AgeAtArrest = detention.AgeAtArrest,
            ChargedAt = Timestamps.Of(detention.ChargedAt),
            CustodySuite = detention.CustodySuite,
            Offence = detention.Offence,
            Area = detention.Area,
        };
        var sent = outbox.SendToNode(db, Topics.CustodyRequests, payload, detention.ChildKey, localAuthority, LawfulBasis.PublicTask, AccommodationPurpose, request.Id);
        request.State = sent ? AccommodationRequestState.AwaitingAnswer : AccommodationRequestState.NotSent;
        request.NotSentReason = sent ? "" : $"No information-sharing agreement in force with node {localAuthority} for custody requests.";
    }

    /// <summary>At the local authority's node: the child's looked-after status, for the police node that asked.</summary>
    public void ReportLookedAfter(CustodyDbContext db, EventEnvelope question, JuvenileDetained detained, LookedAfterChildRecord? record, DateTime now)
    {
        var answer = new LookedAfterStatusReported
        {
            DetentionId = detained.DetentionId,
            Status = record is null || !record.LookedAfter ? LookedAfterStatus.NotLookedAfter : LookedAfterStatus.LookedAfter,
            LegalStatus = record?.LookedAfter == true ? record.LegalStatus : LookedAfterLegalStatus.Unspecified,
            EstablishedAt = Timestamps.Of(now),
        };
        outbox.SendToNode(db, Topics.CustodyAnswers, answer, question.ChildKey, question.OriginNode, LawfulBasis.PublicTask, LookedAfterAnswerPurpose, detained.DetentionId);
    }

    /// <summary>At the local authority's node: its answer, for the police node that asked.</summary>
    public bool SendAnswer(CustodyDbContext db, ReceivedRequestRecord request)
    {
        var payload = new AccommodationAnswered { RequestId = request.Id, DetentionId = request.DetentionId, Answer = request.Answer.ToContract() };
        return outbox.SendToNode(db, Topics.CustodyAnswers, payload, request.ChildKey, request.PoliceNode, LawfulBasis.PublicTask, AnswerPurpose, request.Id);
    }
}
