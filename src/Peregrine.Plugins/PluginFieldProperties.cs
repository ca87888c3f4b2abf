namespace Peregrine.Plugins;

/// <summary>The recognised strings of a field's <c>properties</c> array. Other strings are ignored.</summary>
[Flags]
public enum PluginFieldProperties
{
    /// <summary>No property.</summary>
    None = 0,

    /// <summary><c>hidden</c>: left out of field listings.</summary>
    Hidden = 1 << 0,

    /// <summary><c>info</c>: a hint for Wireshark-style tools.</summary>
    Info = 1 << 1,

    /// <summary><c>conversation</c>: a hint for Wireshark-style tools.</summary>
    Conversation = 1 << 2,
}
