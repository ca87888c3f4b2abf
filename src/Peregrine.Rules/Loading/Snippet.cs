using System.Text;

namespace Peregrine.Rules.Loading;

/// <summary>
/// The line of text a message points at, cut to 80 characters around the position, with a
/// caret line under it: Falco's snippet algorithm, including its quirks (for a condition, the
/// position is a file offset applied to the condition text, so it usually lands on its end).
/// </summary>
public static class Snippet
{
    private const int Width = 160;

    public static string For(LoadContext context, IReadOnlyDictionary<string, string> contents)
    {
        var last = context.Locations[^1];
        string? text = context.AlternateContent;
        if (text is null && !contents.TryGetValue(last.Name, out text))
            return "<No context for file + " + last.Name + ">\n";
        if (text.Length == 0) return "<No context available>\n";

        // Positions are byte offsets: work on the UTF-8 bytes, as upstream does.
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length == 0) return "<No context available>\n";
        var pos = (long)last.Position.Offset;
        while (pos > 0 && (pos >= bytes.Length || bytes[pos] == '\n')) pos--;

        var from = pos;
        while (from > 0 && bytes[from] != '\n' && pos - from < Width / 2) from--;
        var to = pos;
        while (to < bytes.Length - 1 && bytes[to] != '\n' && to - pos < Width / 2) to++;
        if (from < bytes.Length && bytes[from] == '\n') from++;
        if (to < bytes.Length && bytes[to] == '\n') to--;

        if (to < from) return "<No context available>\n";
        var line = bytes.AsSpan((int)from, (int)(to - from + 1)).ToArray();
        if (line.Length == 0) return "<No context available>\n";
        if (pos - from >= Width / 2) "..."u8.CopyTo(line);
        if (to - pos >= Width / 2) "..."u8.CopyTo(line.AsSpan(line.Length - 3));

        var result = new StringBuilder(Encoding.UTF8.GetString(line)).Append('\n');
        if (pos - from <= line.Length - 1) result.Append(' ', (int)(pos - from)).Append("^\n");
        return result.ToString();
    }
}
