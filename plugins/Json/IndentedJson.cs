using System.Buffers;

namespace Peregrine.Plugins.Json;

/// <summary>
/// Renders a payload for json.obj as upstream does, with Go's <c>json.Indent</c> (no prefix, two
/// spaces): each member or element on its own line, indented by its depth; ": " after a key; an
/// empty object or array kept as <c>{}</c> or <c>[]</c>; whitespace between tokens replaced, but
/// whitespace after the document kept; and strings and numbers copied byte for byte.
/// </summary>
internal static class IndentedJson
{
    private const int IndentWidth = 2;

    /// <summary>Appends <paramref name="json"/>, a valid JSON object or array, indented.</summary>
    public static void Write(ReadOnlySpan<byte> json, IBufferWriter<byte> output)
    {
        var depth = 0;
        var open = 0;
        var afterOpening = false;
        var inString = false;
        var escaped = false;
        var ended = false;
        foreach (var c in json)
        {
            if (inString)
            {
                Put(output, c);
                if (escaped)
                {
                    escaped = false;
                }
                else if (c == (byte)'\\')
                {
                    escaped = true;
                }
                else if (c == (byte)'"')
                {
                    inString = false;
                }

                continue;
            }

            if (c is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
            {
                if (ended)
                {
                    Put(output, c);
                }

                continue;
            }

            // The line break after "{" or "[" waits for the first member: an empty one stays on its line.
            if (afterOpening && c is not ((byte)'}' or (byte)']'))
            {
                afterOpening = false;
                depth++;
                NewLine(output, depth);
            }

            switch (c)
            {
                case (byte)'{' or (byte)'[':
                    Put(output, c);
                    afterOpening = true;
                    open++;
                    break;
                case (byte)'}' or (byte)']':
                    if (afterOpening)
                    {
                        afterOpening = false;
                    }
                    else
                    {
                        depth--;
                        NewLine(output, depth);
                    }

                    Put(output, c);
                    ended = --open == 0;
                    break;
                case (byte)',':
                    Put(output, c);
                    NewLine(output, depth);
                    break;
                case (byte)':':
                    Put(output, c);
                    Put(output, (byte)' ');
                    break;
                case (byte)'"':
                    Put(output, c);
                    inString = true;
                    break;
                default:
                    Put(output, c);
                    break;
            }
        }
    }

    private static void NewLine(IBufferWriter<byte> output, int depth)
    {
        var span = output.GetSpan(1 + depth * IndentWidth);
        span[0] = (byte)'\n';
        span.Slice(1, depth * IndentWidth).Fill((byte)' ');
        output.Advance(1 + depth * IndentWidth);
    }

    private static void Put(IBufferWriter<byte> output, byte value)
    {
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }
}
