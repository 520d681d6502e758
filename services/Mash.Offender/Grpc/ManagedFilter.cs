using Mash.Contracts.Common.V1;
using Mash.Offender.Data;
using Mash.Offender.Domain;
using Mash.Platform.Errors;

namespace Mash.Offender.Grpc;

/// <summary>The management lists' filters: the area and the managing officer, matched as folded; empty means every one.</summary>
internal static class ManagedFilter
{
    public static IQueryable<OffenderRecord> Apply(IQueryable<OffenderRecord> offenders, string area, string officer)
    {
        if (area.Trim().Length > 0)
        {
            var areaKey = OffenderRecord.Fold(area);
            offenders = offenders.Where(o => o.AreaKey == areaKey);
        }

        if (officer.Trim().Length > 0)
        {
            var officerKey = OffenderRecord.Fold(officer);
            offenders = offenders.Where(o => o.OfficerKey == officerKey);
        }

        return offenders;
    }

    public static FieldViolations Check(string area, string officer, PageRequest? page, PageList list, out int size, out PageToken? after) =>
        Check(new FieldViolations(), area, officer, page, list, out size, out after);

    public static FieldViolations Check(
        FieldViolations v, string area, string officer, PageRequest? page, PageList list, out int size, out PageToken? after) =>
        v.CheckOptionalText("area", area, RequestChecks.MaxName)
            .CheckOptionalText("managing_officer", officer, RequestChecks.MaxName)
            .CheckPage(page, list, out size, out after);
}
