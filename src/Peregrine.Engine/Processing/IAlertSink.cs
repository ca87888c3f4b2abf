using Peregrine.Engine.Outputs;

namespace Peregrine.Engine.Processing;

/// <summary>Where source threads hand finished alerts: the outputs queue, or a test's collector.</summary>
public interface IAlertSink
{
    /// <summary>Takes one alert; <paramref name="line"/> is only valid during the call, so it is copied.</summary>
    void Publish(in AlertHeader header, ReadOnlySpan<byte> line);
}
