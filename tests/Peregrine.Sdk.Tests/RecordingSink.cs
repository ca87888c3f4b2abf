using System.Text;

namespace Peregrine.Sdk.Tests;

/// <summary>Records extracted values as (request, element, count, value) for assertions.</summary>
internal sealed class RecordingSink : IPluginFieldSink
{
    public List<(int Request, int Element, int Count, object Value)> Values { get; } = [];

    public void OnUInt64(int request, int element, int count, ulong value) => Values.Add((request, element, count, value));

    public void OnString(int request, int element, int count, ReadOnlySpan<byte> utf8) => Values.Add((request, element, count, Encoding.UTF8.GetString(utf8)));

    public void OnBool(int request, int element, int count, bool value) => Values.Add((request, element, count, value));

    public void OnBytes(int request, int element, int count, ReadOnlySpan<byte> value) => Values.Add((request, element, count, value.ToArray()));
}
