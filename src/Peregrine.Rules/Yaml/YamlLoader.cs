using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Peregrine.Rules.Yaml;

/// <summary>A YAML syntax error with the position where the parser stopped.</summary>
public sealed class YamlSyntaxError(string message, YamlMark mark) : Exception(message)
{
    public YamlMark Mark { get; } = mark;
}

/// <summary>
/// Reads every document of a YAML stream into <see cref="YamlNode"/> trees, built directly from
/// YamlDotNet's parser events so that raw scalar text, duplicate keys and positions survive.
/// Anchors and aliases resolve to the anchored node.
/// </summary>
public static class YamlLoader
{
    /// <summary>One entry per document; a document that is empty yields null.</summary>
    public static IReadOnlyList<YamlNode?> LoadAll(string content)
    {
        var offsets = new ByteOffsets(content);
        var parser = new Parser(new StringReader(content));
        var anchors = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var documents = new List<YamlNode?>();
        try
        {
            parser.Consume<StreamStart>();
            while (!parser.TryConsume<StreamEnd>(out _))
            {
                parser.Consume<DocumentStart>();
                YamlNode? root = null;
                if (!parser.Accept<DocumentEnd>(out _)) root = ReadNode(parser, anchors, offsets);
                parser.Consume<DocumentEnd>();
                documents.Add(root);
                anchors.Clear();
            }
        }
        catch (YamlException e)
        {
            throw new YamlSyntaxError(e.Message, offsets.Mark(e.Start));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // The YAML library can fail this way on some malformed input: still a syntax error of the
            // file, reported where the parser last stood, never a crash.
            var mark = parser.Current is { } current ? offsets.Mark(current.Start) : YamlMark.Zero;
            throw new YamlSyntaxError("invalid YAML: " + e.Message, mark);
        }
        return documents;
    }

    private static YamlNode ReadNode(IParser parser, Dictionary<string, YamlNode> anchors, ByteOffsets offsets)
    {
        var current = parser.Current ?? throw new YamlException("unexpected end of YAML stream");
        var mark = offsets.Mark(current.Start);
        switch (current)
        {
            case AnchorAlias alias:
                parser.MoveNext();
                if (!anchors.TryGetValue(alias.Value.Value, out var target))
                    throw new YamlException(alias.Start, alias.End, $"unknown anchor '{alias.Value.Value}'");
                return target;
            case Scalar scalar:
            {
                parser.MoveNext();
                var node = new YamlScalar(mark, scalar.Value, scalar.Style);
                Remember(anchors, scalar.Anchor, node);
                return node;
            }
            case SequenceStart start:
            {
                parser.MoveNext();
                var items = new List<YamlNode>();
                while (!parser.TryConsume<SequenceEnd>(out _)) items.Add(ReadNode(parser, anchors, offsets));
                var node = new YamlSequence(mark, items);
                Remember(anchors, start.Anchor, node);
                return node;
            }
            case MappingStart start:
            {
                parser.MoveNext();
                var entries = new List<KeyValuePair<YamlNode, YamlNode>>();
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var key = ReadNode(parser, anchors, offsets);
                    var value = ReadNode(parser, anchors, offsets);
                    entries.Add(new(key, value));
                }
                // yaml-cpp marks a block mapping at its first key.
                var mappingMark = entries.Count > 0 && start.Style == YamlDotNet.Core.Events.MappingStyle.Block ? entries[0].Key.Mark : mark;
                var node = new YamlMapping(mappingMark, entries);
                Remember(anchors, start.Anchor, node);
                return node;
            }
            default:
                throw new YamlException(current.Start, current.End, "unexpected YAML event " + current.GetType().Name);
        }
    }

    private static void Remember(Dictionary<string, YamlNode> anchors, AnchorName anchor, YamlNode node)
    {
        if (!anchor.IsEmpty) anchors[anchor.Value] = node;
    }

    /// <summary>Converts YamlDotNet marks (1-based, UTF-16 index) to yaml-cpp marks (0-based, byte offset).</summary>
    private sealed class ByteOffsets(string content)
    {
        private readonly bool _ascii = Encoding.UTF8.GetByteCount(content) == content.Length;
        private int[]? _prefix;

        public YamlMark Mark(Mark m) =>
            new(Math.Max(0, (int)m.Line - 1), Math.Max(0, (int)m.Column - 1), ToByteOffset((int)m.Index));

        private int ToByteOffset(int charIndex)
        {
            charIndex = Math.Clamp(charIndex, 0, content.Length);
            if (_prefix is null)
            {
                if (_ascii) return charIndex;
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
}
