namespace Peregrine.Plugins;

/// <summary>
/// One suggested open parameter from <c>plugin_list_open_params</c>. The list is informational:
/// a plugin may accept other strings.
/// </summary>
/// <param name="Value">The parameter string.</param>
/// <param name="Description">Its description (may be empty).</param>
/// <param name="Separator">When not empty, <paramref name="Value"/> is several parameters joined by it.</param>
public sealed record PluginOpenParam(string Value, string Description, string Separator);
