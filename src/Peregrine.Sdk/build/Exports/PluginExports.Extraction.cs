// The plugin_* functions of the extraction capability (see PluginExports.Common.cs).
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Peregrine.Plugins.Abi;
using Peregrine.Sdk.Export;

namespace Peregrine.Sdk.Generated;

internal static unsafe class PluginExportsExtraction
{
    [UnmanagedCallersOnly(EntryPoint = "plugin_get_fields", CallConvs = [typeof(CallConvCdecl)])]
    public static byte* GetFields() => NativeExports.Static(PeregrinePluginFactory.Create).FieldsJson;

    [UnmanagedCallersOnly(EntryPoint = "plugin_get_extract_event_sources", CallConvs = [typeof(CallConvCdecl)])]
    public static byte* GetExtractEventSources() => NativeExports.Static(PeregrinePluginFactory.Create).ExtractEventSources;

    [UnmanagedCallersOnly(EntryPoint = "plugin_extract_fields", CallConvs = [typeof(CallConvCdecl)])]
    public static SsPluginRc ExtractFields(void* s, SsPluginEventInput* evt, SsPluginFieldExtractInput* input) => NativeExports.ExtractFields(s, evt, input);
}
