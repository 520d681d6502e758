using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Strategy.V1;
using Mash.StrategyDiscussion.Data;
using Mash.StrategyDiscussion.IntegrationEvents;

namespace Mash.StrategyDiscussion.Application;

/// <summary>Stored records to contract messages, and participants and actions to records.</summary>
internal static class DiscussionMapper
{
    public static Contracts.Strategy.V1.StrategyDiscussion ToContract(this DiscussionRecord record, DateTime nowUtc)
    {
        var discussion = new Contracts.Strategy.V1.StrategyDiscussion
        {
            DiscussionId = record.Id,
            Child = record.Child.Length == 0 ? null : ChildIdentity.Parser.ParseFrom(record.Child),
            Status = record.Status,
            Trigger = record.Trigger,
            Reason = record.Reason,
            RequiredAt = Timestamp.FromDateTime(record.RequiredAt),
            DueAt = Timestamp.FromDateTime(record.DueAt),
            Overdue = IsOpen(record) && nowUtc > record.DueAt,
            ScheduledFor = At(record.ScheduledFor),
            Format = record.Format,
            HeldAt = At(record.HeldAt),
            FollowsDiscussionId = record.FollowsDiscussionId,
            ConferenceDueAt = At(record.ConferenceDueAt),
            HeldByNode = record.HeldByNode,
            HeldByAgency = record.HeldByAgency,
            ChildMatch = record.ChildMatch,
        };
        discussion.Participants.AddRange(record.Participants.OrderBy(p => p.Ordinal).Select(ToContract));
        if (record.HeldAt is not null)
        {
            discussion.Decisions = record.Decisions.Length == 0 ? new Decisions() : Decisions.Parser.ParseFrom(record.Decisions);
            discussion.Decisions.Actions.AddRange(record.Actions.OrderBy(a => a.Ordinal).Select(a => a.ToContract(nowUtc)));
            discussion.Minutes = new Minutes { Text = record.MinutesText, DocumentReference = record.MinutesDocumentReference };
        }

        return discussion;
    }

    public static Participant ToContract(ParticipantRecord p) => new()
    {
        Agency = p.Agency,
        Name = p.Name,
        Role = p.Role,
        Attended = p.Attended,
        AbsenceReason = p.AbsenceReason,
    };

    public static SafeguardingAction ToContract(this ActionRecord a, DateTime nowUtc) => new()
    {
        ActionId = a.Id,
        Description = a.Description,
        OwningAgency = a.OwningAgency,
        DueAt = Timestamp.FromDateTime(a.DueAt),
        ForChild = a.ForChild.Length == 0 ? null : Person.Parser.ParseFrom(a.ForChild),
        CompletedAt = At(a.CompletedAt),
        Overdue = a.CompletedAt is null && nowUtc > a.DueAt,
    };

    public static List<ParticipantRecord> ToRecords(string discussionId, IEnumerable<Participant> participants) =>
        [.. participants.Select((p, i) => new ParticipantRecord
        {
            DiscussionId = discussionId,
            Ordinal = i,
            Agency = p.Agency,
            Name = p.Name.Trim(),
            Role = p.Role.Trim(),
            Attended = p.Attended,
            AbsenceReason = p.AbsenceReason.Trim(),
        })];

    public static ActionRecord ToRecord(string discussionId, int ordinal, string actionId, SafeguardingAction a) => new()
    {
        Id = actionId,
        DiscussionId = discussionId,
        Ordinal = ordinal,
        Description = a.Description,
        OwningAgency = a.OwningAgency,
        DueAt = a.DueAt.ToDateTime(),
        ForChild = a.ForChild is null ? [] : a.ForChild.ToByteArray(),
    };

    /// <summary>The decisions as stored: the actions are kept in their own rows.</summary>
    public static byte[] DecisionsWithoutActions(Decisions decisions)
    {
        var stored = decisions.Clone();
        stored.Actions.Clear();
        return stored.ToByteArray();
    }

    public static bool IsOpen(DiscussionRecord record) =>
        record.Status is DiscussionStatus.Required or DiscussionStatus.Scheduled;

    public static ChildIdentity? ChildOf(byte[] bytes) => bytes.Length == 0 ? null : ChildIdentity.Parser.ParseFrom(bytes);

    private static Timestamp? At(DateTime? utc) => utc is { } value ? Timestamp.FromDateTime(value) : null;
}
