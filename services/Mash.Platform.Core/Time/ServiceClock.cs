using Mash.Platform.Hosting;
using Microsoft.Extensions.Options;

namespace Mash.Platform.Time;

/// <summary>
/// The current moment, and today's date where the node works: dates of birth and ages are local
/// dates, so "today" is the node's, not UTC's.
/// </summary>
public sealed class ServiceClock(TimeProvider time, WorkingCalendars calendars, IOptions<MashNodeOptions> node, IOptions<DateBoundsOptions> dates)
{
    public DateTimeOffset Now => time.GetUtcNow();

    public DateTime UtcNow => Now.UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(UtcNow, calendars.ForArea(node.Value.Area).Zone));

    /// <summary>Today's sanity bounds for the days a caller supplies (<c>Mash:Dates</c>).</summary>
    public DateWindow Window => DateWindow.For(Today, dates.Value);
}
