namespace Peregrine.Engine.Configuration;

/// <summary>
/// <c>outputs_queue</c>. Falco's queue is unbounded by default (<c>capacity: 0</c>); Peregrine's
/// is always bounded: 0 or no value means <see cref="FalcoConfiguration.DefaultOutputsQueueCapacity"/>.
/// </summary>
/// <param name="Capacity">The bound in effect.</param>
/// <param name="ConfiguredCapacity">The value written (0 when absent: Falco's "unbounded").</param>
public sealed record OutputsQueueConfig(long Capacity = FalcoConfiguration.DefaultOutputsQueueCapacity, ulong ConfiguredCapacity = 0);
