using Google.Protobuf.WellKnownTypes;

namespace Mash.Platform.Time;

/// <summary>Contract timestamps that a caller may have filled with anything.</summary>
public static class Timestamps
{
    /// <summary>False when absent or outside what a timestamp can hold (years 1 to 9999, nanos below a second).</summary>
    public static bool TryUtc(Timestamp? timestamp, out DateTime utc)
    {
        utc = default;
        if (timestamp is null || timestamp.Seconds is < -62_135_596_800 or > 253_402_300_799 || timestamp.Nanos is < 0 or > 999_999_999)
        {
            return false;
        }

        utc = timestamp.ToDateTime();
        return true;
    }

    /// <summary>A stored UTC time as a contract timestamp; null stays unset.</summary>
    public static Timestamp? Of(DateTime? utc) => utc is { } at ? Timestamp.FromDateTime(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null;
}
