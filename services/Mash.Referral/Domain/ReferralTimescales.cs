using Mash.Platform.Time;
using Microsoft.Extensions.Options;

namespace Mash.Referral.Domain;

/// <summary>The clock of each area: its working calendar with its referral timescales.</summary>
public sealed class ReferralTimescales(WorkingCalendars calendars, IOptions<ReferralTimescalesOptions> options)
{
    public bool Knows(string area) => options.Value.Knows(area);

    public ReferralClock ClockFor(string area) => new(calendars.ForArea(area), options.Value.For(area));

    public AreaTimescales For(string area) => options.Value.For(area);

    public TimeSpan ReceivedAtFutureTolerance => options.Value.ReceivedAtFutureTolerance;
}
