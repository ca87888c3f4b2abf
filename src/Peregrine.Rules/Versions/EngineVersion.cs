namespace Peregrine.Rules.Versions;

/// <summary>
/// The rules-engine version Peregrine implements, checked against <c>required_engine_version</c>.
/// 0.62.0 is the engine of Falco 0.44, whose rules-file features (override, exceptions with
/// modifiers, unknown-key warnings...) this loader implements; current upstream files need 0.57.0.
/// </summary>
public static class EngineVersion
{
    public static readonly SemVersion Current = new(0, 62, 0);

    /// <summary>An integer requirement N means <c>0.N.0</c>.</summary>
    public static SemVersion FromInteger(uint minor) => new(Current.Major, minor, Current.Patch);
}
