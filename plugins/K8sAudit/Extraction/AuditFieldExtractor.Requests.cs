using System.Text.Json;
using Peregrine.Plugins.Common;

namespace Peregrine.Plugins.K8sAudit.Extraction;

/// <summary>The shapes about the request itself: URI query parameters, the target pod and binding subjects.</summary>
internal sealed partial class AuditFieldExtractor
{
    private void UriParameter(JsonElement root, string[] path, string? key)
    {
        if (key is null || !JsonWalk.TryGet(root, path, out var uri))
        {
            return;
        }

        // The URI's text and the key are read from the scratch buffer while the value is written to the values.
        _scratch.Clear();
        _scratch.AppendText(uri);
        var keyStart = _scratch.BeginValue();
        _scratch.AppendUtf8Of(key);
        UriQuery.TryAddFirst(_scratch.Written(0)[..keyStart], _scratch.Written(keyStart), _values);
    }

    private void TargetPodName(JsonElement root, string[] path)
    {
        // Anything but a string counts as empty, as upstream reads these two.
        if (!JsonWalk.TryGet(root, ["objectRef", "resource"], out var resource)
            || resource.ValueKind != JsonValueKind.String || !resource.ValueEquals("pods"u8))
        {
            return;
        }

        if (JsonWalk.TryGet(root, ["objectRef", "subresource"], out var subresource)
            && subresource.ValueKind == JsonValueKind.String && !subresource.ValueEquals(""u8))
        {
            return;
        }

        if (JsonWalk.TryGet(root, path, out var name))
        {
            _values.Add(name);
        }
    }

    private void SubjectNames(JsonElement root, string[] path, string kind, bool withNamespace)
    {
        if (!JsonWalk.TryGet(root, path, out var subjects) || subjects.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var subject in subjects.EnumerateArray())
        {
            if (subject.ValueKind != JsonValueKind.Object
                || !JsonMembers.TryGetFirst(subject, "kind"u8, out var subjectKind)
                || !JsonMembers.TryGetFirst(subject, "name"u8, out var name)
                || subjectKind.ValueKind != JsonValueKind.String
                || !subjectKind.ValueEquals(kind))
            {
                continue;
            }

            if (!withNamespace)
            {
                _values.Add(name);
                continue;
            }

            // A service account without a namespace is left out.
            if (JsonMembers.TryGetFirst(subject, "namespace"u8, out var ns))
            {
                var start = _values.BeginValue();
                _values.AppendText(ns);
                _values.Append(":"u8);
                _values.AppendText(name);
                _values.EndValue(start);
            }
        }
    }
}
