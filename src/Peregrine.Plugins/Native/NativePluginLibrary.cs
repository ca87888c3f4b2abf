using Peregrine.Plugins.Abi;
using Peregrine.Plugins.Loading;

namespace Peregrine.Plugins.Native;

/// <summary>
/// A plugin shared library that passed every load check: the <c>dlopen</c> handle, its symbols and
/// its descriptor. Each <see cref="Initialize"/> creates an independent plugin state; the library
/// is closed (<c>dlclose</c>) once it and every state created from it are disposed.
/// </summary>
internal sealed unsafe class NativePluginLibrary : IPluginLibrary
{
    private readonly void* _handle;
    private readonly InitConfigValidator _configValidator;
    private int _references = 1;
    private int _disposed;

    public NativePluginLibrary(string path, void* handle, NativeSymbolTable symbols, PluginDescriptor descriptor)
    {
        Path = path;
        _handle = handle;
        Symbols = symbols;
        Descriptor = descriptor;
        Api = symbols.ToApi();
        ApiV2 = symbols.ToApiV2();
        _configValidator = new InitConfigValidator(descriptor.Name, descriptor.InitSchema);
    }

    public string Path { get; }

    public PluginDescriptor Descriptor { get; }

    public NativeSymbolTable Symbols { get; }

    /// <summary>The symbols typed with 3.x signatures (used when <see cref="PluginDescriptor.Abi"/> is V3).</summary>
    public PluginApi Api { get; }

    /// <summary>The symbols typed with 2.0 signatures (used when <see cref="PluginDescriptor.Abi"/> is V2).</summary>
    public PluginApiV2 ApiV2 { get; }

    public IPlugin Initialize(string? initConfig, IPluginLogger? logger = null)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        string config;
        try
        {
            config = _configValidator.Validate(initConfig ?? string.Empty);
        }
        catch (PluginDefinitionException e)
        {
            throw PluginLoadException.Unprefixed(Path, e.Stage, e.Message, Descriptor.Name);
        }

        AddReference();
        try
        {
            return Descriptor.Abi == PluginAbiVersion.V2
                ? new NativePluginV2(this, config, logger)
                : new NativePlugin(this, config, logger);
        }
        catch
        {
            Release();
            throw;
        }
    }

    public void AddReference() => Interlocked.Increment(ref _references);

    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            LibDl.Close(_handle);
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Release();
        }
    }

    public override string ToString() => $"{Descriptor} ({Path})";
}
