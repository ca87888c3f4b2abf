using System.Net;
using System.Text;

namespace Peregrine.Sdk.Testing;

/// <summary>
/// Collects the values of one extraction call as plain objects, one list per request, so that
/// they can be compared after the plugin's borrowed memory is gone.
/// </summary>
internal sealed class ValueCollector : IPluginFieldSink
{
    private readonly PluginFieldType[] _types;
    private readonly List<object>[] _values;

    /// <summary>A collector for <paramref name="requests"/>, whose field types tell how to box address bytes.</summary>
    public ValueCollector(PluginDescriptor descriptor, ReadOnlySpan<PluginFieldRequest> requests)
    {
        _types = new PluginFieldType[requests.Length];
        _values = new List<object>[requests.Length];
        for (var i = 0; i < requests.Length; i++)
        {
            _types[i] = descriptor.Fields[requests[i].FieldIndex].Type;
            _values[i] = [];
        }
    }

    /// <summary>The values of each request, in request order (an empty list when a field has none).</summary>
    public IReadOnlyList<object>[] Values => _values;

    public void OnUInt64(int request, int element, int count, ulong value) => _values[request].Add(value);

    public void OnString(int request, int element, int count, ReadOnlySpan<byte> utf8) => _values[request].Add(Encoding.UTF8.GetString(utf8));

    public void OnBool(int request, int element, int count, bool value) => _values[request].Add(value);

    public void OnBytes(int request, int element, int count, ReadOnlySpan<byte> value) =>
        _values[request].Add(_types[request] is PluginFieldType.IpAddr or PluginFieldType.IpNet ? new IPAddress(value) : value.ToArray());
}
