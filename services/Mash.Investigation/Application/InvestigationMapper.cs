using Google.Protobuf;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Investigation.V1;
using Mash.Investigation.Data;
using Mash.Investigation.Domain;
using Mash.Platform.Time;

namespace Mash.Investigation.Application;

/// <summary>Records as the contract shows them, with their clocks worked out for now.</summary>
internal static class InvestigationMapper
{
    public static InvestigationFacts Facts(this InvestigationRecord i) => new(
        i.OpenedAt, i.Open,
        [.. i.Steps.Select(s => new StepFacts(s.Kind, s.PlannedAt, s.TargetAt, s.CompletedAt))],
        [.. i.Devices.Select(d => d.Facts())],
        [.. i.Reviews.Select(r => new ReviewFacts(r.ReviewedAt, r.NextReviewDue))]);

    public static DeviceFacts Facts(this DeviceRecord d) => new(d.SeizedAt, d.SubmittedAt, d.ExaminedAt, d.Priority);

    public static IEnumerable<ChildIdentity> ChildIdentities(this InvestigationRecord i) =>
        i.Children.OrderBy(c => c.Position).Select(c => ChildIdentity.Parser.ParseFrom(c.Identity));

    public static Contracts.Investigation.V1.Investigation ToContract(
        this InvestigationRecord i, DateTime now, AreaInvestigationRules rules, IReadOnlyList<string> highRiskBecause)
    {
        var facts = i.Facts();
        var contract = new Contracts.Investigation.V1.Investigation
        {
            InvestigationId = i.Id,
            Children = { i.ChildIdentities() },
            Source = new InvestigationSource { Kind = i.SourceKind, Id = i.SourceId },
            Summary = i.Summary,
            OpenedAt = Timestamps.Of(i.OpenedAt),
            Area = i.Area,
            Team = i.Team,
            Officer = i.Officer,
            AllocatedAt = Timestamps.Of(i.AllocatedAt),
            NextReviewDue = i.Open ? Timestamps.Of(StallRules.ReviewDue(facts, rules)) : null,
            ReviewOverdue = StallRules.ReviewOverdue(facts, now, rules),
            Open = i.Open,
            Outcome = i.Outcome,
            CloseReason = i.CloseReason,
            ClosedAt = Timestamps.Of(i.ClosedAt),
            HighRisk = highRiskBecause.Count > 0,
        };
        contract.Steps.AddRange(i.Steps.OrderBy(s => s.PlannedAt).ThenBy(s => s.Id, StringComparer.Ordinal).Select(s => s.ToContract(now)));
        contract.Reviews.AddRange(i.Reviews.OrderBy(r => r.ReviewedAt).Select(r => SupervisoryReview.Parser.ParseFrom(r.Review)));
        contract.Devices.AddRange(i.Devices.OrderBy(d => d.SeizedAt).ThenBy(d => d.Id, StringComparer.Ordinal).Select(d => d.ToContract(now)));
        contract.ChargingFiles.AddRange(i.ChargingFiles.OrderBy(f => f.SentAt).Select(f => f.ToContract(now, rules)));
        contract.Stalls.AddRange(StallRules.Stalls(facts, highRiskBecause.Count > 0, now, rules).Select(s => s.ToContract(now)));
        return contract;
    }

    public static PlanStep ToContract(this StepRecord s, DateTime now) => new()
    {
        StepId = s.Id, Kind = s.Kind, Description = s.Description, PlannedAt = Timestamps.Of(s.PlannedAt), TargetAt = Timestamps.Of(s.TargetAt),
        WithPartners = s.WithPartners, CompletedAt = Timestamps.Of(s.CompletedAt), Note = s.Note, Overdue = s.CompletedAt is null && now > s.TargetAt,
    };

    public static Device ToContract(this DeviceRecord d, DateTime now) => new()
    {
        DeviceId = d.Id, InvestigationId = d.InvestigationId, Type = d.Type, Owner = d.Owner, Priority = d.Priority, Stage = d.Stage,
        ExhibitReference = d.ExhibitReference, SeizedAt = Timestamps.Of(d.SeizedAt), SubmittedAt = Timestamps.Of(d.SubmittedAt),
        ExaminationStartedAt = Timestamps.Of(d.ExaminationStartedAt), ExaminedAt = Timestamps.Of(d.ExaminedAt),
        WaitDays = d.SubmittedAt is { } submitted ? Days((d.ExaminedAt ?? now) - submitted) : 0,
    };

    public static ChargingFile ToContract(this ChargingFileRecord f, DateTime now, AreaInvestigationRules rules)
    {
        var file = new ChargingFile
        {
            FileId = f.Id, InvestigationId = f.InvestigationId, Category = f.Category, SentAt = Timestamps.Of(f.SentAt), SuspectReference = f.SuspectReference,
            Decision = f.Decision, DecidedAt = Timestamps.Of(f.DecidedAt), WaitDays = Days(ChargingWaits.Wait(f.SentAt, f.DecidedAt, now)),
            OverThreshold = ChargingWaits.OverThreshold(f.SentAt, f.DecidedAt, now, rules),
        };
        file.FurtherWork.AddRange(FurtherWorkOf(f));
        return file;
    }

    public static IEnumerable<FurtherWork> FurtherWorkOf(ChargingFileRecord f)
    {
        using var stream = new MemoryStream(f.FurtherWork);
        var items = new List<FurtherWork>();
        while (stream.Position < stream.Length)
        {
            items.Add(FurtherWork.Parser.ParseDelimitedFrom(stream));
        }

        return items;
    }

    public static void AddFurtherWork(ChargingFileRecord f, FurtherWork work)
    {
        using var stream = new MemoryStream();
        stream.Write(f.FurtherWork);
        work.WriteDelimitedTo(stream);
        f.FurtherWork = stream.ToArray();
    }

    public static Stall ToContract(this StallFact s, DateTime now) => new()
    {
        Reason = s.Reason, Since = Timestamps.Of(s.Since), StalledAt = Timestamps.Of(s.StalledAt), Days = Days(s.Lasted(now)),
    };

    public static double Days(TimeSpan span) => Math.Round(span.TotalDays, 2);
}
