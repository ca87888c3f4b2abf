using System.Text;
using YamlDotNet.Core;

namespace Peregrine.Rules.Yaml;

/// <summary>
/// Turns YamlDotNet positions (1-based line and column counted in UTF-16 units, character index)
/// into the marks yaml-cpp gives Falco (0-based line, and column and offset counted in bytes,
/// since yaml-cpp reads UTF-8 a byte at a time).
/// </summary>
internal sealed class YamlCppMarks(string content)
{
    private readonly bool _ascii = Encoding.UTF8.GetByteCount(content) == content.Length;
    private int[]? _prefix;

    public YamlMark Mark(Mark m)
    {
        var index = Math.Clamp((int)m.Index, 0, content.Length);
        var lineStart = Math.Max(0, index - Math.Max(0, (int)m.Column - 1));
        var offset = ToByteOffset(index);
        return new YamlMark(Math.Max(0, (int)m.Line - 1), offset - ToByteOffset(lineStart), offset);
    }

    /// <summary>
    /// Where yaml-cpp puts a node that is not written at all (<c>tags:</c> with nothing after):
    /// at the next token, skipping blanks, line breaks and comments from where YamlDotNet put it.
    /// When only those remain, yaml-cpp uses its end-of-stream mark, whose column it resets to 0.
    /// </summary>
    public YamlMark NextToken(Mark m)
    {
        var here = Mark(m);
        var line = here.Line;
        var lineStart = -1;
        var i = Math.Clamp((int)m.Index, 0, content.Length);
        while (i < content.Length)
        {
            var c = content[i];
            if (c is ' ' or '\t') i++;
            else if (c is '\r' or '\n')
            {
                i += c == '\r' && i + 1 < content.Length && content[i + 1] == '\n' ? 2 : 1;
                line++;
                lineStart = i;
            }
            else if (c == '#')
            {
                // Only reached after white space or at a line start, where '#' opens a comment.
                while (i < content.Length && content[i] is not ('\r' or '\n')) i++;
            }
            else
            {
                var offset = ToByteOffset(i);
                var column = lineStart < 0 ? here.Column + offset - here.Offset : offset - ToByteOffset(lineStart);
                return new YamlMark(line, column, offset);
            }
        }
        return new YamlMark(line, 0, ToByteOffset(content.Length));
    }

    private int ToByteOffset(int charIndex)
    {
        charIndex = Math.Clamp(charIndex, 0, content.Length);
        if (_ascii) return charIndex;
        if (_prefix is null)
        {
            _prefix = new int[content.Length + 1];
            for (var i = 0; i < content.Length; i++)
            {
                var width = char.IsHighSurrogate(content[i]) ? 4 : char.IsLowSurrogate(content[i]) ? 0
                    : content[i] < 0x80 ? 1 : content[i] < 0x800 ? 2 : 3;
                _prefix[i + 1] = _prefix[i] + width;
            }
        }
        return _prefix[charIndex];
    }
}
