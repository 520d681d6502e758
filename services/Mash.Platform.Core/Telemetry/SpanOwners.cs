using System.Diagnostics;
using OpenTelemetry;

namespace Mash.Platform.Telemetry;

/// <summary>
/// Gives each span of a shared process (<see cref="TelemetryOptions.SharedProcess"/>) its owner as it starts, so that
/// each application's provider can export only its own (<see cref="OwnSpansExportProcessor"/>). Every application's
/// tracer provider sees every span of the process, since activity sources are listened to by name.
/// </summary>
/// <remarks>
/// A server span is its application's, known by ASP.NET Core's activity source, of which each application has its own
/// instance: this holds for a request the gateway hands to a service through memory too, whose server span is a child of
/// the gateway's. A span with no parent in the process (an event published or handled by a hosted service) belongs to
/// the flow's owner (<see cref="TelemetryOwner"/>). Any other span is its nearest owned ancestor's.
/// </remarks>
internal sealed class SpanOwners(TelemetryOwner owner, ActivitySource serverSpans) : BaseProcessor<Activity>
{
    private const string OwnerProperty = "mash.telemetry.owner";

    public override void OnStart(Activity data)
    {
        if (ReferenceEquals(data.Source, serverSpans))
        {
            data.SetCustomProperty(OwnerProperty, owner);
        }
        else if (data.Parent is null && data.GetCustomProperty(OwnerProperty) is null && TelemetryOwner.Current is { } flow)
        {
            // Every application's provider may get here first; each writes the same owner. A server span's own
            // application claims it above whether it comes before or after.
            data.SetCustomProperty(OwnerProperty, flow);
        }
    }

    /// <summary>The owner of <paramref name="span"/>'s nearest ancestor-or-self that has one; none for the process's own.</summary>
    public static TelemetryOwner? OwnerOf(Activity? span)
    {
        for (; span is not null; span = span.Parent)
        {
            if (span.GetCustomProperty(OwnerProperty) is TelemetryOwner found)
            {
                return found;
            }
        }

        return null;
    }
}
