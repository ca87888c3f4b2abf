// The plugin_* functions of the sourcing capability (see PluginExports.Common.cs).
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Peregrine.Plugins.Abi;
using Peregrine.Sdk.Export;

namespace Peregrine.Sdk.Generated;

internal static unsafe class PluginExportsSourcing
{
    [UnmanagedCallersOnly(EntryPoint = "plugin_get_id", CallConvs = [typeof(CallConvCdecl)])]
    public static uint GetId() => NativeExports.Static(PeregrinePluginFactory.Create).Id;

    [UnmanagedCallersOnly(EntryPoint = "plugin_get_event_source", CallConvs = [typeof(CallConvCdecl)])]
    public static byte* GetEventSource() => NativeExports.Static(PeregrinePluginFactory.Create).EventSource;

    [UnmanagedCallersOnly(EntryPoint = "plugin_open", CallConvs = [typeof(CallConvCdecl)])]
    public static void* Open(void* s, byte* parameters, SsPluginRc* rc) => NativeExports.Open(s, parameters, rc);

    [UnmanagedCallersOnly(EntryPoint = "plugin_close", CallConvs = [typeof(CallConvCdecl)])]
    public static void Close(void* s, void* h) => NativeExports.Close(s, h);

    [UnmanagedCallersOnly(EntryPoint = "plugin_next_batch", CallConvs = [typeof(CallConvCdecl)])]
    public static SsPluginRc NextBatch(void* s, void* h, uint* nevts, SsPluginEvent*** evts) => NativeExports.NextBatch(s, h, nevts, evts);

    [UnmanagedCallersOnly(EntryPoint = "plugin_list_open_params", CallConvs = [typeof(CallConvCdecl)])]
    public static byte* ListOpenParams(void* s, SsPluginRc* rc) => NativeExports.ListOpenParams(s, rc);

    [UnmanagedCallersOnly(EntryPoint = "plugin_get_progress", CallConvs = [typeof(CallConvCdecl)])]
    public static byte* GetProgress(void* s, void* h, uint* progress) => NativeExports.GetProgress(s, h, progress);

    [UnmanagedCallersOnly(EntryPoint = "plugin_event_to_string", CallConvs = [typeof(CallConvCdecl)])]
    public static byte* EventToString(void* s, SsPluginEventInput* evt) => NativeExports.EventToString(s, evt);
}
