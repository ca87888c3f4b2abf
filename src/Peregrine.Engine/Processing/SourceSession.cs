using Peregrine.Engine.Sources;
using Peregrine.Plugins;

namespace Peregrine.Engine.Processing;

/// <summary>One enabled source ready to run: its opened input plugin and its event loop.</summary>
internal sealed class SourceSession(PluginSource source, IPlugin input, SourceRunner runner)
{
    public string Source => source.Name;

    public DetectionCounters Counters => runner.Counters;

    /// <summary>Opens the input plugin with its open parameters, runs the loop, closes the stream.</summary>
    public SourceRunResult Run(CancellationToken stop)
    {
        IPluginStream stream;
        try
        {
            stream = input.Open(source.Input.Spec.OpenParams);
        }
        catch (PluginException e)
        {
            return new SourceRunResult(Source, 0, TimeSpan.Zero, e.Message);
        }
        using (stream)
        {
            return runner.Run(stream, stop);
        }
    }
}
