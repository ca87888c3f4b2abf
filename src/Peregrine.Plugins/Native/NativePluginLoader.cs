using Peregrine.Plugins.Abi;
using Peregrine.Plugins.Loading;

namespace Peregrine.Plugins.Native;

/// <summary>
/// Loads a plugin shared library and applies libsinsp's checks in libsinsp's order
/// (<c>sinsp_plugin::create</c> / <c>resolve_dylib_symbols</c>), with its messages:
/// dlopen, required API version, required symbols, name/description/contact/version, the
/// required API version string, capabilities, the reserved "syscall" source, the fields JSON,
/// then the extract/parse/async source lists and async event names.
/// </summary>
internal static unsafe class NativePluginLoader
{
    public static NativePluginLibrary Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var handle = LibDl.Open(path, out var dlError);
        if (handle == null)
        {
            throw PluginLoadException.Load(path, PluginLoadStage.OpenLibrary, "can't load plugin dynamic library: " + dlError);
        }

        try
        {
            return Validate(path, handle, NativeSymbolTable.Resolve(handle));
        }
        catch
        {
            LibDl.Close(handle);
            throw;
        }
    }

    private static NativePluginLibrary Validate(string path, void* handle, NativeSymbolTable symbols)
    {
        if (!ApiVersionCheck.TryCheck(symbols, out var abi, out var requiredApiVersion, out var versionError))
        {
            throw PluginLoadException.Load(path, PluginLoadStage.ApiVersion, versionError);
        }

        foreach (var required in NativeSymbolTable.RequiredNames)
        {
            if (!symbols.Has(required))
            {
                throw PluginLoadException.Load(path, PluginLoadStage.RequiredSymbols,
                    $"required symbol not implemented: '{required["plugin_".Length..]}'");
            }
        }

        var name = Call(symbols, PluginSymbolNames.GetName);
        var description = Call(symbols, PluginSymbolNames.GetDescription);
        var contact = Call(symbols, PluginSymbolNames.GetContact);
        var versionText = Call(symbols, PluginSymbolNames.GetVersion);
        if (!PluginVersion.TryParse(versionText, out var version))
        {
            throw PluginLoadException.Load(path, PluginLoadStage.PluginInfo, $"plugin provided an invalid version string: '{versionText}'", name);
        }

        var requiredAgain = Call(symbols, PluginSymbolNames.GetRequiredApiVersion);
        if (!PluginVersion.TryParse(requiredAgain, out _))
        {
            throw PluginLoadException.Load(path, PluginLoadStage.ApiVersion, $"plugin provided an invalid required api version string: '{requiredAgain}'", name);
        }

        PluginCapabilities caps;
        if (abi == PluginAbiVersion.V3)
        {
            caps = CapabilityInference.InferV3(symbols, out var broken);
            if (broken.Length > 0)
            {
                throw PluginLoadException.Load(path, PluginLoadStage.Capabilities, "broken plugin capabilities: " + broken, name);
            }
        }
        else
        {
            caps = CapabilityInference.InferV2(symbols);
        }

        if (caps == PluginCapabilities.None)
        {
            throw PluginLoadException.Load(path, PluginLoadStage.Capabilities, "plugin does not implement any capability", name);
        }

        uint id = 0;
        var eventSource = string.Empty;
        if ((caps & PluginCapabilities.Sourcing) != 0)
        {
            var getId = (delegate* unmanaged[Cdecl]<uint>)symbols[PluginSymbolNames.GetId];
            if (getId != null && symbols.Has(PluginSymbolNames.GetEventSource) && getId() != 0)
            {
                id = getId();
                eventSource = Call(symbols, PluginSymbolNames.GetEventSource);
                if (eventSource == EventSourceName.Syscall.Value)
                {
                    throw PluginLoadException.Load(path, PluginLoadStage.Capabilities,
                        $"plugin can't implement the reserved event source '{eventSource}'", name);
                }
            }
        }

        try
        {
            IReadOnlyList<PluginField> fields = Array.Empty<PluginField>();
            var extractSources = new HashSet<string>(StringComparer.Ordinal);
            var parseSources = new HashSet<string>(StringComparer.Ordinal);
            var asyncSources = new HashSet<string>(StringComparer.Ordinal);
            var asyncEvents = new HashSet<string>(StringComparer.Ordinal);
            if ((caps & PluginCapabilities.Extraction) != 0)
            {
                var getFields = (delegate* unmanaged[Cdecl]<byte*>)symbols[PluginSymbolNames.GetFields];
                var json = getFields();
                fields = FieldsJsonParser.Parse(name, json == null ? null : NativeText.Copy(json), abi);
                extractSources = SourceList(symbols, name, PluginSymbolNames.GetExtractEventSources, caps, eventSource);
            }

            if ((caps & PluginCapabilities.Parsing) != 0)
            {
                parseSources = SourceList(symbols, name, PluginSymbolNames.GetParseEventSources, caps, eventSource);
            }

            if ((caps & PluginCapabilities.Async) != 0)
            {
                asyncSources = SourceList(symbols, name, PluginSymbolNames.GetAsyncEventSources, caps, eventSource);
                asyncEvents = EventSourceListParser.Parse(name, "get_async_events", Call(symbols, PluginSymbolNames.GetAsyncEvents), allowEmpty: false);
            }

            var descriptor = new PluginDescriptor(
                path, abi, name, description, contact, version, versionText, requiredApiVersion, caps, id, eventSource,
                fields, extractSources, parseSources, asyncSources, asyncEvents, InitSchema(symbols));
            return new NativePluginLibrary(path, handle, symbols, descriptor);
        }
        catch (PluginDefinitionException e)
        {
            // libsinsp throws these from inside plugin creation, so Falco shows them without the library prefix.
            throw PluginLoadException.Unprefixed(path, e.Stage, e.Message, name);
        }
    }

    private static HashSet<string> SourceList(NativeSymbolTable symbols, string name, string symbol, PluginCapabilities caps, string eventSource)
    {
        var sources = symbols.Has(symbol)
            ? EventSourceListParser.Parse(name, symbol["plugin_".Length..], Call(symbols, symbol), allowEmpty: true)
            : new HashSet<string>(StringComparer.Ordinal);

        // A sourcing plugin with a specific source always handles its own events.
        if ((caps & PluginCapabilities.Sourcing) != 0 && eventSource.Length > 0)
        {
            sources.Add(eventSource);
        }

        return sources;
    }

    private static PluginInitSchema InitSchema(NativeSymbolTable symbols)
    {
        var getSchema = (delegate* unmanaged[Cdecl]<SsPluginSchemaType*, byte*>)symbols[PluginSymbolNames.GetInitSchema];
        if (getSchema == null)
        {
            return PluginInitSchema.None;
        }

        var type = SsPluginSchemaType.None;
        var text = NativeText.Copy(getSchema(&type));
        return new PluginInitSchema((PluginInitSchemaType)type, text);
    }

    // Every no-argument string getter; the result is copied before any other call.
    private static string Call(NativeSymbolTable symbols, string symbol)
    {
        var function = (delegate* unmanaged[Cdecl]<byte*>)symbols[symbol];
        return function == null ? string.Empty : NativeText.Copy(function());
    }
}
