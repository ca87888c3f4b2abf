using System.Text;
using System.Text.Json;
using Peregrine.Conditions.Binding;
using Peregrine.Conditions.Evaluation;
using Peregrine.Conditions.Fields;
using Peregrine.Conditions.Parsing;
using Peregrine.Conditions.Syntax;

namespace Peregrine.Rules.Outputs;

/// <summary>
/// A compiled output format string (a rule's <c>output</c>): literal text and <c>%field</c>
/// tokens bound to the source's field slots. Rendering reads the same per-event cache as the
/// conditions, so a field used by both is extracted once.
/// </summary>
public sealed class OutputFormat
{
    private readonly Segment[] _segments;
    private readonly OutputField[] _jsonFields;

    private OutputFormat(string text, Segment[] segments, OutputField[] jsonFields, Expr[] tokens)
    {
        Text = text;
        _segments = segments;
        _jsonFields = jsonFields;
        Tokens = tokens;
    }

    /// <summary>The format as written.</summary>
    public string Text { get; }

    /// <summary>The field or transformer expression of every <c>%</c> token, in order and with repeats (for <c>-L</c>).</summary>
    public IReadOnlyList<Expr> Tokens { get; }

    /// <summary>The plain fields the format reads, as <c>output_fields</c> keys, in key order.</summary>
    public IReadOnlyList<string> FieldKeys => _jsonFields.Select(f => f.Key).ToArray();

    /// <summary>The catalog fields the format reads (for batching extraction).</summary>
    public IReadOnlyList<FieldReference> Fields => _jsonFields.Select(f => f.Field).ToArray();

    /// <summary>The <c>output_fields</c> entries of the format: key, field and slot, in key order.</summary>
    public IReadOnlyList<OutputField> JsonFields => _jsonFields;

    /// <summary>
    /// Compiles a format against a source, with the 0.44 tokenizer: after <c>%</c> and an
    /// optional width, the longest prefix that parses as a field or transformer and binds
    /// against the source. The error is Falco's message.
    /// </summary>
    public static OutputFormat? Compile(string format, IFieldCatalog catalog, FieldSlotTable slots, out string? error)
    {
        error = null;
        if (format.Length == 0)
        {
            error = "empty formatting token";
            return null;
        }
        var text = format[0] == '*' ? format[1..] : format;
        var bytes = Encoding.UTF8.GetBytes(text);
        var binder = new ConditionBinder(catalog, slots);
        var segments = new List<Segment>();
        var fields = new List<FieldReference>();
        var tokens = new List<Expr>();
        var literalStart = 0;
        var j = 0;
        for (; j < bytes.Length; j++)
        {
            if (bytes[j] != '%') continue;
            if (literalStart != j) segments.Add(Segment.Literal(bytes[literalStart..j]));
            if (j == bytes.Length - 1)
            {
                error = "invalid formatting syntax: formatting cannot end with a %";
                return null;
            }
            var width = 0;
            if (char.IsAsciiDigit((char)bytes[j + 1]))
            {
                width = ParseWidth(bytes, j + 1);
                while (true)
                {
                    if (j == bytes.Length - 1)
                    {
                        error = "invalid formatting syntax: formatting cannot end with a number";
                        return null;
                    }
                    if (!char.IsAsciiDigit((char)bytes[j + 1])) break;
                    j++;
                }
            }

            var size = bytes.Length - (j + 1);
            BoundOperand? operand = null;
            string lastError = "";
            while (operand is null)
            {
                var (expr, consumed, parseError) = ConditionParser.ParseFieldOrTransformer(bytes.AsSpan(j + 1, size));
                if (expr is not null)
                {
                    var (bound, bindError) = binder.BindOperand(expr);
                    if (bound is not null)
                    {
                        operand = bound;
                        tokens.Add(expr);
                        size = consumed;
                        break;
                    }
                    lastError = bindError!;
                }
                else
                {
                    lastError = parseError!.Message;
                }
                if (--size == 0)
                {
                    error = "unknown filter: " + lastError;
                    return null;
                }
            }
            segments.Add(Segment.Field(operand, width));
            fields.AddRange(operand.Fields);
            j += size;
            literalStart = j + 1;
        }
        if (literalStart < bytes.Length) segments.Add(Segment.Literal(bytes[literalStart..]));

        var jsonFields = fields
            .DistinctBy(f => f.Text)
            .OrderBy(f => f.Text, StringComparer.Ordinal)
            .Select(f => new OutputField(f.Text, f, slots.AddField(f)))
            .ToArray();
        return new OutputFormat(format, segments.ToArray(), jsonFields, tokens.ToArray());
    }

    /// <summary>Renders the text, with <c>&lt;NA&gt;</c> for missing values (Falco always formats rule outputs so).</summary>
    public void Render(FieldCache cache, Utf8Builder output)
    {
        foreach (var segment in _segments)
        {
            if (segment.Operand is not { } operand)
            {
                output.Append(segment.Text);
                continue;
            }
            var start = output.Length;
            if (!ValueText.TryWrite(output, cache, operand.Slot, operand.Type, operand.IsList, operand.PrintFormat))
                output.Append(ValueText.NotAvailable);
            if (segment.Width > 0) output.Resize(start, segment.Width);
        }
    }

    /// <summary>Renders into a new string (tests and tools; alerts use <see cref="Render(FieldCache, Utf8Builder)"/>).</summary>
    public string Render(FieldCache cache)
    {
        var output = new Utf8Builder();
        Render(cache, output);
        return output.ToString();
    }

    /// <summary>
    /// Writes the <c>output_fields</c> entries: each plain field read by the format, typed, in key
    /// order. <paramref name="special"/> may render some fields itself (e.g. times as integers).
    /// </summary>
    public void WriteFields(FieldCache cache, Utf8JsonWriter writer, IFieldJsonRenderer? special = null)
    {
        foreach (var field in _jsonFields)
        {
            writer.WritePropertyName(field.Key);
            field.WriteValue(cache, writer, special);
        }
    }

    /// <summary>sscanf("%d"): the run of digits, saturated.</summary>
    private static int ParseWidth(byte[] bytes, int from)
    {
        long value = 0;
        for (var i = from; i < bytes.Length && char.IsAsciiDigit((char)bytes[i]); i++)
            value = Math.Min(value * 10 + (bytes[i] - '0'), int.MaxValue);
        return (int)value;
    }

    private sealed record Segment(byte[] Text, BoundOperand? Operand, int Width)
    {
        public static Segment Literal(byte[] text) => new(text, null, 0);
        public static Segment Field(BoundOperand operand, int width) => new([], operand, width);
    }

}

/// <summary>One plain field read by an output format: its <c>output_fields</c> key, the field and its cache slot.</summary>
public sealed record OutputField(string Key, FieldReference Field, int Slot)
{
    /// <summary>Writes the typed JSON value; <paramref name="special"/> may render it itself (e.g. times as integers).</summary>
    public void WriteValue(FieldCache cache, Utf8JsonWriter writer, IFieldJsonRenderer? special = null)
    {
        if (special is not null && special.TryWrite(Field, cache, Slot, writer)) return;
        var definition = Field.Definition;
        ValueJson.Write(writer, cache, Slot, definition.Type, definition.IsList, definition.PrintFormat);
    }
}

/// <summary>Renders the JSON of fields whose JSON form is not their text (Falco's time fields).</summary>
public interface IFieldJsonRenderer
{
    /// <summary>Writes the value and returns true, or returns false to use the default rendering.</summary>
    bool TryWrite(FieldReference field, FieldCache cache, int slot, Utf8JsonWriter writer);
}
