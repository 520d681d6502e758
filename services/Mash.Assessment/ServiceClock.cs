using Mash.Platform.Hosting;
using Mash.Platform.Time;
using Microsoft.Extensions.Options;

namespace Mash.Assessment;

/// <summary>The current moment, and today's date where the node works (ages are counted in local dates).</summary>
internal sealed class ServiceClock(TimeProvider time, WorkingCalendars calendars, IOptions<MashNodeOptions> node)
{
    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(UtcNow, calendars.ForArea(node.Value.Area).Zone));

    public DateTimeOffset Now => time.GetUtcNow();
}
