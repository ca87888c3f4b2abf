namespace Peregrine.Engine.Configuration.Tree;

/// <summary>
/// Applies one <c>-o key=value</c> option to the configuration tree, as Falco 0.44 does:
/// <list type="bullet">
/// <item>the option splits at its first <c>=</c>;</item>
/// <item>a value that starts with <c>{</c> and ends with <c>}</c> is parsed as YAML (so a JSON
/// object works); any other value, <c>[a, b]</c> included, is set as one string scalar;</item>
/// <item>the key is a dotted path (<see cref="OverridePath"/>); missing mappings and sequences
/// on the way are created, <c>[i]</c> selects an item, and <c>[]</c> or <c>[count]</c> appends one.</item>
/// </list>
/// Where Falco silently turns a sequence into a mapping (a key or an out-of-range index used
/// on a sequence, an index used on a mapping), Peregrine reports an error instead.
/// </summary>
internal static class CommandLineOverride
{
    /// <exception cref="ConfigLoadException">Malformed option, or a path that cannot be applied.</exception>
    public static void Apply(ConfigMapping root, string option)
    {
        var location = ConfigLocation.CommandLine(option);
        var equals = option.IndexOf('=');
        if (equals <= 0)
            throw new ConfigLoadException(ConfigDiagnosticCode.InvalidOverride, "",
                $"Error parsing config option \"{option}\". Must be of the form key=val or key.subkey=val", location);
        var key = option[..equals];
        var text = option[(equals + 1)..];

        ConfigNode value;
        if (text.Length > 0 && text[0] == '{' && text[^1] == '}')
        {
            try
            {
                value = ConfigDocumentReader.Read(text, location.Source, location) ?? new ConfigScalar(location, "", isNull: true);
            }
            catch (ConfigLoadException e)
            {
                throw new ConfigLoadException(ConfigDiagnosticCode.InvalidOverride, "",
                    $"Error parsing config option \"{option}\": {e.Message}", location);
            }
        }
        else
        {
            value = new ConfigScalar(location, text);
        }

        var steps = OverridePath.Parse(key, location);
        ConfigNode container = root;
        for (var i = 0; i < steps.Count; i++)
        {
            var last = i == steps.Count - 1;
            var next = last ? null : NewContainer(steps[i + 1], location);
            container = Step(container, steps[i], last ? value : next!, last, key, location);
        }
    }

    private static ConfigNode NewContainer(OverrideStep next, ConfigLocation location) =>
        next.IsIndex ? new ConfigSequence(location, []) : new ConfigMapping(location, []);

    /// <summary>
    /// Moves one step down from <paramref name="container"/>. A missing or null child becomes
    /// <paramref name="replacement"/>; at the last step the child is always replaced by it.
    /// </summary>
    private static ConfigNode Step(ConfigNode container, OverrideStep step, ConfigNode replacement, bool last, string key, ConfigLocation location)
    {
        if (container is ConfigScalar scalar)
        {
            // yaml-cpp's BadSubscript, with the scalar's position when it has one.
            var where = scalar.Location is { IsCommandLine: false, Line: > 0 } l ? $"yaml-cpp: error at line {l.Line}, column {l.Column}: " : "";
            throw OverridePath.Error(key, $"{where}operator[] call on a scalar (key: \"{step.Text}\")", location);
        }

        if (!step.IsIndex)
        {
            if (container is not ConfigMapping mapping)
                throw OverridePath.Error(key, $"'{step.Text}' is a key, but the value at this point is a sequence (use an index such as [0])", location);
            var entry = mapping.Find(step.Text);
            if (entry is null)
            {
                mapping.Entries.Add(new ConfigEntry(step.Text, location, replacement));
                return replacement;
            }
            if (last || entry.Value is ConfigScalar { IsNull: true }) entry.Value = replacement;
            return entry.Value;
        }

        if (container is not ConfigSequence sequence)
        {
            if (step.Text.Length == 0)
                throw OverridePath.Error(key, "Parsing error: expected a numeric index, found ''", location);
            if (!OverridePath.ParseIndex(step.Text, out _))
                throw OverridePath.Error(key, $"Parsing error: expected a numeric index, found '{step.Text}'", location);
            throw OverridePath.Error(key, $"[{step.Text}] is an index, but the value at this point is a mapping", location);
        }

        int index;
        if (step.Text.Length == 0) index = sequence.Items.Count;
        else if (!OverridePath.ParseIndex(step.Text, out index))
            throw OverridePath.Error(key, $"Parsing error: expected a numeric index, found '{step.Text}'", location);
        if (index < 0 || index > sequence.Items.Count)
            throw OverridePath.Error(key,
                $"index {index} is out of range: the sequence has {sequence.Items.Count} item(s) (use [{sequence.Items.Count}] or [] to append)", location);
        if (index == sequence.Items.Count)
        {
            sequence.Items.Add(replacement);
            return replacement;
        }
        if (last || sequence.Items[index] is ConfigScalar { IsNull: true }) sequence.Items[index] = replacement;
        return sequence.Items[index];
    }
}
