namespace Peregrine.Conditions.Evaluation;

/// <summary>
/// How a slot of the per-event cache gets its values: from the engine's provider (a catalog
/// field) or computed from other slots (a transformer, a constant argument).
/// </summary>
public abstract class SlotSource
{
    /// <summary>Fills <paramref name="slot"/> for the current event; always stores something.</summary>
    internal abstract void Fill(FieldCache cache, int slot);
}
