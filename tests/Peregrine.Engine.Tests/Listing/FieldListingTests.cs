using Peregrine.Engine.Listing;
using static Peregrine.Engine.Tests.Listing.ListingEngines;

namespace Peregrine.Engine.Tests.Listing;

public class FieldListingTests
{
    private static readonly string GenericHeader = Lines(
        "-------------------------------",
        "Field Class:                  evt (All event types)",
        "Description:                  These fields can be used for all event types ");

    private static readonly string GenericFields = Lines(
        "evt.num                       the number of the event in its stream, starting at 1. ",
        "evt.time                      the event time of day (local time) with nanoseconds, HH:MM:SS.nnnnnnnnn. ",
        "evt.time.s                    the event time of day (local time) without nanoseconds, HH:MM:SS. ",
        "evt.time.iso8601              the event time in UTC, ISO 8601 with nanoseconds and a +0000 offset. ",
        "evt.datetime                  the event date and time (local time) with nanoseconds. ",
        "evt.datetime.s                the event date and time (local time) without nanoseconds. ",
        "evt.rawtime                   the event timestamp in nanoseconds since the epoch. ",
        "evt.rawtime.s                 the whole seconds of the event timestamp. ",
        "evt.rawtime.ns                the nanoseconds part of the event timestamp. ",
        "evt.reltime                   nanoseconds since the first event of the stream. ",
        "evt.reltime.s                 whole seconds since the first event of the stream. ",
        "evt.reltime.ns                the nanoseconds part of the time since the first event of the stream. ",
        "evt.pluginname                the name of the loaded plugin that produced the event. ",
        "evt.plugininfo                the event as summarised by the plugin that produced it (its event_to_string). ",
        "evt.source                    the name of the event source of the event. ",
        "evt.is_async                  true for asynchronous events, false otherwise. ",
        "evt.asynctype                 the name of an asynchronous event; absent for other events. ",
        "evt.hostname                  the host name: the FALCO_HOSTNAME environment variable when set, else the system host ",
        "                              name. ");

    private static readonly string CounterFields = Lines(
        "counter.value                 the counter value ",
        "counter.even                  whether the value is even ",
        "counter.label                 the label from the init config ",
        "counter.config                the init config the plugin received ",
        "counter.tables                what the table API answered at init ",
        "counter.mod                   (ARG_INDEX,ARG_REQUIRED) the value modulo the index argument ");

    private static readonly string ExtractorFields = Lines(
        "ex.str                        value-<n> ",
        "ex.u64                        n*2 ",
        "ex.reltime                    n*1000 ns ",
        "ex.abstime                    the event timestamp ",
        "ex.bool                       n is even ",
        "ex.ipv4                       10.0.0.(n%256) ",
        "ex.ipv6                       2001:db8::(n%256) ",
        "ex.net                        192.168.0.0 ",
        "ex.strlist                    (EPF_IS_LIST) [a, b, value-<n>] ",
        "ex.u64list                    (EPF_IS_LIST) [n, n+1, n+2] ",
        "ex.boollist                   (EPF_IS_LIST) [true, false] ",
        "ex.iplist                     (EPF_IS_LIST) [127.0.0.1, ::1] ",
        "ex.emptylist                  (EPF_IS_LIST) always empty ",
        "ex.idx                        (ARG_INDEX,ARG_REQUIRED) idx-<i> for i<10 ",
        "ex.key                        (ARG_KEY,ARG_REQUIRED) key-<k> ",
        "ex.opt                        (ARG_ALLOWED,ARG_KEY) opt-<k> or opt-none ",
        "ex.both                       (ARG_ALLOWED,ARG_INDEX,ARG_KEY) index and key as received ",
        "ex.maybe                      n when n is odd ",
        "ex.evtnum                     the event number ",
        "ex.src                        the event source ",
        // ex.hidden is hidden.
        "ex.tables                     what the table reader answered ",
        "ex.fail                       makes the call fail ",
        "ex.input                      (EPF_IS_LIST) the request as received ",
        "ex.calls                      extract_fields calls so far ");

    [Fact]
    public void Lists_the_generic_class_then_each_extracting_plugin_each_followed_by_a_blank_line()
    {
        using var engine = Create(Counter);
        Assert.Equal(
            GenericHeader + "Event Sources:                counter \n\n" + GenericFields + "\n"
            + Lines("-------------------------------", "Field Class:                  counter (plugin)", "Event Sources:                counter ", "")
            + CounterFields + "\n",
            FieldListing.Render(engine.Sources, "", new FieldListOptions()));
    }

    [Fact]
    public void A_class_shared_by_several_sources_is_printed_once_with_all_of_them()
    {
        using var engine = Create(Counter, Extractor, Other);
        Assert.Equal(
            GenericHeader + "Event Sources:                counter other \n\n" + GenericFields + "\n"
            + Lines("-------------------------------", "Field Class:                  counter (plugin)", "Event Sources:                counter ", "")
            + CounterFields + "\n"
            + Lines("-------------------------------", "Field Class:                  extractor (plugin)", "Event Sources:                counter other ", "")
            + ExtractorFields + "\n",
            FieldListing.Render(engine.Sources, "", new FieldListOptions()));
    }

    [Fact]
    public void A_source_lists_only_its_classes_with_only_itself_as_source()
    {
        using var engine = Create(Counter, Extractor, Other);
        Assert.Equal(
            GenericHeader + "Event Sources:                other \n\n" + GenericFields + "\n"
            + Lines("-------------------------------", "Field Class:                  extractor (plugin)", "Event Sources:                other ", "")
            + ExtractorFields + "\n",
            FieldListing.Render(engine.Sources, "other", new FieldListOptions()));
    }

    [Fact]
    public void Plugin_load_order_decides_the_order_of_plugin_classes()
    {
        using var engine = Create(Extractor, Counter);
        var text = FieldListing.Render(engine.Sources, "", new FieldListOptions());
        Assert.True(text.IndexOf("Field Class:                  extractor (plugin)", StringComparison.Ordinal)
                    < text.IndexOf("Field Class:                  counter (plugin)", StringComparison.Ordinal));
        Assert.StartsWith(GenericHeader, text);
    }

    [Fact]
    public void Static_fields_form_their_own_class_after_the_generic_one()
    {
        var options = new EngineOptions { StaticFields = new Dictionary<string, string> { ["zone"] = "eu", ["env"] = "prod" } };
        using var engine = Create(options, Counter);
        Assert.Contains(
            "\n" + Lines(
                "-------------------------------",
                "Field Class:                  static",
                "Description:                  Static, user-defined filters ",
                "Event Sources:                counter ",
                "",
                "static.env                    user-defined static value ",
                "static.zone                   user-defined static value ",
                "",
                "-------------------------------",
                "Field Class:                  counter (plugin)"),
            FieldListing.Render(engine.Sources, "", new FieldListOptions()));
    }

    [Fact]
    public void Verbose_text_shows_types()
    {
        using var engine = Create(Counter, Extractor);
        var text = FieldListing.Render(engine.Sources, "counter", new FieldListOptions(Verbose: true));
        Assert.Contains(Lines(
            "evt.num                       (Type: UINT64) the number of the event in its stream, starting at 1. ",
            "evt.time                      (Type: CHARBUF) the event time of day (local time) with nanoseconds, HH:MM:SS.nnnnnnnnn. "), text);
        Assert.Contains(Lines(
            "ex.net                        (Type: IPNET) 192.168.0.0 ",
            "ex.strlist                    (Type: CHARBUF) (EPF_IS_LIST) [a, b, value-<n>] "), text);
    }

    [Fact]
    public void Markdown_sections_end_with_a_blank_line()
    {
        using var engine = Create(Counter);
        var markdown = FieldListing.Render(engine.Sources, "", new FieldListOptions(FieldListFormat.Markdown));
        Assert.StartsWith(Lines(
            "## Field Class: evt",
            "",
            "These fields can be used for all event types",
            "",
            "Event Sources: counter ",
            "",
            "Name | Type | Description",
            ":----|:-----|:-----------",
            "`evt.num` | UINT64 | the number of the event in its stream, starting at 1."), markdown);
        Assert.EndsWith(Lines(
            "## Field Class: counter (plugin)",
            "",
            "Event Sources: counter ",
            "",
            "Name | Type | Description",
            ":----|:-----|:-----------",
            "`counter.value` | UINT64 | the counter value",
            "`counter.even` | BOOL | whether the value is even",
            "`counter.label` | CHARBUF | the label from the init config",
            "`counter.config` | CHARBUF | the init config the plugin received",
            "`counter.tables` | CHARBUF | what the table API answered at init",
            "`counter.mod` | UINT64 | the value modulo the index argument",
            ""), markdown);
    }

    [Fact]
    public void Json_is_one_indented_document()
    {
        using var engine = Create(Counter);
        var json = FieldListing.Render(engine.Sources, "", new FieldListOptions(FieldListFormat.Json, Verbose: true));
        Assert.StartsWith(Lines(
            "{",
            "  \"fieldclasses\": [",
            "    {",
            "      \"desc\": \"These fields can be used for all event types\",",
            "      \"event_sources\": [",
            "        \"counter\"",
            "      ],",
            "      \"fields\": [",
            "        {",
            "          \"argument\": null,",
            "          \"desc\": \"the number of the event in its stream, starting at 1.\",",
            "          \"is_list\": false,",
            "          \"name\": \"evt.num\",",
            "          \"type\": \"UINT64\"",
            "        },"), json);
        Assert.EndsWith(Lines(
            "        {",
            "          \"argument\": {",
            "            \"required\": true,",
            "            \"type\": [",
            "              \"INDEX\"",
            "            ]",
            "          },",
            "          \"desc\": \"the value modulo the index argument\",",
            "          \"is_list\": false,",
            "          \"name\": \"counter.mod\",",
            "          \"type\": \"UINT64\"",
            "        }",
            "      ],",
            "      \"name\": \"counter (plugin)\"",
            "    }",
            "  ]",
            "}"), json);
    }

    [Fact]
    public void Json_arguments_say_whether_required_and_what_kind()
    {
        using var engine = Create(Counter, Extractor);
        var json = FieldListing.Render(engine.Sources, "counter", new FieldListOptions(FieldListFormat.Json));
        Assert.Contains(Lines(
            "        {",
            "          \"argument\": {",
            "            \"required\": false,",
            "            \"type\": [",
            "              \"INDEX\",",
            "              \"KEY\"",
            "            ]",
            "          },",
            "          \"desc\": \"index and key as received\",",
            "          \"is_list\": false,",
            "          \"name\": \"ex.both\",",
            "          \"type\": \"CHARBUF\"",
            "        },"), json);
        Assert.DoesNotContain("ex.hidden", json);
    }

    [Fact]
    public void Names_only_lists_every_visible_field_once()
    {
        using var engine = Create(Counter, Extractor, Other);
        var names = FieldListing.Render(engine.Sources, "", new FieldListOptions(NamesOnly: true)).Split('\n');
        Assert.Equal(18 + 6 + 24 + 1, names.Length);
        Assert.Equal(["evt.num", "evt.time"], names[..2]);
        Assert.Equal(["evt.hostname", "counter.value"], names[17..19]);
        Assert.Equal(["counter.mod", "ex.str"], names[23..25]);
        Assert.Equal(["ex.calls", ""], names[^2..]);
        Assert.DoesNotContain("ex.hidden", names);
        // Markdown and verbose do not change the names-only text.
        Assert.Equal(string.Join('\n', names), FieldListing.Render(engine.Sources, "", new FieldListOptions(FieldListFormat.Markdown, true, true)));
    }

    [Fact]
    public void Names_only_json_is_a_fieldnames_document()
    {
        using var engine = Create(Counter);
        var json = FieldListing.Render(engine.Sources, "", new FieldListOptions(FieldListFormat.Json, NamesOnly: true));
        Assert.Equal(
            "{\n  \"fieldnames\": [\n    \"evt.num\",\n    \"evt.time\",\n    \"evt.time.s\",\n    \"evt.time.iso8601\",\n    \"evt.datetime\",\n"
            + "    \"evt.datetime.s\",\n    \"evt.rawtime\",\n    \"evt.rawtime.s\",\n    \"evt.rawtime.ns\",\n    \"evt.reltime\",\n    \"evt.reltime.s\",\n"
            + "    \"evt.reltime.ns\",\n    \"evt.pluginname\",\n    \"evt.plugininfo\",\n    \"evt.source\",\n    \"evt.is_async\",\n    \"evt.asynctype\",\n"
            + "    \"evt.hostname\",\n    \"counter.value\",\n    \"counter.even\",\n    \"counter.label\",\n    \"counter.config\",\n    \"counter.tables\",\n    \"counter.mod\"\n  ]\n}\n",
            json);
    }

    [Fact]
    public void Nothing_to_list_prints_nothing()
    {
        Assert.Equal("", FieldListing.Render([], "", new FieldListOptions()));
        Assert.Equal("", FieldListing.Render([], "", new FieldListOptions(FieldListFormat.Json)));
        Assert.Equal("", FieldListing.Render([], "", new FieldListOptions(FieldListFormat.Json, NamesOnly: true)));
    }

    [Fact]
    public void Checks_the_source_before_listing()
    {
        using var engine = Create(Counter, Extractor, Other);
        Assert.Null(FieldListing.CheckSource(engine.Sources, ""));
        Assert.Null(FieldListing.CheckSource(engine.Sources, "other"));
        Assert.Equal("Value for --list must be a valid source type", FieldListing.CheckSource(engine.Sources, "nope"));
        Assert.Equal(
            "Value for --list must be a valid source type (Peregrine has no syscall source: it reads events from plugins only, so it has no syscall fields to list)",
            FieldListing.CheckSource(engine.Sources, "syscall"));
    }
}
