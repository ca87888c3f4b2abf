namespace Peregrine.Sdk.Testing;

/// <summary>
/// What the measured calls of <see cref="PluginTestHost.MeasureExtraction"/> cost and delivered.
/// The counts are there so that a test also shows the extraction really ran: a plugin that fails
/// or finds no value allocates nothing too.
/// </summary>
/// <param name="AllocatedBytes">Bytes this thread allocated during the measured calls; 0 for an allocation-free plugin.</param>
/// <param name="Values">Values delivered by the measured calls, each list element counted once.</param>
/// <param name="Failures">Measured calls in which the plugin failed or did not take the event.</param>
public readonly record struct ExtractionCost(long AllocatedBytes, long Values, int Failures);
