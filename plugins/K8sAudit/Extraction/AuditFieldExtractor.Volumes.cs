using System.Runtime.InteropServices;
using System.Text.Json;
using Peregrine.Sdk;

namespace Peregrine.Plugins.K8sAudit.Extraction;

/// <summary>The pod volume shapes: volume types and the deprecated host path match.</summary>
internal sealed partial class AuditFieldExtractor
{
    private void VolumeTypes(JsonElement root, string[] path, int index)
    {
        if (!JsonWalk.Collect(root, index, path, _found))
        {
            return;
        }

        foreach (var found in _found)
        {
            if (found is not { ValueKind: JsonValueKind.Object } volume)
            {
                continue;
            }

            foreach (var property in volume.EnumerateObject())
            {
                if (property.NameEquals("name"u8))
                {
                    continue;
                }

                var start = _values.BeginValue();
                _values.AppendUnescaped(JsonMarshal.GetRawUtf8PropertyName(property));
                _values.EndValue(start);
            }
        }
    }

    private void HostPathMatch(JsonElement root, string[] path, in FieldRequest request)
    {
        var wanted = request.Key ?? string.Empty;
        if (!JsonWalk.Collect(root, IndexFilter(request), path, _found))
        {
            return;
        }

        AddAllPresent();
        _scratch.Clear();
        _scratch.AppendUtf8Of(wanted);
        var whole = _scratch.Written(0);
        var prefix = wanted.EndsWith('*') ? whole[..^1] : default;
        var matched = false;
        for (var i = 0; i < _values.Count && !matched; i++)
        {
            matched = (wanted.EndsWith('*') && _values[i].StartsWith(prefix)) || _values[i].SequenceEqual(whole);
        }

        _values.Clear();
        _values.Add(matched ? True : False);
    }
}
