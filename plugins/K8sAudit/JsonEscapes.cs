namespace Peregrine.Plugins.K8sAudit;

/// <summary>
/// Undoes the escapes of a raw JSON string as upstream's JSON library does, never failing (a lone
/// surrogate escape stays as written). The work is <see cref="Common.JsonEscapes"/>'s, shared with
/// the other bundled plugins.
/// </summary>
internal static class JsonEscapes
{
    /// <inheritdoc cref="Common.JsonEscapes.Unescape"/>
    public static int Unescape(ReadOnlySpan<byte> raw, Span<byte> destination) => Common.JsonEscapes.Unescape(raw, destination);

    /// <inheritdoc cref="Common.JsonEscapes.ToText"/>
    public static string ToText(ReadOnlySpan<byte> raw) => Common.JsonEscapes.ToText(raw);
}
