using Peregrine.Engine.Configuration.Tree;

namespace Peregrine.Engine.Configuration.Binding;

/// <summary>
/// Walks the merged configuration against <see cref="KnownKeys"/>, as Falco's JSON schema
/// (<c>additionalProperties: false</c>) does, but with one warning per problem, at the key:
/// unknown keys (with a "did you mean" hint), keys older Falco versions had, duplicate keys,
/// and values of the wrong type under keys Peregrine does not use. Values of supported keys
/// are left to the binder, which reports them as errors.
/// </summary>
internal sealed class KeyChecker(ConfigLoadContext context)
{
    public void Check(ConfigMapping root) => CheckMap(root, KnownKeys.Root, "");

    private void CheckMap(ConfigMapping map, KeySpec spec, string path)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in map.Entries)
        {
            var key = path.Length == 0 ? entry.Key : path + "." + entry.Key;
            if (!seen.Add(entry.Key))
            {
                context.Warning(ConfigDiagnosticCode.DuplicateKey, key,
                    $"duplicate key '{entry.Key}': only the first one is used, as in Falco", entry.KeyLocation);
                continue;
            }
            if (!spec.Properties.TryGetValue(entry.Key, out var child))
            {
                var hint = Suggest(entry.Key, spec.Properties.Keys) is { } near ? $" (did you mean '{near}'?)" : "";
                context.Warning(ConfigDiagnosticCode.UnknownKey, key, $"unknown configuration key{hint}", entry.KeyLocation);
                continue;
            }
            if (child.Support == ConfigKeySupport.Removed)
            {
                context.Warning(ConfigDiagnosticCode.RemovedKey, key,
                    $"Falco 0.44 no longer has this key and ignores it: {child.Note}", entry.KeyLocation);
                continue;
            }
            CheckValue(entry.Value, child, key);
        }
    }

    private void CheckValue(ConfigNode node, KeySpec spec, string path)
    {
        if (node is ConfigScalar { IsNull: true }) return;
        var ignored = spec.Support == ConfigKeySupport.NotApplicable;
        switch (spec.Kind)
        {
            case ValueKind.Map when node is ConfigMapping mapping:
                CheckMap(mapping, spec, path);
                break;
            case ValueKind.List when node is ConfigSequence sequence:
                for (var i = 0; i < sequence.Items.Count; i++) CheckValue(sequence.Items[i], spec.Items!, $"{path}[{i}]");
                break;
            case ValueKind.List when node is ConfigScalar && spec.Items!.Kind != ValueKind.Map:
                CheckValue(node, spec.Items, path);
                break;
            case ValueKind.Any:
                break;
            default:
                if (ignored && Mismatch(node, spec) is { } problem)
                    context.Warning(ConfigDiagnosticCode.InvalidValue, path, problem + " (Peregrine does not use this key)", node.Location);
                break;
        }
    }

    /// <summary>What is wrong with a value under a key Peregrine ignores, or null.</summary>
    private static string? Mismatch(ConfigNode node, KeySpec spec)
    {
        var expected = spec.Kind switch
        {
            ValueKind.Bool => "a boolean",
            ValueKind.Integer => "an integer",
            ValueKind.Number => "a number",
            ValueKind.String => "a string",
            ValueKind.Map => "a mapping",
            _ => "a sequence",
        };
        if (node is not ConfigScalar scalar) return $"expected {expected}, found {node.Describe()}";
        var ok = spec.Kind switch
        {
            ValueKind.Bool => YamlCppScalar.TryBool(scalar.Value, out _),
            ValueKind.Integer => YamlCppScalar.TryInt64(scalar.Value, out _),
            ValueKind.Number => YamlCppScalar.TryDouble(scalar.Value, out _),
            ValueKind.String => true,
            _ => false,
        };
        if (!ok) return $"expected {expected}, found {scalar.Describe()}";
        if (spec.Values is { } values && !values.Contains(scalar.Value))
            return $"{scalar.Describe()} is not one of {string.Join(", ", values)}";
        return null;
    }

    /// <summary>The known key closest to a misspelled one, if it is close enough to be a typo.</summary>
    internal static string? Suggest(string key, IEnumerable<string> known)
    {
        var limit = Math.Clamp(key.Length / 3, 1, 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = Distance(key, candidate);
            if (distance <= limit && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
