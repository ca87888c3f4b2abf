// The plugin_* functions every plugin exports. Compiled into the plugin's assembly by
// Peregrine.Sdk.targets when it is published with NativeAOT; PeregrinePluginFactory is generated there.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Peregrine.Plugins.Abi;
using Peregrine.Sdk.Export;

namespace Peregrine.Sdk.Generated;

internal static unsafe class PluginExportsCommon
{
    private static NativeExports.Statics Statics => NativeExports.Static(PeregrinePluginFactory.Create);

    [UnmanagedCallersOnly(EntryPoint = "plugin_get_required_api_version", CallConvs = [typeof(CallConvCdecl)])]
    public static byte* GetRequiredApiVersion() => Statics.RequiredApiVersion;

    [UnmanagedCallersOnly(EntryPoint = "plugin_get_name", CallConvs = [typeof(CallConvCdecl)])]
    public static byte* GetName() => Statics.Name;

    [UnmanagedCallersOnly(EntryPoint = "plugin_get_description", CallConvs = [typeof(CallConvCdecl)])]
    public static byte* GetDescription() => Statics.Description;

    [UnmanagedCallersOnly(EntryPoint = "plugin_get_contact", CallConvs = [typeof(CallConvCdecl)])]
    public static byte* GetContact() => Statics.Contact;

    [UnmanagedCallersOnly(EntryPoint = "plugin_get_version", CallConvs = [typeof(CallConvCdecl)])]
    public static byte* GetVersion() => Statics.Version;

    [UnmanagedCallersOnly(EntryPoint = "plugin_get_init_schema", CallConvs = [typeof(CallConvCdecl)])]
    public static byte* GetInitSchema(SsPluginSchemaType* type)
    {
        *type = Statics.InitSchemaType;
        return Statics.InitSchema;
    }

    [UnmanagedCallersOnly(EntryPoint = "plugin_init", CallConvs = [typeof(CallConvCdecl)])]
    public static void* Init(SsPluginInitInput* input, SsPluginRc* rc) => NativeExports.Init(PeregrinePluginFactory.Create, input, rc);

    [UnmanagedCallersOnly(EntryPoint = "plugin_destroy", CallConvs = [typeof(CallConvCdecl)])]
    public static void Destroy(void* s) => NativeExports.Destroy(s);

    [UnmanagedCallersOnly(EntryPoint = "plugin_get_last_error", CallConvs = [typeof(CallConvCdecl)])]
    public static byte* GetLastError(void* s) => NativeExports.GetLastError(s);
}
