using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Peregrine.Plugins.Abi;
using Peregrine.Plugins.Loading;
using Peregrine.Plugins.Native;

namespace Peregrine.Plugins.Managed;

/// <summary>
/// Loads a plugin written in C# from its assembly and applies the native loader's checks, in the
/// same order and with the same messages, to what the plugin describes: required API version,
/// plugin version, capabilities, the reserved "syscall" source, the fields JSON and the extract
/// source list. The init schema is checked at initialization, as for native plugins.
/// </summary>
internal static class ManagedPluginLoader
{
    /// <summary>Whether <paramref name="path"/> names a managed assembly rather than a shared library.</summary>
    public static bool IsManagedPath(string path) => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);

    [RequiresUnreferencedCode("Plugin types are found by reflection in an assembly loaded at run time.")]
    public static ManagedPluginLibrary Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        ManagedPluginLoadContext? context = null;
        Type type;
        try
        {
            var fullPath = Path.GetFullPath(path);
            context = new ManagedPluginLoadContext(fullPath);
            type = FindPluginType(context.LoadFromAssemblyPath(fullPath));
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or ArgumentException
            or NotSupportedException or ReflectionTypeLoadException or InvalidOperationException)
        {
            context?.Unload();
            throw PluginLoadException.Load(path, PluginLoadStage.OpenLibrary, "can't load plugin dynamic library: " + e.Message);
        }

        try
        {
            return FromType(path, type, context);
        }
        catch
        {
            context.Unload();
            throw;
        }
    }

    /// <summary>Validates the plugin implemented by <paramref name="type"/>, already loaded.</summary>
    public static ManagedPluginLibrary FromType(
        string location,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] Type type,
        ManagedPluginLoadContext? context)
    {
        if (!typeof(IManagedPlugin).IsAssignableFrom(type) || type.IsAbstract || type.GetConstructor(Type.EmptyTypes) is null)
        {
            throw PluginLoadException.Load(location, PluginLoadStage.OpenLibrary,
                $"can't load plugin dynamic library: {type.FullName} is not a concrete {nameof(IManagedPlugin)} with a public parameterless constructor");
        }

        IManagedPlugin Create() => (IManagedPlugin)Activator.CreateInstance(type)!;
        ManagedPluginInfo info;
        try
        {
            using var probe = Create();
            info = probe.Describe();
        }
        catch (Exception e) when (e is not PluginLoadException)
        {
            var inner = e is TargetInvocationException { InnerException: { } cause } ? cause : e;
            throw PluginLoadException.Load(location, PluginLoadStage.PluginInfo, "plugin failed to describe itself: " + inner.Message);
        }

        return new ManagedPluginLibrary(location, Validate(location, info), Create, context);
    }

    private static PluginDescriptor Validate(string path, ManagedPluginInfo info)
    {
        var requiredText = info.RequiredApiVersion ?? string.Empty;
        if (!PluginVersion.TryParse(requiredText, out var required))
        {
            throw PluginLoadException.Load(path, PluginLoadStage.ApiVersion, $"plugin provided an invalid required API version: '{requiredText}'");
        }

        // Managed plugins are driven with 3.x semantics only: a 2.x requirement is a major mismatch.
        if (ApiVersionCheck.Incompatibility(ApiVersionCheck.Current, required) is { } reason)
        {
            throw PluginLoadException.Load(path, PluginLoadStage.ApiVersion,
                $"plugin required API version '{requiredText}' not compatible with the framework's API version '{ApiVersionCheck.Current}': {reason}");
        }

        var name = info.Name ?? string.Empty;
        var versionText = info.Version ?? string.Empty;
        if (!PluginVersion.TryParse(versionText, out var version))
        {
            throw PluginLoadException.Load(path, PluginLoadStage.PluginInfo, $"plugin provided an invalid version string: '{versionText}'", name);
        }

        // Only the two capabilities this host drives can be implemented in C#.
        var caps = info.Capabilities & (PluginCapabilities.Sourcing | PluginCapabilities.Extraction);
        if (caps == PluginCapabilities.None)
        {
            throw PluginLoadException.Load(path, PluginLoadStage.Capabilities, "plugin does not implement any capability", name);
        }

        uint id = 0;
        var eventSource = string.Empty;
        if ((caps & PluginCapabilities.Sourcing) != 0 && info.Id != 0)
        {
            id = info.Id;
            eventSource = info.EventSource ?? string.Empty;
            if (eventSource == EventSourceName.Syscall.Value)
            {
                throw PluginLoadException.Load(path, PluginLoadStage.Capabilities,
                    $"plugin can't implement the reserved event source '{eventSource}'", name);
            }
        }

        try
        {
            IReadOnlyList<PluginField> fields = Array.Empty<PluginField>();
            var extractSources = new HashSet<string>(StringComparer.Ordinal);
            if ((caps & PluginCapabilities.Extraction) != 0)
            {
                fields = FieldsJsonParser.Parse(name, info.FieldsJson, PluginAbiVersion.V3);
                extractSources = EventSourceListParser.Parse(name, "get_extract_event_sources", info.ExtractEventSourcesJson, allowEmpty: true);
                if ((caps & PluginCapabilities.Sourcing) != 0 && eventSource.Length > 0)
                {
                    extractSources.Add(eventSource);
                }
            }

            var empty = new HashSet<string>(StringComparer.Ordinal);
            return new PluginDescriptor(
                path, PluginAbiVersion.V3, name, info.Description ?? string.Empty, info.Contact ?? string.Empty, version, versionText,
                requiredText, caps, id, eventSource, fields, extractSources, empty, empty, empty, info.InitSchema ?? PluginInitSchema.None);
        }
        catch (PluginDefinitionException e)
        {
            throw PluginLoadException.Unprefixed(path, e.Stage, e.Message, name);
        }
    }

    [RequiresUnreferencedCode("Plugin types are found by reflection.")]
    private static Type FindPluginType(Assembly assembly)
    {
        var candidates = assembly.GetExportedTypes()
            .Where(t => typeof(IManagedPlugin).IsAssignableFrom(t) && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null)
            .ToArray();
        return candidates.Length switch
        {
            1 => candidates[0],
            0 => throw new InvalidOperationException($"{assembly.GetName().Name} has no public plugin type (a concrete class implementing {nameof(IManagedPlugin)}, e.g. derived from Peregrine.Sdk.Plugin)"),
            _ => throw new InvalidOperationException($"{assembly.GetName().Name} has several plugin types: {string.Join(", ", candidates.Select(t => t.FullName))}"),
        };
    }
}
