using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Peregrine.Plugins.Abi;

namespace Peregrine.Plugins.Native;

/// <summary>
/// The owner functions the host hands to plugins: <c>get_owner_last_error</c> and <c>log_fn</c>.
/// They are called from native code, possibly from plugin threads, so they never let an
/// exception escape (that would abort the process).
/// </summary>
internal static unsafe class OwnerCallbacks
{
    public static delegate* unmanaged[Cdecl]<void*, byte*> GetOwnerLastErrorFunction => &GetOwnerLastError;

    public static delegate* unmanaged[Cdecl]<void*, byte*, byte*, SsPluginLogSeverity, void> LogFunction => &Log;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static byte* GetOwnerLastError(void* owner)
    {
        try
        {
            var target = PluginOwner.FromPointer(owner);
            return target is null ? null : target.LastError;
        }
        catch (Exception)
        {
            return null;
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Log(void* owner, byte* component, byte* message, SsPluginLogSeverity severity)
    {
        try
        {
            var target = PluginOwner.FromPointer(owner);
            var logger = target?.Logger;
            if (logger is null)
            {
                return;
            }

            var name = component == null ? target!.PluginName : NativeText.Copy(component);
            logger.Log((PluginLogSeverity)severity, name, NativeText.Copy(message));
        }
        catch (Exception)
        {
            // A logger failure must not unwind into the plugin.
        }
    }
}
