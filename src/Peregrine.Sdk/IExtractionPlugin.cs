namespace Peregrine.Sdk;

/// <summary>
/// Implemented by a plugin that extracts fields from events (the extraction capability).
/// </summary>
public interface IExtractionPlugin
{
    /// <summary>The fields, in a fixed order (read once, before init).</summary>
    IReadOnlyList<FieldDefinition> Fields { get; }

    /// <summary>
    /// Writes the value(s) of <paramref name="request"/> for <paramref name="evt"/> into
    /// <paramref name="values"/>; writing nothing means the field has no value for this event.
    /// Called once per requested field, several times per event. An exception fails the whole
    /// extraction of the event.
    /// </summary>
    void Extract(in PluginEvent evt, in FieldRequest request, ref FieldWriter values);
}
