using System.Text.Json;
using Peregrine.Plugins.K8sAudit.Fields;
using Peregrine.Sdk;
using Peregrine.Plugins.Common;

namespace Peregrine.Plugins.K8sAudit.Extraction;

/// <summary>
/// Answers one ka.* field from a parsed audit event, with upstream's semantics: a missing value, a
/// value of an unexpected type, or an empty list means the field has no value (upstream's "not
/// available" and "wrong type" both end as no value), never an error that would lose the event's
/// other fields. Strings are their text; other JSON values are compact JSON.
/// </summary>
internal sealed partial class AuditFieldExtractor
{
    private static readonly byte[] True = "true"u8.ToArray();
    private static readonly byte[] False = "false"u8.ToArray();
    private static readonly byte[] Zero = "0"u8.ToArray();

    private readonly ExtractedValues _values = new();
    private readonly List<JsonElement?> _found = [];

    /// <summary>Text a field's values are computed from (a URI, a key in UTF-8), apart from the values themselves.</summary>
    private readonly ExtractedValues _scratch = new();

    public void Extract(JsonElement root, AuditFieldSpec field, in FieldRequest request, ref FieldWriter writer)
    {
        // Only audit events (they all have an auditID) have ka.* values.
        if (root.ValueKind != JsonValueKind.Object || !JsonMembers.TryGetFirst(root, "auditID"u8, out _))
        {
            return;
        }

        _values.Clear();
        _found.Clear();
        Collect(root, field, request);
        _values.WriteTo(ref writer, field.Definition.IsList);
    }

    private void Collect(JsonElement root, AuditFieldSpec field, in FieldRequest request)
    {
        var path = field.Path;
        switch (field.Kind)
        {
            case FieldKind.Text:
                if (JsonWalk.TryGet(root, path, out var value))
                {
                    _values.Add(value);
                }

                break;
            case FieldKind.TextList:
                if (JsonWalk.TryGet(root, path, out var array) && array.ValueKind == JsonValueKind.Array)
                {
                    foreach (var element in array.EnumerateArray())
                    {
                        _values.Add(element);
                    }
                }

                break;
            case FieldKind.UriParameter:
                UriParameter(root, path, request.Key);
                break;
            case FieldKind.TargetPodName:
                TargetPodName(root, path);
                break;
            case FieldKind.SubjectNames:
            case FieldKind.SubjectNamespacedNames:
                SubjectNames(root, path, field.Extra!, field.Kind == FieldKind.SubjectNamespacedNames);
                break;
            case FieldKind.AlwaysTrue:
                _values.Add(True);
                break;
            case FieldKind.FirstValue:
            case FieldKind.FirstRepository:
                if (JsonWalk.Collect(root, 0, path, _found) && _found[0] is { } first)
                {
                    _values.Add(first);
                    if (field.Kind == FieldKind.FirstRepository)
                    {
                        CutToRepository(0);
                    }
                }

                break;
            case FieldKind.AnyTrue:
                if (JsonWalk.Collect(root, JsonWalk.AllElements, path, _found))
                {
                    _values.Add(_found.Exists(f => f?.ValueKind == JsonValueKind.True) ? True : False);
                }

                break;
            case FieldKind.Values:
                if (JsonWalk.Collect(root, IndexFilter(request), path, _found))
                {
                    AddAllPresent();
                }

                break;
            case FieldKind.FlattenedArrays:
                FlattenedArrays(root, path, IndexFilter(request));
                break;
            case FieldKind.StrictValues:
            case FieldKind.Repositories:
                StrictValues(root, path, IndexFilter(request), field.Kind == FieldKind.Repositories);
                break;
            case FieldKind.JoinedStrings:
                JoinedStrings(root, path, IndexFilter(request));
                break;
            case FieldKind.HostPorts:
                HostPorts(root, path, IndexFilter(request));
                break;
            case FieldKind.EffectiveIds:
                EffectiveIds(root, path, field.Extra!, IndexFilter(request));
                break;
            case FieldKind.VolumeTypes:
                VolumeTypes(root, path, IndexFilter(request));
                break;
            case FieldKind.HostPathMatch:
                HostPathMatch(root, path, request);
                break;
        }
    }

    /// <summary>
    /// The array index to restrict to. As upstream, any argument selects: a key argument (only
    /// ka.req.volume.hostpath has one) counts as index 0.
    /// </summary>
    private static int IndexFilter(in FieldRequest request)
    {
        if (!request.HasArgument)
        {
            return JsonWalk.AllElements;
        }

        return request.ArgumentIndex is { } index ? (int)Math.Min(index, int.MaxValue) : 0;
    }

    private void AddAllPresent()
    {
        foreach (var found in _found)
        {
            if (found is { } value)
            {
                _values.Add(value);
            }
        }
    }

    private void FlattenedArrays(JsonElement root, string[] path, int index)
    {
        if (!JsonWalk.Collect(root, index, path, _found))
        {
            return;
        }

        foreach (var found in _found)
        {
            if (found is { ValueKind: JsonValueKind.Array } array)
            {
                foreach (var element in array.EnumerateArray())
                {
                    _values.Add(element);
                }
            }
        }
    }
}
