using Mash.Platform.Hosting;
using Mash.Platform.Time;
using Microsoft.Extensions.Options;

namespace Mash.StrategyDiscussion;

/// <summary>The current moment, and today's date where the node works (dates of birth are local dates).</summary>
internal sealed class ServiceClock(TimeProvider time, WorkingCalendars calendars, IOptions<MashNodeOptions> node)
{
    public DateTimeOffset Now => time.GetUtcNow();

    public DateTime UtcNow => Now.UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(UtcNow, calendars.ForArea(node.Value.Area).Zone));
}
