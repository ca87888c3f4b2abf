using System.Runtime.InteropServices;
using Peregrine.Plugins.Abi;

namespace Peregrine.Sdk.Export;

/// <summary>Sends a plugin's log messages to the C host's <c>log_fn</c>, with its owner.</summary>
internal sealed unsafe class NativeLogger(void* owner, delegate* unmanaged[Cdecl]<void*, byte*, byte*, SsPluginLogSeverity, void> log) : IPluginLogger
{
    public void Log(PluginLogSeverity severity, string component, string message)
    {
        var c = (byte*)Marshal.StringToCoTaskMemUTF8(component);
        var m = (byte*)Marshal.StringToCoTaskMemUTF8(message);
        try
        {
            log(owner, c, m, (SsPluginLogSeverity)severity);
        }
        finally
        {
            Marshal.FreeCoTaskMem((IntPtr)c);
            Marshal.FreeCoTaskMem((IntPtr)m);
        }
    }
}
