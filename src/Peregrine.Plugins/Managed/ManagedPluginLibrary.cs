using Peregrine.Plugins.Loading;

namespace Peregrine.Plugins.Managed;

/// <summary>
/// A managed plugin that passed the load checks: its descriptor and the factory of plugin objects.
/// Each <see cref="Initialize"/> validates the config against the init schema and creates a new
/// object, exactly as the native library creates a new <c>ss_plugin_t</c>. The assembly's load
/// context is unloaded once the library and every plugin created from it are disposed.
/// </summary>
internal sealed class ManagedPluginLibrary : IPluginLibrary
{
    private readonly Func<IManagedPlugin> _factory;
    private readonly ManagedPluginLoadContext? _context;
    private readonly InitConfigValidator _configValidator;
    private int _references = 1;
    private int _disposed;

    public ManagedPluginLibrary(string path, PluginDescriptor descriptor, Func<IManagedPlugin> factory, ManagedPluginLoadContext? context)
    {
        Path = path;
        Descriptor = descriptor;
        _factory = factory;
        _context = context;
        _configValidator = new InitConfigValidator(descriptor.Name, descriptor.InitSchema);
    }

    public string Path { get; }

    public PluginDescriptor Descriptor { get; }

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

        Interlocked.Increment(ref _references);
        try
        {
            return new ManagedPlugin(this, _factory, config, logger);
        }
        catch
        {
            Release();
            throw;
        }
    }

    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            _context?.Unload();
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
