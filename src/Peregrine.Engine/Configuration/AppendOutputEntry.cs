using Peregrine.Rules.Compiling;

namespace Peregrine.Engine.Configuration;

/// <summary>
/// One extra output field of an <c>append_output</c> entry: <c>- name: "format"</c> (a
/// formatted field, <see cref="Format"/> set) or a bare field name such as <c>- evt.hostname</c>
/// (a raw field, rendered as <c>%name</c>).
/// </summary>
public sealed record AppendOutputField(string Name, string? Format)
{
    public bool IsRaw => Format is null;

    /// <summary>The output format the field renders (Falco turns a raw field into <c>%name</c>).</summary>
    public string EffectiveFormat => Format ?? "%" + Name;
}

/// <summary>
/// One entry of <c>append_output</c>: extra output text and/or extra output fields for the rules
/// matching every condition given in <c>match</c> (no condition: every rule). Falco warns when
/// an entry has both a rule and tags; so does the loader.
/// </summary>
/// <param name="Source">Only rules of this source; null for any.</param>
/// <param name="Tags">Only rules having all these tags (sorted, no repeats); empty for any.</param>
/// <param name="Rule">Only the rule with this exact name; null for any.</param>
/// <param name="ExtraOutput">Text appended to the rule's output; null for none.</param>
/// <param name="ExtraFields">Extra fields for the JSON <c>output_fields</c>, in the order written.</param>
/// <param name="SuggestedOutput">Append the fields that plugins mark as suggested output.</param>
public sealed record AppendOutputEntry(
    string? Source,
    IReadOnlySet<string> Tags,
    string? Rule,
    string? ExtraOutput,
    IReadOnlyList<AppendOutputField> ExtraFields,
    bool SuggestedOutput,
    ConfigLocation Location)
{
    /// <summary>
    /// The entry as the rules compiler takes it. Formatted fields come before raw fields, the
    /// order in which Falco registers them. Suggested output is not included: it depends on the
    /// loaded plugins' fields, which the engine adds.
    /// </summary>
    public ExtraOutput ToExtraOutput() => new(
        Source,
        Tags,
        Rule,
        ExtraOutput,
        ExtraFields.Where(f => !f.IsRaw).Concat(ExtraFields.Where(f => f.IsRaw))
            .Select(f => (f.Name, f.EffectiveFormat, f.IsRaw)).ToList());
}
