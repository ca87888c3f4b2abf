using System.Net;
using System.Text;

namespace Peregrine.Sdk;

/// <summary>
/// Where an extraction writes the value(s) of one field. Values go straight to the host's sink
/// (nothing is boxed or kept), and each write is checked against the field's declared type and
/// list-ness, so a mistake surfaces as a clear extraction failure rather than a wrong value.
/// A list field announces its length with <see cref="BeginList"/> and then writes that many values.
/// </summary>
public ref struct FieldWriter
{
    private readonly IPluginFieldSink _sink;
    private readonly int _request;
    private readonly FieldDefinition _field;
    private readonly Utf8Scratch _scratch;
    private int _count;
    private int _written;

    internal FieldWriter(IPluginFieldSink sink, int request, FieldDefinition field, Utf8Scratch scratch)
    {
        _sink = sink;
        _request = request;
        _field = field;
        _scratch = scratch;
        _count = field.IsList ? 0 : 1;
    }

    /// <summary>Values written so far.</summary>
    public readonly int Written => _written;

    /// <summary>Starts a list field of <paramref name="count"/> values (0 means an empty list: no value).</summary>
    public void BeginList(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (!_field.IsList)
        {
            throw new InvalidOperationException($"field {_field.Name} is not a list");
        }

        if (_count != 0)
        {
            throw new InvalidOperationException($"field {_field.Name}: BeginList called twice");
        }

        _count = count;
    }

    /// <summary>Writes a <c>uint64</c>, <c>reltime</c> (nanoseconds) or <c>abstime</c> (nanoseconds since the epoch) value.</summary>
    public void Write(ulong value)
    {
        Expect(PluginFieldType.UInt64, PluginFieldType.RelTime, PluginFieldType.AbsTime);
        _sink.OnUInt64(_request, Next(), _count, value);
    }

    /// <summary>Writes a <c>reltime</c> value.</summary>
    public void Write(TimeSpan value) => Write((ulong)value.Ticks * 100UL);

    /// <summary>Writes an <c>abstime</c> value.</summary>
    public void Write(DateTimeOffset value) => Write((ulong)(value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100UL);

    /// <summary>Writes a <c>bool</c> value.</summary>
    public void Write(bool value)
    {
        Expect(PluginFieldType.Bool);
        _sink.OnBool(_request, Next(), _count, value);
    }

    /// <summary>Writes a <c>string</c> value given as UTF-8 (no terminator).</summary>
    public void WriteUtf8(scoped ReadOnlySpan<byte> utf8)
    {
        Expect(PluginFieldType.String);
        _sink.OnString(_request, Next(), _count, utf8);
    }

    /// <summary>Writes a <c>string</c> value; encoded into a buffer the plugin reuses.</summary>
    public void Write(scoped ReadOnlySpan<char> value)
    {
        Expect(PluginFieldType.String);
        var buffer = _scratch.Get(Encoding.UTF8.GetMaxByteCount(value.Length));
        var length = Encoding.UTF8.GetBytes(value, buffer);
        _sink.OnString(_request, Next(), _count, buffer[..length]);
    }

    /// <summary>Writes a <c>string</c> value.</summary>
    public void Write(string value) => Write(value.AsSpan());

    /// <summary>Writes an <c>ipaddr</c> or <c>ipnet</c> value.</summary>
    public void Write(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var length);
        WriteAddress(bytes[..length]);
    }

    /// <summary>Writes an <c>ipaddr</c> or <c>ipnet</c> value as its 4 (IPv4) or 16 (IPv6) bytes.</summary>
    public void WriteAddress(scoped ReadOnlySpan<byte> address)
    {
        Expect(PluginFieldType.IpAddr, PluginFieldType.IpNet);
        if (address.Length is not (4 or 16))
        {
            throw new ArgumentException($"field {_field.Name}: an address has 4 or 16 bytes, not {address.Length}", nameof(address));
        }

        _sink.OnBytes(_request, Next(), _count, address);
    }

    /// <summary>Checks that a list got every value it announced; called by the SDK after the extraction.</summary>
    internal readonly void Complete()
    {
        if (_field.IsList && _written != _count)
        {
            throw new InvalidOperationException($"field {_field.Name}: BeginList({_count}) but {_written} values written");
        }
    }

    private int Next()
    {
        if (_field.IsList && _count == 0)
        {
            throw new InvalidOperationException($"field {_field.Name} is a list: call BeginList before writing values");
        }

        if (_written >= _count)
        {
            throw new InvalidOperationException(_field.IsList
                ? $"field {_field.Name}: more values than the {_count} announced"
                : $"field {_field.Name} is not a list: one value only");
        }

        return _written++;
    }

    // Plain comparisons: a span of enums would go through a generic comparer that allocates.
    private readonly void Expect(PluginFieldType type)
    {
        if (_field.Type != type)
        {
            ThrowMismatch(type);
        }
    }

    private readonly void Expect(PluginFieldType type, PluginFieldType other)
    {
        if (_field.Type != type && _field.Type != other)
        {
            ThrowMismatch(type);
        }
    }

    private readonly void Expect(PluginFieldType type, PluginFieldType other, PluginFieldType third)
    {
        if (_field.Type != type && _field.Type != other && _field.Type != third)
        {
            ThrowMismatch(type);
        }
    }

    private readonly void ThrowMismatch(PluginFieldType written) =>
        throw new InvalidOperationException($"field {_field.Name} is of type {FieldsJson.TypeName(_field.Type)}; a {FieldsJson.TypeName(written)} value was written");
}
