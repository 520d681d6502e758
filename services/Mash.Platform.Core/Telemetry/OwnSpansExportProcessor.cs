using System.Diagnostics;
using OpenTelemetry;

namespace Mash.Platform.Telemetry;

/// <summary>
/// Exports only the spans <see cref="SpanOwners"/> gave to one application of a shared process, and the process's own
/// (those of no application) when <paramref name="exportsProcessSpans"/>, so each span is exported once.
/// </summary>
internal sealed class OwnSpansExportProcessor(BaseExporter<Activity> exporter, TelemetryOwner owner, bool exportsProcessSpans)
    : BatchActivityExportProcessor(exporter)
{
    public override void OnEnd(Activity data)
    {
        if (SpanOwners.OwnerOf(data) is { } found ? ReferenceEquals(found, owner) : exportsProcessSpans)
        {
            base.OnEnd(data);
        }
    }
}
