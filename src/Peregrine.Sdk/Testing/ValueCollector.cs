using System.Net;
using System.Text;

namespace Peregrine.Sdk.Testing;

/// <summary>Collects the values of one extraction request as plain objects, for assertions.</summary>
internal sealed class ValueCollector(PluginFieldType type) : IPluginFieldSink
{
    public List<object> Values { get; } = [];

    public void OnUInt64(int request, int element, int count, ulong value) => Values.Add(value);

    public void OnString(int request, int element, int count, ReadOnlySpan<byte> utf8) => Values.Add(Encoding.UTF8.GetString(utf8));

    public void OnBool(int request, int element, int count, bool value) => Values.Add(value);

    public void OnBytes(int request, int element, int count, ReadOnlySpan<byte> value) =>
        Values.Add(type is PluginFieldType.IpAddr or PluginFieldType.IpNet ? new IPAddress(value) : value.ToArray());
}
