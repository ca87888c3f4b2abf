namespace Peregrine.Sdk.Testing;

/// <summary>
/// A sink that only counts the values it is given. Keeping values allocates, so measuring that
/// repeated extraction allocates nothing (<see cref="PluginTestHost.MeasureExtraction"/>) extracts
/// into this sink, and uses <see cref="Count"/> to show that values did come.
/// </summary>
internal sealed class CountingFieldSink : IPluginFieldSink
{
    /// <summary>Values received since creation or the last <see cref="Reset"/>; each list element counts once.</summary>
    public long Count { get; private set; }

    /// <summary>Starts counting from zero again, for example after warm-up calls.</summary>
    public void Reset() => Count = 0;

    /// <inheritdoc />
    public void OnUInt64(int request, int element, int count, ulong value) => Count++;

    /// <inheritdoc />
    public void OnString(int request, int element, int count, ReadOnlySpan<byte> utf8) => Count++;

    /// <inheritdoc />
    public void OnBool(int request, int element, int count, bool value) => Count++;

    /// <inheritdoc />
    public void OnBytes(int request, int element, int count, ReadOnlySpan<byte> value) => Count++;
}
