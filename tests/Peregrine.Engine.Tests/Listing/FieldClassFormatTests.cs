using Peregrine.Conditions.Fields;
using Peregrine.Engine.Listing;
using static Peregrine.Engine.Tests.Listing.ListingEngines;

namespace Peregrine.Engine.Tests.Listing;

/// <summary>The three layouts of one field class, on a class built by hand.</summary>
public class FieldClassFormatTests
{
    private static readonly FieldClass Demo = new("demo (plugin)", "", "", [
        ListedField.From(new FieldDefinition("demo.name", FieldType.String, Description: "the name")),
        ListedField.From(new FieldDefinition("demo.a_field_name_longer_than_thirty", FieldType.UInt64, Description: "long name")),
        ListedField.From(new FieldDefinition("demo.tags", FieldType.String, IsList: true, Argument: FieldArgument.Index | FieldArgument.Required,
            Description: "a description long enough to need a second line once the tags and the type have been put in front of it")),
        ListedField.From(new FieldDefinition("demo.env", FieldType.IpNet, Argument: FieldArgument.Key | FieldArgument.Index, Description: "by key")),
        ListedField.From(new FieldDefinition("demo.secret", FieldType.Bool, Description: "hidden") { Hidden = true }),
    ]);

    private static readonly FieldClass Described = new("cls", "Short words", "A class description", [
        ListedField.From(new FieldDefinition("cls.x", FieldType.AbsTime, Description: "x")),
    ]);

    [Fact]
    public void Tags_are_libsinsp_flag_names_in_byte_order()
    {
        Assert.Equal(["ARG_INDEX", "ARG_REQUIRED", "EPF_IS_LIST"], Demo.Fields[2].Tags);
        Assert.Equal(["ARG_ALLOWED", "ARG_INDEX", "ARG_KEY"], Demo.Fields[3].Tags);
        Assert.Equal(["EPF_TABLE_ONLY"], Demo.Fields[4].Tags);
        Assert.Equal("IPNET", Demo.Fields[3].DataType);
    }

    [Fact]
    public void Text_layout()
    {
        Assert.Equal(Lines(
            "-------------------------------",
            "Field Class:                  demo (plugin)",
            "Event Sources:                a b ",
            "",
            "demo.name                     the name ",
            "demo.a_field_name_longer_than_thirty",
            "                              long name ",
            "demo.tags                     (ARG_INDEX,ARG_REQUIRED,EPF_IS_LIST) a description long enough to need a second line once ",
            "                              the tags and the type have been put in front of it ",
            "demo.env                      (ARG_ALLOWED,ARG_INDEX,ARG_KEY) by key "),
            FieldClassText.Format(Demo, ["a", "b"], verbose: false));
    }

    [Fact]
    public void Verbose_text_puts_the_type_first()
    {
        var text = FieldClassText.Format(Demo, ["a"], verbose: true);
        Assert.Contains(Lines(
            "demo.name                     (Type: CHARBUF) the name ",
            "demo.a_field_name_longer_than_thirty",
            "                              (Type: UINT64) long name ",
            "demo.tags                     (Type: CHARBUF) (ARG_INDEX,ARG_REQUIRED,EPF_IS_LIST) a description long enough to need a ",
            "                              second line once the tags and the type have been put in front of it "), text);
    }

    [Fact]
    public void Text_layout_with_short_description_and_description()
    {
        Assert.Equal(Lines(
            "-------------------------------",
            "Field Class:                  cls (Short words)",
            "Description:                  A class description ",
            "",
            "cls.x                         x "),
            FieldClassText.Format(Described, [], verbose: false));
    }

    [Fact]
    public void Markdown_layout()
    {
        Assert.Equal(Lines(
            "## Field Class: demo (plugin)",
            "",
            "Event Sources: a b ",
            "",
            "Name | Type | Description",
            ":----|:-----|:-----------",
            "`demo.name` | CHARBUF | the name",
            "`demo.a_field_name_longer_than_thirty` | UINT64 | long name",
            "`demo.tags` | LIST(CHARBUF) | a description long enough to need a second line once the tags and the type have been put in front of it",
            "`demo.env` | IPNET | by key"),
            FieldClassMarkdown.Format(Demo, ["a", "b"]));
        Assert.StartsWith(Lines("## Field Class: cls", "", "A class description", "", "Name | Type | Description"),
            FieldClassMarkdown.Format(Described, []));
    }

    [Fact]
    public void Json_layout()
    {
        Assert.Equal(
            "{\"event_sources\":[\"a\"],\"fields\":["
            + "{\"argument\":null,\"desc\":\"the name\",\"is_list\":false,\"name\":\"demo.name\",\"type\":\"CHARBUF\"},"
            + "{\"argument\":null,\"desc\":\"long name\",\"is_list\":false,\"name\":\"demo.a_field_name_longer_than_thirty\",\"type\":\"UINT64\"},"
            + "{\"argument\":{\"required\":true,\"type\":[\"INDEX\"]},\"desc\":\"" + Demo.Fields[2].Description + "\",\"is_list\":true,\"name\":\"demo.tags\",\"type\":\"CHARBUF\"},"
            + "{\"argument\":{\"required\":false,\"type\":[\"INDEX\",\"KEY\"]},\"desc\":\"by key\",\"is_list\":false,\"name\":\"demo.env\",\"type\":\"IPNET\"}"
            + "],\"name\":\"demo (plugin)\"}",
            NlohmannJson.Dump(FieldClassJson.Build(Demo, ["a"])));
        Assert.Equal("{\"desc\":\"A class description\",\"fields\":[{\"argument\":null,\"desc\":\"x\",\"is_list\":false,\"name\":\"cls.x\",\"type\":\"ABSTIME\"}],\"name\":\"cls\"}",
            NlohmannJson.Dump(FieldClassJson.Build(Described, [])));
    }

    [Fact]
    public void A_class_without_fields_prints_nothing()
    {
        var empty = new FieldClass("none", "", "", []);
        Assert.Equal("", FieldClassText.Format(empty, ["a"], verbose: false));
        Assert.Equal("", FieldClassMarkdown.Format(empty, ["a"]));
        Assert.Null(FieldClassJson.Build(empty, ["a"]));
    }
}
