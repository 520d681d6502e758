using Google.Protobuf.Collections;
using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Strategy.V1;

namespace Mash.Cli;

/// <summary>
/// Strategy discussions: the list, one discussion in full (who took part, the decisions Working
/// Together asks for, the actions and the minutes), and what is overdue.
/// </summary>
internal static class StrategyPrinter
{
    private const int LabelWidth = 19;
    private static readonly string[] ListHeadings = ["ID", "CHILD", "STATUS", "TRIGGER", "DUE (LOCAL)", "OVERDUE", "HELD BY"];
    private static readonly string[] OverdueHeadings = ["ID", "CHILD", "STATUS", "DUE (LOCAL)", "LATE BY", "HELD BY", "REASON"];
    private static readonly string[] OverdueActionHeadings = ["DUE (LOCAL)", "LATE BY", "DISCUSSION", "CHILD", "WHAT", "AGENCY", "DETAIL"];

    public static void PrintList(TextWriter output, ListDiscussionsResponse page, bool allPages)
    {
        output.WriteLine($"Discussions: {page.Discussions.Count}{(allPages ? "" : " on this page")}   (times in {TimeZoneInfo.Local.Id})");
        output.WriteLine();
        if (page.Discussions.Count == 0)
        {
            output.WriteLine("No discussions match.");
        }
        else
        {
            var rows = page.Discussions.Select(d => new[]
            {
                d.DiscussionId,
                ChildCell(d.Child),
                Choices.NameOf(d.Status, Choices.DiscussionStatuses),
                Choices.Short(d.Trigger),
                Display.LocalTime(d.DueAt),
                Display.YesNo(d.Overdue),
                HeldBy(d),
            }).ToList();
            Table.Write(output, ListHeadings, rows);
        }

        PrintNextPage(output, page.NextPageToken, allPages);
    }

    public static void PrintNotYetHeld(TextWriter output, ListOutstandingResponse page, bool pastDueOnly, bool allPages)
    {
        output.WriteLine(pastDueOnly
            ? $"Overdue discussions: {page.TotalOverdue}   (oldest due first; times in {TimeZoneInfo.Local.Id})"
            : $"Outstanding discussions: {page.TotalOutstanding}, {page.TotalOverdue} of them overdue   (due first; times in {TimeZoneInfo.Local.Id})");
        output.WriteLine();
        if (page.Discussions.Count == 0)
        {
            output.WriteLine(pastDueOnly ? "No discussion is overdue." : "Every required discussion has been held.");
        }
        else
        {
            var now = DateTime.UtcNow;
            var rows = page.Discussions.Select(d => new[]
            {
                d.DiscussionId,
                ChildCell(d.Child),
                Choices.NameOf(d.Status, Choices.DiscussionStatuses),
                Display.LocalTime(d.DueAt),
                LateBy(d.DueAt, now),
                HeldBy(d),
                OneLine(d.Reason),
            }).ToList();
            Table.Write(output, OverdueHeadings, rows);
        }

        PrintNextPage(output, page.NextPageToken, allPages);
    }

    public static void PrintOverdueActions(TextWriter output, ListOverdueActionsResponse page, bool allPages)
    {
        output.WriteLine($"Overdue actions and conferences: {page.Items.Count}{(allPages ? "" : " on this page")}   (oldest first; times in {TimeZoneInfo.Local.Id})");
        output.WriteLine();
        if (page.Items.Count == 0)
        {
            output.WriteLine("Nothing is overdue.");
        }
        else
        {
            var now = DateTime.UtcNow;
            var rows = page.Items.Select(item =>
            {
                var action = item.Action;
                var due = action?.DueAt ?? item.ConferenceDueAt;
                return new[]
                {
                    Display.LocalTime(due),
                    LateBy(due, now),
                    item.DiscussionId,
                    ChildCell(item.Child),
                    action is null ? "conference" : "action " + Display.Text(action.ActionId),
                    action is null ? "-" : Choices.NameOf(action.OwningAgency, Choices.Agencies),
                    action is null
                        ? "initial child protection conference"
                        : OneLine(action.Description) + (action.ForChild is { } other ? $" (for {Person(other)})" : ""),
                };
            }).ToList();
            Table.Write(output, OverdueActionHeadings, rows);
        }

        PrintNextPage(output, page.NextPageToken, allPages);
    }

    public static void Print(TextWriter output, StrategyDiscussion discussion)
    {
        Line(output, "Discussion", discussion.DiscussionId);
        Line(output, "Status", Choices.NameOf(discussion.Status, Choices.DiscussionStatuses));
        Line(output, "Child", Display.Child(discussion.Child, discussion.ChildMatch));
        Line(output, "Trigger", Choices.Short(discussion.Trigger));
        Line(output, "Reason", Display.Text(discussion.Reason));
        if (discussion.FollowsDiscussionId.Length > 0)
        {
            Line(output, "Follows", discussion.FollowsDiscussionId);
        }

        Line(output, "Required", Display.LocalTimeWithOffset(discussion.RequiredAt));
        Line(output, "Due at", Display.LocalTimeWithOffset(discussion.DueAt) + (discussion.Overdue ? " (overdue)" : ""));
        Line(output, "Scheduled for", discussion.ScheduledFor is null
            ? "not scheduled"
            : $"{Display.LocalTimeWithOffset(discussion.ScheduledFor)}, {Choices.NameOf(discussion.Format, Choices.DiscussionFormats)}");
        Line(output, "Held at", discussion.HeldAt is null
            ? "not held yet"
            : Display.LocalTimeWithOffset(discussion.HeldAt) + (discussion.DueAt is { } due && discussion.HeldAt.ToDateTime() > due.ToDateTime() ? " (late)" : ""));
        Line(output, "Held by", HeldBy(discussion));
        if (discussion.HeldByPartners.Count > 0)
        {
            // The partner nodes' delivery receipts: proof that the record arrived.
            Line(output, "Stored by partners", string.Join("; ", discussion.HeldByPartners.Select(r =>
                $"{Display.Text(r.Node)} ({Choices.NameOf(r.Agency, Choices.Agencies)}) since {Display.LocalTimeWithOffset(r.StoredAt)}")));
        }

        PrintParticipants(output, discussion.Participants, held: discussion.HeldAt is not null);
        if (discussion.Decisions is { } decisions)
        {
            PrintDecisions(output, decisions);
        }
        else
        {
            Line(output, "Decisions", "none yet (recorded when the discussion is concluded)");
        }

        if (discussion.Minutes is { } minutes)
        {
            Line(output, "Document reference", Display.Text(minutes.DocumentReference));
            Block(output, "Minutes", minutes.Text);
        }

        if (discussion.ConferenceDueAt is { } conference)
        {
            Line(output, "Conference due", $"{Display.LocalTimeWithOffset(conference)} (initial child protection conference)");
        }
    }

    private static void PrintParticipants(TextWriter output, RepeatedField<Participant> participants, bool held)
    {
        Line(output, "Participants", participants.Count == 0 ? "none recorded" : $"{participants.Count}");
        var agencyWidth = participants.Select(p => Choices.NameOf(p.Agency, Choices.Agencies).Length).DefaultIfEmpty(0).Max();
        var nameWidth = participants.Select(p => Display.Text(p.Name).Length).DefaultIfEmpty(0).Max();
        var roleWidth = participants.Select(p => Display.Text(p.Role).Length).DefaultIfEmpty(0).Max();
        foreach (var p in participants)
        {
            // Before the discussion is held, a participant who neither attended nor sent apologies is just invited.
            var attendance = p.Attended
                ? "attended"
                : string.IsNullOrWhiteSpace(p.AbsenceReason)
                    ? held ? "did not attend (no reason recorded)" : "invited"
                    : "absent: " + OneLine(p.AbsenceReason);
            output.WriteLine(
                $"  {Choices.NameOf(p.Agency, Choices.Agencies).PadRight(agencyWidth)}  {Display.Text(p.Name).PadRight(nameWidth)}  {Display.Text(p.Role).PadRight(roleWidth)}  {attendance}");
        }
    }

    private static void PrintDecisions(TextWriter output, Decisions decisions)
    {
        Block(output, "Information shared", decisions.InformationShared);
        Line(output, "s47 enquiry", decisions.S47Enquiry ? "yes" : "no");
        var investigation = decisions.CriminalInvestigation ?? new CriminalInvestigation();
        Line(output, "Investigation", $"{Choices.NameOf(investigation.Kind, Choices.InvestigationKinds)}; ABE interview {Display.YesNo(investigation.AbeInterview)}; "
            + $"medical examination {Display.YesNo(investigation.MedicalExamination)}");
        Block(output, "Conduct and timing", investigation.ConductAndTiming);
        PrintActions(output, decisions.Actions);
        Block(output, "Legal action", decisions.LegalActionNeeded ? "needed: " + Display.Text(decisions.LegalActionDetails) : "not needed");
        Block(output, "Family told", decisions.WhatTheFamilyIsTold);
        Block(output, "Parental permission", decisions.ParentalPermissionSought
            ? "sought for the checks"
            : "not sought: " + Display.Text(decisions.ParentalPermissionNotSoughtReason));
    }

    private static void PrintActions(TextWriter output, RepeatedField<SafeguardingAction> actions)
    {
        var done = actions.Count(a => a.CompletedAt is not null);
        var overdue = actions.Count(a => a.Overdue);
        Line(output, "Actions", actions.Count == 0 ? "none" : $"{actions.Count} ({done} done, {overdue} overdue)");
        var idWidth = actions.Select(a => Display.Text(a.ActionId).Length).DefaultIfEmpty(0).Max();
        var agencyWidth = actions.Select(a => Choices.NameOf(a.OwningAgency, Choices.Agencies).Length).DefaultIfEmpty(0).Max();
        foreach (var action in actions)
        {
            var state = action.CompletedAt is not null
                ? $"done {Display.LocalTimeWithOffset(action.CompletedAt)}"
                : action.Overdue ? "OVERDUE" : "open";
            var forWhom = action.ForChild is { } other ? $" (for {Person(other)})" : "";
            output.WriteLine(
                $"  {Display.Text(action.ActionId).PadRight(idWidth)}  {Choices.NameOf(action.OwningAgency, Choices.Agencies).PadRight(agencyWidth)}  "
                + $"due {Display.LocalTimeWithOffset(action.DueAt)}  {state}: {OneLine(action.Description)}{forWhom}");
        }
    }

    private static void PrintNextPage(TextWriter output, string nextPageToken, bool allPages)
    {
        if (!allPages)
        {
            output.WriteLine();
            output.WriteLine(nextPageToken.Length == 0 ? "Last page." : $"Next page: --page-token {nextPageToken}");
        }
    }

    /// <summary>"Leah Morgan (999 123 4578)"; a child a partner shared without an identity here is "-".</summary>
    private static string ChildCell(ChildIdentity? child)
    {
        var name = Display.ChildName(child);
        return string.IsNullOrWhiteSpace(child?.NhsNumber) ? name : $"{name} ({Display.NhsNumber(child.NhsNumber)})";
    }

    /// <summary>"local-police (police)": the node that held the discussion, and its agency.</summary>
    private static string HeldBy(StrategyDiscussion discussion) =>
        $"{Display.Text(discussion.HeldByNode)} ({Choices.NameOf(discussion.HeldByAgency, Choices.Agencies)})";

    /// <summary>The other child an action is for: "Sam Morgan, born 2015-03-02".</summary>
    private static string Person(Person person)
    {
        var name = Display.Text($"{person.GivenName} {person.FamilyName}".Trim());
        return person.DateOfBirth is null ? name : $"{name}, born {Display.Date(person.DateOfBirth)}";
    }

    private static string LateBy(Timestamp? due, DateTime nowUtc) =>
        due is null || due.ToDateTime() >= nowUtc ? "-" : Display.Age(Duration.FromTimeSpan(nowUtc - due.ToDateTime()));

    /// <summary>Free text for a table cell or a list line: line breaks folded into spaces.</summary>
    private static string OneLine(string text) =>
        Display.Text(string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));

    /// <summary>A labelled value whose later lines are indented under the first, for free text such as minutes.</summary>
    private static void Block(TextWriter output, string label, string text)
    {
        var lines = text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Line(output, label, Display.Text(lines[0]));
        var indent = new string(' ', LabelWidth + 2);
        foreach (var line in lines.Skip(1))
        {
            output.WriteLine((indent + line).TrimEnd());
        }
    }

    private static void Line(TextWriter output, string label, string value) => Display.Line(output, label, value, LabelWidth);
}
