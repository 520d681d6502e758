namespace Mash.Cli;

/// <summary>A plain text table: headings, then rows, columns padded to the widest cell.</summary>
internal static class Table
{
    public static void Write(TextWriter output, IReadOnlyList<string> headings, IReadOnlyList<string[]> rows)
    {
        var widths = headings.Select((h, column) => rows.Select(row => row[column].Length).Append(h.Length).Max()).ToArray();
        WriteRow(output, headings, widths);
        foreach (var row in rows)
        {
            WriteRow(output, row, widths);
        }
    }

    private static void WriteRow(TextWriter output, IReadOnlyList<string> cells, int[] widths) =>
        output.WriteLine(string.Join("  ", cells.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd());
}
