using System.Buffers;
using System.Text.Json;

namespace Peregrine.Plugins.K8sAudit;

/// <summary>
/// How an audit event, or a JSON-valued field, is written back out as JSON text: as upstream's JSON
/// library re-encodes a value, with the whitespace between tokens dropped and every other byte kept
/// as written (strings keep their escapes). The work is <see cref="Common.CompactJson"/>'s, shared
/// with the other bundled plugins.
/// </summary>
/// <remarks>
/// Not reproduced: upstream re-encodes a string it has looked at (the event's <c>kind</c> and
/// <c>stageTimestamp</c> values, and all the event's member names when one had to be matched
/// through its escapes) from its unescaped text. Kubernetes never escapes those, so only a crafted
/// event could tell the difference.
/// </remarks>
internal static class CompactJson
{
    public static void Write(JsonElement value, IBufferWriter<byte> output) => Common.CompactJson.Write(value, output);
}
