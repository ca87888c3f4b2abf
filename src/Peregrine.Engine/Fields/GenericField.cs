namespace Peregrine.Engine.Fields;

/// <summary>
/// The built-in <c>evt.*</c> fields every plugin event source gets ahead of its plugins' fields
/// (libsinsp's generic event filtercheck), in libsinsp's order. The value is the field's identity
/// in a catalog entry's owner.
/// </summary>
public enum GenericField
{
    Number,
    Time,
    TimeSeconds,
    TimeIso8601,
    DateTime,
    DateTimeSeconds,
    RawTime,
    RawTimeSeconds,
    RawTimeNanoseconds,
    RelTime,
    RelTimeSeconds,
    RelTimeNanoseconds,
    PluginName,
    PluginInfo,
    Source,
    IsAsync,
    AsyncType,
    Hostname,
}
