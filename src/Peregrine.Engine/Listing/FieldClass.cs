using Peregrine.Conditions.Fields;
using Peregrine.Engine.Fields;
using Peregrine.Engine.Sources;

namespace Peregrine.Engine.Listing;

/// <summary>
/// A group of fields as <c>--list</c> shows it (libsinsp's "field class"): the built-in <c>evt</c>
/// class, the <c>static</c> class of the configured <c>static_fields</c>, or the fields of one
/// extracting plugin. Two classes are the same class when their
/// <see cref="Key"/>s are equal, as Falco decides when it groups classes shared by several sources.
/// </summary>
public sealed record FieldClass(string Name, string ShortDescription, string Description, IReadOnlyList<ListedField> Fields)
{
    /// <summary>How Falco tells classes apart: name and short description, concatenated.</summary>
    public string Key => Name + ShortDescription;

    /// <summary>
    /// The built-in event fields every plugin source has. The class name and its two descriptions
    /// are libsinsp's, since they identify the class in the listing; the field descriptions are ours.
    /// </summary>
    public static FieldClass GenericEvents { get; } = new(
        "evt", "All event types", "These fields can be used for all event types",
        GenericEventFields.All.Select(ListedField.From).ToList());

    /// <summary>
    /// The configured <c>static_fields</c> (libsinsp's class name and description; the field
    /// descriptions are the catalog's, where libsinsp has none).
    /// </summary>
    public static FieldClass Static(IEnumerable<FieldDefinition> fields) =>
        new("static", "", "Static, user-defined filters", fields.Select(ListedField.From).ToList());

    /// <summary>
    /// The fields of an extracting plugin, every declared one in declaration order (hidden ones are
    /// kept here and skipped when printed). libsinsp names the class after the plugin with a
    /// " (plugin)" suffix and gives it no description.
    /// </summary>
    public static FieldClass ForPlugin(RegisteredPlugin plugin) => new(
        plugin.Name + " (plugin)", "", "",
        plugin.Descriptor.Fields.Select(f => ListedField.From(PluginFieldDefinitions.For(plugin, f))).ToList());

    /// <summary>
    /// The classes of a source in Falco's order: <c>evt</c>, <c>static</c> when any static field is
    /// configured, then each extracting plugin in load order.
    /// </summary>
    public static IReadOnlyList<FieldClass> Of(PluginSource source)
    {
        var classes = new List<FieldClass> { GenericEvents };
        var statics = source.Catalog.Fields.Where(f => f.Owner is StaticFieldOwner).ToList();
        if (statics.Count > 0) classes.Add(Static(statics));
        classes.AddRange(source.Members.Where(p => p.Extracts).Select(ForPlugin));
        return classes;
    }
}

/// <summary>
/// One field of a class: its name, libsinsp's name of its type (<c>CHARBUF</c>, <c>UINT64</c>, ...),
/// its description, and libsinsp's tags for its flags (in byte order, as a <c>std::set</c>).
/// </summary>
public sealed record ListedField(string Name, string DataType, string Description, IReadOnlyList<string> Tags)
{
    public const string HiddenTag = "EPF_TABLE_ONLY";
    public const string ListTag = "EPF_IS_LIST";
    public const string RequiredTag = "ARG_REQUIRED";
    public const string AllowedTag = "ARG_ALLOWED";
    public const string IndexTag = "ARG_INDEX";
    public const string KeyTag = "ARG_KEY";

    /// <summary>Hidden fields are left out of every listing (libsinsp's "skippable").</summary>
    public bool IsHidden => Tags.Contains(HiddenTag);

    public bool IsList => Tags.Contains(ListTag);

    /// <summary>Whether the field takes an argument at all.</summary>
    public bool TakesArgument => Tags.Contains(RequiredTag) || Tags.Contains(AllowedTag);

    public bool RequiresArgument => Tags.Contains(RequiredTag);

    public static ListedField From(FieldDefinition field)
    {
        var tags = new List<string>();
        if (field.Hidden) tags.Add(HiddenTag);
        if (field.Argument != FieldArgument.None)
        {
            // libsinsp marks an index or key argument as allowed, and reports "required" instead when it is.
            tags.Add((field.Argument & FieldArgument.Required) != 0 ? RequiredTag : AllowedTag);
            if ((field.Argument & FieldArgument.Index) != 0) tags.Add(IndexTag);
            if ((field.Argument & FieldArgument.Key) != 0) tags.Add(KeyTag);
        }
        if (field.IsList) tags.Add(ListTag);
        tags.Sort(NlohmannJson.ByteOrder);
        return new ListedField(field.Name, field.Type.FalcoName(), field.Description, tags);
    }
}
