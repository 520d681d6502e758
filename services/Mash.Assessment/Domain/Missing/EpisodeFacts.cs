namespace Mash.Assessment.Domain.Missing;

/// <summary>How likely harm is while the child is missing, as police grade it (College of Policing, 2021).</summary>
public enum MissingRiskGrade
{
    Low = 1,
    Medium = 2,
    High = 3,
}

/// <summary>Where a return interview stands.</summary>
public enum InterviewState
{
    /// <summary>The child is still missing: no interview is due yet.</summary>
    NotDue,
    /// <summary>Returned; nothing arranged yet.</summary>
    Due,
    Offered,
    Done,
    /// <summary>Declined by the child, with the reason.</summary>
    Declined,
    /// <summary>Not done, with the reason.</summary>
    NotDone,
}

/// <summary>An episode as the rules see it: times in UTC, its latest grade, and its interview.</summary>
public sealed record EpisodeFacts(
    string Id,
    DateTime ReportedAt,
    MissingRiskGrade Risk,
    DateTime? ReturnedAt,
    InterviewState Interview,
    DateTime? InterviewClosedAt)
{
    public bool Open => ReturnedAt is null;
}
