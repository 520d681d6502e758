using Mash.Contracts.Common.V1;
using Mash.Contracts.Missing.V1;

namespace Mash.Assessment.Data;

/// <summary>A missing episode, reported here or shared by a partner node, with every grade; the same shape at both nodes.</summary>
public sealed class MissingEpisodeRecord
{
    /// <summary>The reporting node's id: one row per episode at every node.</summary>
    public string Id { get; set; } = "";
    public string ChildKey { get; set; } = "";
    /// <summary>mash.common.v1.ChildIdentity bytes.</summary>
    public byte[] Child { get; set; } = [];
    public ChildMatchStatus ChildMatch { get; set; }
    public string Area { get; set; } = "";
    public string ReportedAtNode { get; set; } = "";
    public DateTime ReportedAt { get; set; }
    public ReporterKind ReportedBy { get; set; }
    public string ReporterName { get; set; } = "";
    /// <summary>The client that reported it, at the reporting node.</summary>
    public string ReporterClientId { get; set; } = "";
    public DateTime? LastSeenAt { get; set; }
    public string LastSeenPlace { get; set; } = "";
    public string Circumstances { get; set; } = "";
    public LawfulBasis LawfulBasis { get; set; }

    /// <summary>The latest grade's risk, for the daily list's order.</summary>
    public MissingRisk Risk { get; set; }
    /// <summary>Missing now: the list of children missing reads this index.</summary>
    public bool Open { get; set; } = true;
    public DateTime? ReturnedAt { get; set; }
    public string FoundWhere { get; set; } = "";
    public string FoundBy { get; set; } = "";
    public string WhereBeen { get; set; } = "";
    public string WithWhom { get; set; } = "";

    public InterviewOutcome InterviewOutcome { get; set; }
    public DateTime? InterviewAt { get; set; }
    public string Interviewer { get; set; } = "";
    public bool InterviewerIndependent { get; set; }
    public string InterviewReason { get; set; } = "";
    public string InterviewFindings { get; set; } = "";
    /// <summary>The referral made from the interview in the same step ("" when none): its id at the Referral service.</summary>
    public string InterviewReferralId { get; set; } = "";

    public long Version { get; set; }
    public List<MissingGradeRecord> Grades { get; set; } = [];
}

public sealed class MissingGradeRecord
{
    public long Id { get; set; }
    public string EpisodeId { get; set; } = "";
    public MissingRisk Risk { get; set; }
    public string Rationale { get; set; } = "";
    public DateTime GradedAt { get; set; }
    public string GradedAtNode { get; set; } = "";
}
