namespace Peregrine.Engine.Configuration.Binding;

/// <summary>What a key's value may be, as far as the key checker looks at it.</summary>
internal enum ValueKind
{
    /// <summary>Anything (free-form values such as <c>init_config</c>, or removed keys).</summary>
    Any,
    Bool,
    Integer,
    Number,
    String,
    /// <summary>A mapping whose keys are listed in <see cref="KeySpec.Properties"/>.</summary>
    Map,
    /// <summary>A sequence (or, as Falco's get_sequence allows, a single scalar) of <see cref="KeySpec.Items"/>.</summary>
    List,
}

/// <summary>One entry of the catalog of known keys (<see cref="KnownKeys"/>).</summary>
internal sealed class KeySpec(ConfigKeySupport support, ValueKind kind)
{
    public ConfigKeySupport Support { get; } = support;

    public ValueKind Kind { get; } = kind;

    public IReadOnlyDictionary<string, KeySpec> Properties { get; init; } = new Dictionary<string, KeySpec>();

    public KeySpec? Items { get; init; }

    /// <summary>The allowed values of a string, when they are a closed set.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>For removed keys: what replaced them.</summary>
    public string? Note { get; init; }
}
