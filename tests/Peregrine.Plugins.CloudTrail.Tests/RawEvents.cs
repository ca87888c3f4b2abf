using System.Buffers.Binary;
using System.Text;
using Peregrine.Plugins.Abi;
using Peregrine.Sdk.Testing;

namespace Peregrine.Plugins.CloudTrail.Tests;

/// <summary>
/// Builds plugin events (libscap layout) around any payload, including ones the plugin would
/// never produce itself, and extracts fields from them through the host's extraction call.
/// </summary>
internal sealed class RawEvents(PluginTestHost host)
{
    private ulong _number;

    /// <summary>The values of <paramref name="field"/>, or null when the extraction fails.</summary>
    public IReadOnlyList<object>? Extract(string payload, string field) => Extract(Encoding.UTF8.GetBytes(payload), ++_number, [field]);

    public unsafe IReadOnlyList<object>? Extract(byte[] payload, ulong number, string[] fields, IPluginFieldSink? sink = null)
    {
        var bytes = Build(payload);
        var collector = new Collector();
        fixed (byte* pointer = bytes)
        {
            var evt = new PluginEvent(pointer, number, EventSourceName.Get("aws_cloudtrail"));
            return host.Plugin.Extract(evt, Requests(fields), sink ?? collector) ? collector.Values : null;
        }
    }

    public PluginFieldRequest[] Requests(params string[] fields)
    {
        var requests = new PluginFieldRequest[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            var field = fields[i];
            var bracket = field.IndexOf('[', StringComparison.Ordinal);
            var definition = host.Descriptor.FindField(bracket < 0 ? field : field[..bracket])!;
            var argument = PluginFieldArgument.None;
            if (bracket >= 0)
            {
                Assert.True(PluginFieldArgument.TryCreate(definition, field[(bracket + 1)..^1], out argument, out var error), error);
            }

            requests[i] = new PluginFieldRequest(definition.Index, argument);
        }

        return requests;
    }

    public static byte[] Build(byte[] payload, ulong timestamp = 1)
    {
        var bytes = new byte[PluginEventLayout.PayloadOffset + payload.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, timestamp);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(8), PluginEventLayout.NoThread);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(16), (uint)bytes.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(20), PluginEventLayout.PluginEventType);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(22), PluginEventLayout.PluginEventParameterCount);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(PluginEventLayout.PluginIdLengthOffset), sizeof(uint));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(PluginEventLayout.PayloadLengthOffset), (uint)payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(PluginEventLayout.PluginIdOffset), 2u);
        payload.CopyTo(bytes.AsSpan(PluginEventLayout.PayloadOffset));
        return bytes;
    }

    private sealed class Collector : IPluginFieldSink
    {
        public List<object> Values { get; } = [];

        public void OnUInt64(int request, int element, int count, ulong value) => Values.Add(value);

        public void OnString(int request, int element, int count, ReadOnlySpan<byte> utf8) => Values.Add(Encoding.UTF8.GetString(utf8));

        public void OnBool(int request, int element, int count, bool value) => Values.Add(value);

        public void OnBytes(int request, int element, int count, ReadOnlySpan<byte> value) => Values.Add(value.ToArray());
    }
}
