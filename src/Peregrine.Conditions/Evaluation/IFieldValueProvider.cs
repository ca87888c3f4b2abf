using Peregrine.Conditions.Fields;

namespace Peregrine.Conditions.Evaluation;

/// <summary>
/// Supplies the values of catalog fields for the current event. The engine implements it on
/// top of plugin extraction and built-in fields. It is called at most once per slot per event;
/// it may fill other pending slots in the same call (to batch several fields into one plugin
/// call), using <see cref="FieldCache.IsFilled"/> and the <c>Store</c> methods.
/// </summary>
public interface IFieldValueProvider
{
    /// <summary>
    /// Stores the values of <paramref name="field"/> into <paramref name="slot"/> of
    /// <paramref name="cache"/>: <see cref="FieldCache.StoreMissing"/>, a single
    /// <see cref="FieldCache.StoreNumber"/>/<see cref="FieldCache.StoreBytes"/>, or a list
    /// between <see cref="FieldCache.BeginList"/> and <see cref="FieldCache.EndList"/>.
    /// </summary>
    void Fetch(FieldCache cache, int slot, FieldReference field);
}
