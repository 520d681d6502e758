using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace Mash.Cli.Tests.Support;

/// <summary>Local times as the CLI takes them, for comparing with what it sends (UTC).</summary>
internal static class Local
{
    public static Timestamp Time(string yyyyMmDdHhMm) =>
        Timestamp.FromDateTime(TimeZoneInfo.ConvertTimeToUtc(
            DateTime.ParseExact(yyyyMmDdHhMm, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), TimeZoneInfo.Local));
}
