namespace Peregrine.Engine.Processing;

/// <summary>The <c>falco.yaml</c> keys that shape an alert line, with Falco's defaults.</summary>
public sealed record AlertFormatOptions
{
    /// <summary><c>json_output</c>: a JSON object per alert instead of the text line.</summary>
    public bool JsonOutput { get; init; }

    /// <summary><c>json_include_output_property</c>: the text line as <c>output</c>.</summary>
    public bool IncludeOutput { get; init; } = true;

    /// <summary><c>json_include_tags_property</c>: the rule's tags as <c>tags</c>.</summary>
    public bool IncludeTags { get; init; } = true;

    /// <summary><c>json_include_message_property</c>: the rule output without time and priority as <c>message</c>.</summary>
    public bool IncludeMessage { get; init; }

    /// <summary><c>json_include_output_fields_property</c>: the typed field values as <c>output_fields</c>.</summary>
    public bool IncludeOutputFields { get; init; } = true;

    /// <summary><c>time_format_iso_8601</c>: the line starts with the UTC ISO 8601 time instead of local time of day.</summary>
    public bool TimeFormatIso8601 { get; init; }
}
