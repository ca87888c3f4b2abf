using System.Runtime.InteropServices;
using Peregrine.Plugins.Abi;

namespace Peregrine.Plugins.Native;

/// <summary>
/// Hands the values of one extraction result to a sink, reading the result union the way libsinsp
/// does for each declared field type (uint64/reltime/abstime as u64, string as NUL-terminated
/// text, bool as 4-byte <c>ss_plugin_bool</c>, ipaddr/ipnet as byte buffers).
/// </summary>
internal static unsafe class ExtractedValues
{
    public static void Deliver(IPluginFieldSink sink, int request, PluginFieldType type, SsPluginExtractResult result, ulong resultLength)
    {
        var count = (int)Math.Min(resultLength, int.MaxValue);
        switch (type)
        {
            case PluginFieldType.UInt64:
            case PluginFieldType.RelTime:
            case PluginFieldType.AbsTime:
                for (var k = 0; k < count; k++)
                {
                    sink.OnUInt64(request, k, count, result.U64[k]);
                }

                break;
            case PluginFieldType.String:
                for (var k = 0; k < count; k++)
                {
                    var text = result.Str[k];
                    sink.OnString(request, k, count, text == null ? default : MemoryMarshal.CreateReadOnlySpanFromNullTerminated(text));
                }

                break;
            case PluginFieldType.Bool:
                for (var k = 0; k < count; k++)
                {
                    sink.OnBool(request, k, count, result.Boolean[k] != 0);
                }

                break;
            case PluginFieldType.IpAddr:
            case PluginFieldType.IpNet:
                for (var k = 0; k < count; k++)
                {
                    var buffer = result.Buf[k];
                    sink.OnBytes(request, k, count, buffer.Ptr == null ? default : new ReadOnlySpan<byte>(buffer.Ptr, (int)buffer.Len));
                }

                break;
        }
    }
}
