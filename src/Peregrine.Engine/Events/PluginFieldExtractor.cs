using Peregrine.Conditions.Evaluation;
using Peregrine.Conditions.Fields;
using Peregrine.Plugins;

namespace Peregrine.Engine.Events;

/// <summary>
/// Extracts the fields of one plugin instance into a source's field cache. Fields wanted together
/// (those of the rule being evaluated) go to the plugin in one <c>extract_fields</c> call; values
/// are copied into the cache as the plugin hands them over, because plugin memory is only valid
/// until the next call. If a batched call fails, each field is retried alone so that one failing
/// field cannot hide the others (Falco asks for one field per call).
/// </summary>
internal sealed class PluginFieldExtractor(IPlugin plugin) : IPluginFieldSink
{
    private PluginFieldRequest[] _requests = new PluginFieldRequest[8];
    private int[] _slots = new int[8];
    private bool[] _lists = new bool[8];
    private int _count;
    private FieldCache? _cache;

    public IPlugin Plugin { get; } = plugin;

    /// <summary>The request of a field reference, with its argument resolved once.</summary>
    public static PluginFieldRequest RequestFor(PluginField field, FieldReference reference)
    {
        if (!reference.ArgumentPresent) return new PluginFieldRequest(field.Index);
        if (!PluginFieldArgument.TryCreate(field, reference.Argument!, out var argument, out var error))
            throw new InvalidOperationException($"field {reference.Text} passed the binder but the plugin host rejects its argument: {error}");
        return new PluginFieldRequest(field.Index, argument);
    }

    /// <summary>Starts a batch for the current event.</summary>
    public void Begin(FieldCache cache)
    {
        _cache = cache;
        _count = 0;
    }

    /// <summary>Adds a field to the batch (the caller skips slots already filled).</summary>
    public void Add(int slot, in PluginFieldRequest request, bool isList)
    {
        if (_count == _requests.Length)
        {
            Array.Resize(ref _requests, _count * 2);
            Array.Resize(ref _slots, _count * 2);
            Array.Resize(ref _lists, _count * 2);
        }
        _requests[_count] = request;
        _slots[_count] = slot;
        _lists[_count] = isList;
        _count++;
    }

    /// <summary>Extracts the batch; every field in it ends up filled (missing when the plugin gave nothing).</summary>
    public void Run(in PluginEvent evt)
    {
        var cache = _cache!;
        if (!Plugin.Extract(evt, _requests.AsSpan(0, _count), this) && _count > 1)
        {
            // A failed call delivers no value, so every field of the batch is still empty here.
            for (var i = 0; i < _count; i++)
            {
                if (cache.IsFilled(_slots[i])) continue;
                RunOne(evt, i);
            }
        }
        for (var i = 0; i < _count; i++)
        {
            if (!cache.IsFilled(_slots[i])) cache.StoreMissing(_slots[i]);
        }
        _cache = null;
    }

    private void RunOne(in PluginEvent evt, int index)
    {
        // Move the request to the front and extract it alone.
        (_requests[0], _requests[index]) = (_requests[index], _requests[0]);
        (_slots[0], _slots[index]) = (_slots[index], _slots[0]);
        (_lists[0], _lists[index]) = (_lists[index], _lists[0]);
        Plugin.Extract(evt, _requests.AsSpan(0, 1), this);
        (_requests[0], _requests[index]) = (_requests[index], _requests[0]);
        (_slots[0], _slots[index]) = (_slots[index], _slots[0]);
        (_lists[0], _lists[index]) = (_lists[index], _lists[0]);
    }

    void IPluginFieldSink.OnUInt64(int request, int element, int count, ulong value) => StoreNumber(request, element, count, value);

    void IPluginFieldSink.OnBool(int request, int element, int count, bool value) => StoreNumber(request, element, count, value ? 1UL : 0UL);

    void IPluginFieldSink.OnString(int request, int element, int count, ReadOnlySpan<byte> utf8) => StoreBytes(request, element, count, utf8);

    void IPluginFieldSink.OnBytes(int request, int element, int count, ReadOnlySpan<byte> value) => StoreBytes(request, element, count, value);

    private void StoreNumber(int request, int element, int count, ulong value)
    {
        var cache = _cache!;
        if (!_lists[request])
        {
            if (element == 0) cache.StoreNumber(_slots[request], value);
            return;
        }
        if (element == 0) cache.BeginList(_slots[request]);
        cache.AppendNumber(value);
        if (element == count - 1) cache.EndList();
    }

    private void StoreBytes(int request, int element, int count, ReadOnlySpan<byte> value)
    {
        var cache = _cache!;
        if (!_lists[request])
        {
            if (element == 0) cache.StoreBytes(_slots[request], value);
            return;
        }
        if (element == 0) cache.BeginList(_slots[request]);
        cache.AppendBytes(value);
        if (element == count - 1) cache.EndList();
    }
}
