using System.Text.Json;
using Peregrine.Plugins.Common;

namespace Peregrine.Plugins.K8sAudit.Extraction;

/// <summary>The per-container shapes: values that must all be there, image repositories, joined command lines, host ports and effective ids.</summary>
internal sealed partial class AuditFieldExtractor
{
    private void StrictValues(JsonElement root, string[] path, int index, bool repositories)
    {
        if (!JsonWalk.Collect(root, index, path, _found) || _found.Exists(f => f is null))
        {
            return;
        }

        for (var i = 0; i < _found.Count; i++)
        {
            _values.Add(_found[i]!.Value);
            if (repositories)
            {
                CutToRepository(i);
            }
        }
    }

    /// <summary>An image without its tag or digest: the text before the first ':', then before the first '@'.</summary>
    private void CutToRepository(int index)
    {
        var image = _values[index];
        var colon = image.IndexOf((byte)':');
        if (colon >= 0)
        {
            image = image[..colon];
        }

        var at = image.IndexOf((byte)'@');
        _values.Truncate(index, at >= 0 ? at : image.Length);
    }

    private void JoinedStrings(JsonElement root, string[] path, int index)
    {
        if (!JsonWalk.Collect(root, index, path, _found))
        {
            return;
        }

        foreach (var found in _found)
        {
            if (found is not { } parts)
            {
                continue;
            }

            // Anything but an array of strings makes the whole field unreadable, as upstream.
            if (parts.ValueKind != JsonValueKind.Array)
            {
                _values.Clear();
                return;
            }

            var start = _values.BeginValue();
            var separator = false;
            foreach (var part in parts.EnumerateArray())
            {
                if (part.ValueKind != JsonValueKind.String)
                {
                    _values.Clear();
                    return;
                }

                if (separator)
                {
                    _values.Append(" "u8);
                }

                _values.AppendText(part);
                separator = true;
            }

            _values.EndValue(start);
        }
    }

    private void HostPorts(JsonElement root, string[] path, int index)
    {
        if (!JsonWalk.Collect(root, index, path, _found))
        {
            return;
        }

        foreach (var found in _found)
        {
            if (found is not { } ports)
            {
                continue;
            }

            if (ports.ValueKind != JsonValueKind.Array)
            {
                _values.Clear();
                return;
            }

            foreach (var port in ports.EnumerateArray())
            {
                if (port.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                // With hostNetwork the containerPort is the port on the host.
                if (JsonMembers.TryGetFirst(port, "hostPort"u8, out var hostPort))
                {
                    _values.Add(hostPort);
                }
                else if (JsonMembers.TryGetFirst(port, "containerPort"u8, out var containerPort))
                {
                    _values.Add(containerPort);
                }
            }
        }
    }

    private void EffectiveIds(JsonElement root, string[] path, string podKey, int index)
    {
        if (!JsonWalk.Collect(root, index, path, _found))
        {
            return;
        }

        // The pod's value is written once, then copied for each container that has none.
        var podStart = _values.BeginValue();
        if (JsonWalk.TryGet(root, ["requestObject", "spec", podKey], out var podValue))
        {
            _values.AppendText(podValue);
        }
        else
        {
            _values.Append(Zero);
        }

        var podLength = _values.BeginValue() - podStart;
        foreach (var found in _found)
        {
            if (found is { } own)
            {
                _values.Add(own);
            }
            else
            {
                _values.AddRange(podStart, podLength);
            }
        }
    }
}
