using Mash.Contracts.Common.V1;
using Mash.Offender.Data;
using Mash.Offender.Domain;
using Mash.Platform.Errors;
using Mash.Platform.Paging;
using Mash.Offender.IntegrationEvents;

namespace Mash.Offender.Application;

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

    public static FieldViolations Check<TKey>(string area, string officer, PageRequest? page, PageTokenFormat<TKey> list, out int size, out PageToken<TKey>? after) =>
        Check(new FieldViolations(), area, officer, page, list, out size, out after);

    public static FieldViolations Check<TKey>(
        FieldViolations v, string area, string officer, PageRequest? page, PageTokenFormat<TKey> list, out int size, out PageToken<TKey>? after) =>
        list.CheckPage(v.CheckOptionalText("area", area, RequestChecks.MaxName).CheckOptionalText("managing_officer", officer, RequestChecks.MaxName),
            page, out size, out after);
}
