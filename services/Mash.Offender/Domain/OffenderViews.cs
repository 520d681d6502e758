using Mash.Contracts.Offender.V1;
using Mash.Platform.Auth;

namespace Mash.Offender.Domain;

/// <summary>
/// How much of an offender's record a caller sees, decided from the caller's roles, never from
/// the request: Offender.Read gives the full record and beats Offender.ReadSummary.
/// </summary>
public static class OffenderViews
{
    public static OffenderView For(Func<string, bool> hasRole) =>
        hasRole(MashRoles.OffenderRead) ? OffenderView.Full
        : hasRole(MashRoles.OffenderReadSummary) ? OffenderView.Summary
        : OffenderView.Unspecified;

    /// <summary>
    /// What a command answers with: the full record, since only Offender.Manage may command and
    /// managing an offender needs all of it.
    /// </summary>
    public const OffenderView ForCommands = OffenderView.Full;
}
