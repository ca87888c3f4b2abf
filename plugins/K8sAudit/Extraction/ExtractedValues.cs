using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Peregrine.Sdk;
using Peregrine.Plugins.Common;

namespace Peregrine.Plugins.K8sAudit.Extraction;

/// <summary>
/// The string values of one field of one event, gathered before they are written (a list field must
/// announce its length first). The values are UTF-8 runs in one reused buffer, so extracting
/// allocates nothing once the buffer has grown; it is also the buffer JSON is written into.
/// </summary>
internal sealed class ExtractedValues : IBufferWriter<byte>
{
    private readonly List<(int Start, int Length)> _values = [];
    private byte[] _bytes = new byte[4096];
    private int _used;

    public int Count => _values.Count;

    public ReadOnlySpan<byte> this[int index]
    {
        get
        {
            var (start, length) = _values[index];
            return _bytes.AsSpan(start, length);
        }
    }

    public void Clear()
    {
        _values.Clear();
        _used = 0;
    }

    public void Add(ReadOnlySpan<byte> utf8)
    {
        var start = _used;
        Append(utf8);
        _values.Add((start, utf8.Length));
    }

    /// <summary>Adds a JSON value as upstream renders one: a string as its text, anything else as compact JSON.</summary>
    public void Add(JsonElement value)
    {
        var start = _used;
        AppendText(value);
        _values.Add((start, _used - start));
    }

    /// <summary>Starts a value built from several pieces with <see cref="Append(ReadOnlySpan{byte})"/>; end it with <see cref="EndValue"/>.</summary>
    public int BeginValue() => _used;

    /// <summary>Adds the bytes appended since <paramref name="start"/> as one value.</summary>
    public void EndValue(int start) => _values.Add((start, _used - start));

    /// <summary>The bytes appended since <paramref name="start"/> (not yet a value).</summary>
    public ReadOnlySpan<byte> Written(int start) => _bytes.AsSpan(start, _used - start);

    /// <summary>Drops the bytes appended since <paramref name="start"/>; values added since then must be dropped too.</summary>
    public void Rewind(int start) => _used = start;

    /// <summary>Adds bytes already in the buffer (from <see cref="BeginValue"/> on) as a value.</summary>
    public void AddRange(int start, int length) => _values.Add((start, length));

    /// <summary>Shortens value <paramref name="index"/> to its first <paramref name="length"/> bytes.</summary>
    public void Truncate(int index, int length)
    {
        var (start, current) = _values[index];
        _values[index] = (start, Math.Min(current, length));
    }

    public void Append(ReadOnlySpan<byte> utf8)
    {
        utf8.CopyTo(GetSpan(utf8.Length));
        _used += utf8.Length;
    }

    /// <summary>Appends <paramref name="text"/> encoded as UTF-8.</summary>
    public void AppendUtf8Of(string text) =>
        _used += Encoding.UTF8.GetBytes(text, GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length)));

    /// <summary>Appends a JSON value's text (see <see cref="Add(JsonElement)"/>) to the value being built.</summary>
    public void AppendText(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            // The raw value is the quoted UTF-8 text: without escapes, its inside is the string.
            AppendUnescaped(JsonMarshal.GetRawUtf8Value(value)[1..^1]);

            return;
        }

        CompactJson.Write(value, this);
    }

    /// <summary>Appends the text of a raw JSON string (its bytes between the quotes), escapes undone.</summary>
    public void AppendUnescaped(ReadOnlySpan<byte> raw)
    {
        if (raw.IndexOf((byte)'\\') < 0)
        {
            Append(raw);
            return;
        }

        _used += JsonEscapes.Unescape(raw, GetSpan(raw.Length));
    }

    /// <summary>Writes the values: all of them for a list field, the first for a single-valued one.</summary>
    public void WriteTo(ref FieldWriter writer, bool isList)
    {
        if (_values.Count == 0)
        {
            return;
        }

        if (!isList)
        {
            writer.WriteUtf8(this[0]);
            return;
        }

        writer.BeginList(_values.Count);
        for (var i = 0; i < _values.Count; i++)
        {
            writer.WriteUtf8(this[i]);
        }
    }

    void IBufferWriter<byte>.Advance(int count) => _used += count;

    Memory<byte> IBufferWriter<byte>.GetMemory(int sizeHint)
    {
        Reserve(sizeHint);
        return _bytes.AsMemory(_used);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _bytes.AsSpan(_used);
    }

    private void Reserve(int sizeHint)
    {
        var needed = _used + Math.Max(sizeHint, 256);
        if (needed > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(needed, _bytes.Length * 2));
        }
    }
}
