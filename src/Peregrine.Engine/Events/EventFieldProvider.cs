using System.Text;
using System.Text.Json;
using Peregrine.Conditions.Evaluation;
using Peregrine.Conditions.Fields;
using Peregrine.Engine.Fields;
using Peregrine.Engine.Sources;
using Peregrine.Plugins;
using Peregrine.Rules.Outputs;

namespace Peregrine.Engine.Events;

/// <summary>
/// Supplies field values for the events of one plugin source to its field cache: the built-in
/// <c>evt.*</c> fields from the event itself, plugin fields through the source's plugin instances.
/// How each slot is served is decided once per slot, so a fetch does no lookups. Belongs to the
/// source's thread, like the cache.
/// </summary>
public sealed class EventFieldProvider : IFieldValueProvider, IFieldJsonRenderer
{
    private enum SlotKind : byte
    {
        Generic,
        Plugin,
        Constant,
    }

    private struct SlotPlan
    {
        public SlotKind Kind;
        public GenericField Generic;
        public PluginFieldExtractor? Extractor;
        public PluginFieldRequest Request;
        public bool IsList;
        public byte[]? Constant;
    }

    private readonly FieldSlotTable _slots;
    private readonly EventTimeText _time;
    private readonly byte[] _sourceName;
    private readonly byte[] _hostName;
    private readonly Dictionary<RegisteredPlugin, PluginFieldExtractor> _extractors = [];
    private readonly Dictionary<uint, (byte[] Name, IPlugin Plugin)> _producers = [];
    private SlotPlan[] _plan = [];
    private int[] _batch = [];
    private PluginEvent _event;
    private ulong _firstTimestamp;
    private bool _seenFirst;

    /// <param name="source">The source whose events this provider serves.</param>
    /// <param name="slots">The source's slot table (all rules compiled).</param>
    /// <param name="instances">An initialized instance of every member plugin, for this thread only.</param>
    /// <param name="time">Local-time rendering.</param>
    /// <param name="hostName">The value of <c>evt.hostname</c>.</param>
    public EventFieldProvider(PluginSource source, FieldSlotTable slots, IReadOnlyDictionary<RegisteredPlugin, IPlugin> instances,
        EventTimeText time, string hostName)
    {
        _slots = slots;
        _time = time;
        _sourceName = Encoding.UTF8.GetBytes(source.Name);
        _hostName = Encoding.UTF8.GetBytes(hostName);
        foreach (var member in source.Members)
        {
            var instance = instances[member];
            if (member.Extracts) _extractors[member] = new PluginFieldExtractor(instance);
            if (member.SourcedEventSource is not null)
                _producers.TryAdd(member.Descriptor.Id, (Encoding.UTF8.GetBytes(member.Name), instance));
        }
    }

    /// <summary>The event being evaluated; reset the cache together with this.</summary>
    public void BeginEvent(in PluginEvent evt)
    {
        _event = evt;
        if (_seenFirst) return;
        _firstTimestamp = evt.Timestamp;
        _seenFirst = true;
    }

    /// <summary>
    /// The slots the code about to run will probably read (a rule's condition, an output): plugin
    /// fields among them are extracted together with the first one that is asked for.
    /// </summary>
    public void UseBatch(int[] slots) => _batch = slots;

    public void Fetch(FieldCache cache, int slot, FieldReference field)
    {
        if (slot >= _plan.Length) Plan();
        ref var plan = ref _plan[slot];
        if (plan.Kind == SlotKind.Generic)
        {
            FetchGeneric(cache, slot, plan.Generic);
            return;
        }
        if (plan.Kind == SlotKind.Constant)
        {
            cache.StoreBytes(slot, plan.Constant);
            return;
        }

        var extractor = plan.Extractor!;
        extractor.Begin(cache);
        extractor.Add(slot, plan.Request, plan.IsList);
        foreach (var other in _batch)
        {
            if (other == slot || other >= _plan.Length) continue;
            ref var otherPlan = ref _plan[other];
            if (otherPlan.Extractor != extractor || cache.IsFilled(other)) continue;
            extractor.Add(other, otherPlan.Request, otherPlan.IsList);
        }
        extractor.Run(_event);
    }

    /// <summary>Time fields are the integer timestamp in JSON, and padded numbers are plain integers (as in libsinsp).</summary>
    public bool TryWrite(FieldReference field, FieldCache cache, int slot, Utf8JsonWriter writer)
    {
        if (field.Definition.Owner is not GenericField generic) return false;
        if (GenericEventFields.IsTimestampText(generic))
        {
            writer.WriteNumberValue((long)_event.Timestamp);
            return true;
        }
        if (field.Definition.Type is not (FieldType.AbsTime or FieldType.RelTime)) return false;
        var values = cache.Get(slot);
        if (values.Length == 0) writer.WriteNullValue();
        else writer.WriteNumberValue((long)values[0].Number);
        return true;
    }

    private void FetchGeneric(FieldCache cache, int slot, GenericField field)
    {
        const ulong nanosPerSecond = 1_000_000_000;
        var ts = _event.Timestamp;
        Span<byte> text = stackalloc byte[EventTimeText.MaxLength];
        switch (field)
        {
            case GenericField.Number:
                cache.StoreNumber(slot, _event.Number);
                break;
            case GenericField.Time:
                cache.StoreBytes(slot, text[.._time.WriteLocalTime(ts, nanoseconds: true, text)]);
                break;
            case GenericField.TimeSeconds:
                cache.StoreBytes(slot, text[.._time.WriteLocalTime(ts, nanoseconds: false, text)]);
                break;
            case GenericField.TimeIso8601:
                cache.StoreBytes(slot, text[..EventTimeText.WriteIso8601(ts, text)]);
                break;
            case GenericField.DateTime:
                cache.StoreBytes(slot, text[.._time.WriteLocalDateTime(ts, nanoseconds: true, text)]);
                break;
            case GenericField.DateTimeSeconds:
                cache.StoreBytes(slot, text[.._time.WriteLocalDateTime(ts, nanoseconds: false, text)]);
                break;
            case GenericField.RawTime:
                cache.StoreNumber(slot, ts);
                break;
            case GenericField.RawTimeSeconds:
                cache.StoreNumber(slot, ts / nanosPerSecond);
                break;
            case GenericField.RawTimeNanoseconds:
                cache.StoreNumber(slot, ts % nanosPerSecond);
                break;
            case GenericField.RelTime:
                cache.StoreNumber(slot, ts - _firstTimestamp);
                break;
            case GenericField.RelTimeSeconds:
                cache.StoreNumber(slot, (ts - _firstTimestamp) / nanosPerSecond);
                break;
            case GenericField.RelTimeNanoseconds:
                cache.StoreNumber(slot, (ts - _firstTimestamp) % nanosPerSecond);
                break;
            case GenericField.PluginName:
                if (_producers.TryGetValue(_event.PluginId, out var producer)) cache.StoreBytes(slot, producer.Name);
                else cache.StoreMissing(slot);
                break;
            case GenericField.PluginInfo:
                if (_producers.TryGetValue(_event.PluginId, out producer) && producer.Plugin.EventToString(_event) is { } info)
                    cache.StoreBytes(slot, Encoding.UTF8.GetBytes(info));
                else cache.StoreMissing(slot);
                break;
            case GenericField.Source:
                cache.StoreBytes(slot, _sourceName);
                break;
            case GenericField.IsAsync:
                cache.StoreNumber(slot, 0); // plugin events are never asynchronous meta-events
                break;
            case GenericField.AsyncType:
                cache.StoreMissing(slot);
                break;
            case GenericField.Hostname:
                cache.StoreBytes(slot, _hostName);
                break;
            default:
                cache.StoreMissing(slot);
                break;
        }
    }

    /// <summary>Decides how every slot known so far is served.</summary>
    private void Plan()
    {
        var start = _plan.Length;
        Array.Resize(ref _plan, _slots.Count);
        for (var slot = start; slot < _plan.Length; slot++)
        {
            var reference = _slots.FieldAt(slot);
            switch (reference?.Definition.Owner)
            {
                case GenericField generic:
                    _plan[slot] = new SlotPlan { Kind = SlotKind.Generic, Generic = generic };
                    break;
                case StaticFieldOwner constant:
                    _plan[slot] = new SlotPlan { Kind = SlotKind.Constant, Constant = constant.Value };
                    break;
                case PluginFieldOwner owner:
                    _plan[slot] = new SlotPlan
                    {
                        Kind = SlotKind.Plugin,
                        Extractor = _extractors[owner.Plugin],
                        Request = PluginFieldExtractor.RequestFor(owner.Field, reference),
                        IsList = owner.Field.IsList,
                    };
                    break;
                default:
                    // A computed slot (transformer): never fetched from the provider.
                    _plan[slot] = new SlotPlan { Kind = SlotKind.Generic, Generic = (GenericField)(-1) };
                    break;
            }
        }
    }
}
