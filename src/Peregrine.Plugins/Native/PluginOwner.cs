using System.Runtime.InteropServices;
using System.Text;

namespace Peregrine.Plugins.Native;

/// <summary>
/// The host object a plugin sees as its <c>ss_plugin_owner_t*</c>: a GC handle to this object,
/// stable for the plugin's lifetime. It carries the owner's last error (returned by
/// <c>get_owner_last_error</c>) and the logger.
/// </summary>
internal sealed unsafe class PluginOwner : IDisposable
{
    // The owner whose plugin is being called on this thread. Table stubs receive only a table
    // handle, not the owner, and use it to report their error to the right plugin.
    [ThreadStatic]
    private static PluginOwner? t_current;

    private readonly Lock _errorGate = new();
    private GCHandle _handle;
    private byte* _lastError;

    public PluginOwner(string pluginName, IPluginLogger? logger)
    {
        PluginName = pluginName;
        Logger = logger;
        _handle = GCHandle.Alloc(this);
    }

    /// <summary>The owner currently calling into a plugin on this thread, if any.</summary>
    public static PluginOwner? Current => t_current;

    public string PluginName { get; }

    public IPluginLogger? Logger { get; }

    /// <summary>The value passed to plugins as the owner pointer.</summary>
    public void* Pointer => (void*)GCHandle.ToIntPtr(_handle);

    /// <summary>
    /// The last error as a C string, or NULL when none. It stays valid until the next
    /// <see cref="SetLastError"/>, as the ABI requires.
    /// </summary>
    public byte* LastError => _lastError;

    public static PluginOwner? FromPointer(void* owner) =>
        owner == null ? null : GCHandle.FromIntPtr((nint)owner).Target as PluginOwner;

    /// <summary>Marks this owner as the one calling into its plugin on this thread; returns the previous one.</summary>
    public PluginOwner? Enter()
    {
        var previous = t_current;
        t_current = this;
        return previous;
    }

    /// <summary>Restores the owner returned by <see cref="Enter"/>.</summary>
    public static void Leave(PluginOwner? previous) => t_current = previous;

    public void SetLastError(string message)
    {
        var length = Encoding.UTF8.GetByteCount(message);
        var copy = (byte*)NativeMemory.Alloc((nuint)length + 1);
        Encoding.UTF8.GetBytes(message, new Span<byte>(copy, length));
        copy[length] = 0;
        lock (_errorGate)
        {
            NativeMemory.Free(_lastError);
            _lastError = copy;
        }
    }

    public void Dispose()
    {
        lock (_errorGate)
        {
            NativeMemory.Free(_lastError);
            _lastError = null;
        }

        if (_handle.IsAllocated)
        {
            _handle.Free();
        }
    }
}
