namespace Peregrine.Plugins.Native;

/// <summary>
/// Serializes the calls on one plugin instance (the ABI allows one thread at a time per state).
/// The engine gives each thread its own instance, so the gate is almost never contended and sits
/// on the per-event extraction path: entering is one compare-and-swap and leaving one store,
/// without the thread-identity lookups of a general-purpose lock. It is not reentrant; no code
/// path enters it twice on one thread.
/// </summary>
internal sealed class PluginGate
{
    private int _held;

    public Scope Enter()
    {
        if (Interlocked.CompareExchange(ref _held, 1, 0) != 0) EnterContended();
        return new Scope(this);
    }

    private void EnterContended()
    {
        var spin = new SpinWait();
        while (Volatile.Read(ref _held) != 0 || Interlocked.CompareExchange(ref _held, 1, 0) != 0) spin.SpinOnce();
    }

    private void Exit() => Volatile.Write(ref _held, 0);

    /// <summary>Held until disposed (<c>using (gate.Enter())</c>).</summary>
    public readonly ref struct Scope(PluginGate gate)
    {
        public void Dispose() => gate.Exit();
    }
}
