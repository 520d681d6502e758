using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Events.V1;

namespace Mash.Assessment.Domain;

/// <summary>
/// When a CSE flag's change asks for a strategy discussion (Working Together 2023: reasonable cause
/// to suspect a child is suffering, or likely to suffer, significant harm): a high risk raised, or
/// confirmed on review. Clearing a flag never does, whatever risk it last had.
/// </summary>
public static class StrategyDiscussionTriggers
{
    public static bool RequiredBy(CseRisk risk, FlagAction action) => risk == CseRisk.High && action != FlagAction.Cleared;

    /// <summary>The reason the discussion is required, as the strategy service shows it.</summary>
    public static string Reason(FlagAction action, string flagId, string changeReason) =>
        $"High CSE risk {(action == FlagAction.Raised ? "raised" : "confirmed on review")} on flag {flagId}: {changeReason}";
}
