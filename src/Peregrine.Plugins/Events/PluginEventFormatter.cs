using System.Globalization;
using System.Text;

namespace Peregrine.Plugins.Events;

/// <summary>
/// libsinsp's rendering of a plugin event for <c>evt.plugininfo</c> when the plugin gives none:
/// <c>datalen=&lt;n&gt; data=&lt;up to 50 bytes&gt;</c>, with <c>...</c> when longer, or
/// <c>data=&lt;binary&gt;</c> when one of those bytes is not printable ASCII.
/// </summary>
internal static class PluginEventFormatter
{
    private const int ShownBytes = 50;

    public static string Fallback(ReadOnlySpan<byte> payload)
    {
        var builder = new StringBuilder("datalen=");
        builder.Append(payload.Length.ToString(CultureInfo.InvariantCulture)).Append(" data=");
        var shown = payload[..Math.Min(payload.Length, ShownBytes)];
        foreach (var b in shown)
        {
            if (b is < 0x20 or > 0x7e)
            {
                return builder.Append("<binary>").ToString();
            }
        }

        builder.Append(Encoding.ASCII.GetString(shown));
        if (payload.Length > ShownBytes)
        {
            builder.Append("...");
        }

        return builder.ToString();
    }
}
