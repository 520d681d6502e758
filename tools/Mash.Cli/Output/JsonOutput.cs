using Google.Protobuf;

namespace Mash.Cli;

/// <summary>
/// <c>--json</c> output: the protobuf JSON mapping with the proto field names, the same names
/// <c>submit --file</c> reads, so output can be edited and fed back.
/// </summary>
internal static class JsonOutput
{
    private static readonly JsonFormatter Formatter =
        new(JsonFormatter.Settings.Default.WithPreserveProtoFieldNames(true).WithIndentation());

    public static void Write(TextWriter output, IMessage message) => output.WriteLine(Formatter.Format(message));
}
