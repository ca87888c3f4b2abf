using Peregrine.Conditions.Fields;

namespace Peregrine.Engine.Fields;

/// <summary>
/// The catalog entries of the built-in <c>evt.*</c> fields of plugin sources. Names, types,
/// display names and print formats are libsinsp's; none takes an argument or is a list. The
/// time-of-day strings render local time, <c>evt.time.iso8601</c> UTC.
/// </summary>
public static class GenericEventFields
{
    public static IReadOnlyList<FieldDefinition> All { get; } =
    [
        Define(GenericField.Number, "evt.num", FieldType.UInt64, "Event Number", "the number of the event in its stream, starting at 1.", PrintFormat.Id),
        Define(GenericField.Time, "evt.time", FieldType.String, "Time", "the event time of day (local time) with nanoseconds, HH:MM:SS.nnnnnnnnn."),
        Define(GenericField.TimeSeconds, "evt.time.s", FieldType.String, "Time (s)", "the event time of day (local time) without nanoseconds, HH:MM:SS."),
        Define(GenericField.TimeIso8601, "evt.time.iso8601", FieldType.String, "ISO 8601 Time", "the event time in UTC, ISO 8601 with nanoseconds and a +0000 offset."),
        Define(GenericField.DateTime, "evt.datetime", FieldType.String, "Datetime", "the event date and time (local time) with nanoseconds."),
        Define(GenericField.DateTimeSeconds, "evt.datetime.s", FieldType.String, "Datetime (s)", "the event date and time (local time) without nanoseconds."),
        Define(GenericField.RawTime, "evt.rawtime", FieldType.AbsTime, "Absolute Time", "the event timestamp in nanoseconds since the epoch.", PrintFormat.Decimal),
        Define(GenericField.RawTimeSeconds, "evt.rawtime.s", FieldType.AbsTime, "Absolute Time (s)", "the whole seconds of the event timestamp.", PrintFormat.Decimal),
        Define(GenericField.RawTimeNanoseconds, "evt.rawtime.ns", FieldType.AbsTime, "Absolute Time (ns)", "the nanoseconds part of the event timestamp.", PrintFormat.PaddedDecimal),
        Define(GenericField.RelTime, "evt.reltime", FieldType.RelTime, "Relative Time", "nanoseconds since the first event of the stream.", PrintFormat.PaddedDecimal),
        Define(GenericField.RelTimeSeconds, "evt.reltime.s", FieldType.RelTime, "Relative Time (s)", "whole seconds since the first event of the stream.", PrintFormat.Decimal),
        Define(GenericField.RelTimeNanoseconds, "evt.reltime.ns", FieldType.RelTime, "Relative Time (ns)", "the nanoseconds part of the time since the first event of the stream.", PrintFormat.PaddedDecimal),
        Define(GenericField.PluginName, "evt.pluginname", FieldType.String, "Plugin Name", "the name of the loaded plugin that produced the event."),
        Define(GenericField.PluginInfo, "evt.plugininfo", FieldType.String, "Plugin Info", "the event as summarised by the plugin that produced it (its event_to_string)."),
        Define(GenericField.Source, "evt.source", FieldType.String, "Event Source", "the name of the event source of the event."),
        Define(GenericField.IsAsync, "evt.is_async", FieldType.Bool, "Async Event", "true for asynchronous events, false otherwise."),
        Define(GenericField.AsyncType, "evt.asynctype", FieldType.String, "Async-Event Type", "the name of an asynchronous event; absent for other events."),
        Define(GenericField.Hostname, "evt.hostname", FieldType.String, "Hostname", "the host name: the FALCO_HOSTNAME environment variable when set, else the system host name."),
    ];

    /// <summary>Whether the JSON of <paramref name="field"/> in <c>output_fields</c> is the raw timestamp, not its text.</summary>
    public static bool IsTimestampText(GenericField field) =>
        field is GenericField.Time or GenericField.TimeSeconds or GenericField.TimeIso8601
            or GenericField.DateTime or GenericField.DateTimeSeconds;

    private static FieldDefinition Define(GenericField id, string name, FieldType type, string display, string description,
        PrintFormat format = PrintFormat.NotApplicable) =>
        new(name, type, Description: description, Display: display) { Owner = id, PrintFormat = format, NameOnlyLookup = true };
}
