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
        var marks = new YamlCppMarks(content);
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
                if (!parser.Accept<DocumentEnd>(out _)) root = ReadNode(parser, anchors, marks);
                parser.Consume<DocumentEnd>();
                documents.Add(root);
                anchors.Clear();
            }
        }
        catch (YamlException e)
        {
            throw new YamlSyntaxError(e.Message, marks.Mark(e.Start));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // The YAML library can fail this way on some malformed input: still a syntax error of the
            // file, reported where the parser last stood, never a crash.
            var mark = parser.Current is { } current ? marks.Mark(current.Start) : YamlMark.Zero;
            throw new YamlSyntaxError("invalid YAML: " + e.Message, mark);
        }
        return documents;
    }

    private static YamlNode ReadNode(IParser parser, Dictionary<string, YamlNode> anchors, YamlCppMarks marks)
    {
        var current = parser.Current ?? throw new YamlException("unexpected end of YAML stream");
        var mark = marks.Mark(current.Start);
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
                // A value left out entirely (an empty, untagged, unanchored plain scalar) sits
                // at the next token in yaml-cpp, e.g. the next key.
                YamlMark? cppMark = scalar is { Value.Length: 0, Style: ScalarStyle.Plain, Anchor.IsEmpty: true, Tag.IsEmpty: true }
                    ? marks.NextToken(scalar.Start)
                    : null;
                var node = new YamlScalar(mark, scalar.Value, scalar.Style, tagged: !scalar.Tag.IsEmpty, cppMark);
                Remember(anchors, scalar.Anchor, node);
                return node;
            }
            case SequenceStart start:
            {
                parser.MoveNext();
                var items = new List<YamlNode>();
                while (!parser.TryConsume<SequenceEnd>(out _)) items.Add(ReadNode(parser, anchors, marks));
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
                    var key = ReadNode(parser, anchors, marks);
                    var value = ReadNode(parser, anchors, marks);
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
}
