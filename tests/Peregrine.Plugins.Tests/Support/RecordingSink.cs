using System.Net;
using System.Text;

namespace Peregrine.Plugins.Tests.Support;

/// <summary>Collects every value a plugin hands out, copied, with the element and count it came with.</summary>
internal sealed class RecordingSink : IPluginFieldSink
{
    public List<(int Request, int Element, int Count, object Value)> Values { get; } = [];

    /// <summary>The values of one request, in order.</summary>
    public object[] Of(int request) => Values.Where(v => v.Request == request).Select(v => v.Value).ToArray();

    public object Single(int request) => Assert.Single(Of(request));

    public void Clear() => Values.Clear();

    public void OnUInt64(int request, int element, int count, ulong value) => Values.Add((request, element, count, value));

    public void OnString(int request, int element, int count, ReadOnlySpan<byte> utf8) => Values.Add((request, element, count, Encoding.UTF8.GetString(utf8)));

    public void OnBool(int request, int element, int count, bool value) => Values.Add((request, element, count, value));

    public void OnBytes(int request, int element, int count, ReadOnlySpan<byte> value) =>
        Values.Add((request, element, count, value.Length is 4 or 16 ? new IPAddress(value).ToString() : Convert.ToHexString(value)));
}
