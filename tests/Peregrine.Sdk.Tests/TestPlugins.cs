using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Peregrine.Sdk.Tests;

/// <summary>What <see cref="Misbehaving"/> does wrong, chosen per test through a static switch.</summary>
public enum Fault
{
    None,
    Init,
    ListOpenParams,
    Open,
    SecondBatch,
    Extract,
    WrongValueType,
    ShortList,
    EventToString,
    TimeoutWithEvents,
    EmptySuccess,
}

/// <summary>A plugin whose every entry point can throw, to check the host turns that into failures.</summary>
public sealed class Misbehaving : Plugin, ISourcingPlugin, IExtractionPlugin
{
    [ThreadStatic]
    internal static Fault Next;

    private Fault _fault;

    public override PluginInfo Info { get; } = new() { Name = "misbehaving", Version = "1.0.0", Id = 4242, EventSource = "bad" };

    public IReadOnlyList<FieldDefinition> Fields { get; } =
    [
        new("bad.value", PluginFieldType.UInt64, "A value"),
        new("bad.list", PluginFieldType.String, "A list") { IsList = true },
    ];

    protected override void OnInit(string config)
    {
        _fault = Next;
        Throw(Fault.Init);
    }

    public IReadOnlyList<PluginOpenParam> ListOpenParams()
    {
        Throw(Fault.ListOpenParams);
        return [];
    }

    public EventStream Open(string parameters)
    {
        Throw(Fault.Open);
        return new Stream(this);
    }

    public void Extract(in PluginEvent evt, in FieldRequest request, ref FieldWriter values)
    {
        Throw(Fault.Extract);
        if (request.Index == 1)
        {
            values.BeginList(_fault == Fault.ShortList ? 2 : 1);
            values.Write("one");
            return;
        }

        if (_fault == Fault.WrongValueType)
        {
            values.Write("text");
            return;
        }

        values.Write(7ul);
    }

    public string? EventToString(in PluginEvent evt)
    {
        Throw(Fault.EventToString);
        return "ok";
    }

    private void Throw(Fault fault)
    {
        if (_fault == fault)
        {
            throw new InvalidOperationException("boom in " + fault);
        }
    }

    private sealed class Stream(Misbehaving plugin) : EventStream
    {
        private int _batches;

        public override BatchResult NextBatch(EventBatch batch)
        {
            if (plugin._fault == Fault.EmptySuccess)
            {
                return BatchResult.Success;
            }

            if (++_batches == 2)
            {
                plugin.Throw(Fault.SecondBatch);
            }

            batch.TryAdd("x"u8, timestamp: 1000);
            return plugin._fault == Fault.TimeoutWithEvents ? BatchResult.Timeout : BatchResult.Success;
        }
    }
}

/// <summary>A plugin with a configurable <see cref="Info"/> and fields, for the load checks.</summary>
public abstract class Described : Plugin, IExtractionPlugin
{
    public virtual IReadOnlyList<FieldDefinition> Fields { get; } = [new("d.f", PluginFieldType.String, "A field")];

    public void Extract(in PluginEvent evt, in FieldRequest request, ref FieldWriter values)
    {
    }
}

public sealed class BadVersion : Described
{
    public override PluginInfo Info { get; } = new() { Name = "badversion", Version = "1.x" };
}

public sealed class OldApi : Described
{
    public override PluginInfo Info { get; } = new() { Name = "oldapi", Version = "1.0.0", RequiredApiVersion = "2.0.0" };
}

public sealed class FutureApi : Described
{
    public override PluginInfo Info { get; } = new() { Name = "futureapi", Version = "1.0.0", RequiredApiVersion = "3.99.0" };
}

public sealed class NoDescription : Described
{
    public override PluginInfo Info { get; } = new() { Name = "nodesc", Version = "1.0.0" };

    public override IReadOnlyList<FieldDefinition> Fields { get; } = [new("d.f", PluginFieldType.String, "")];
}

public sealed class RequiredWithoutKind : Described
{
    public override PluginInfo Info { get; } = new() { Name = "reqarg", Version = "1.0.0" };

    public override IReadOnlyList<FieldDefinition> Fields { get; } = [new("d.f", PluginFieldType.String, "A field") { Argument = FieldArgumentRules.Required }];
}

public sealed class NoCapability : Plugin
{
    public override PluginInfo Info { get; } = new() { Name = "nothing", Version = "1.0.0" };
}

public sealed class SyscallSource : Plugin, ISourcingPlugin
{
    public override PluginInfo Info { get; } = new() { Name = "sys", Version = "1.0.0", Id = 7, EventSource = "syscall" };

    public EventStream Open(string parameters) => throw new NotSupportedException();
}

public sealed class ExtractOnly : Described
{
    public override PluginInfo Info { get; } = new() { Name = "extractonly", Version = "1.0.0", ExtractEventSources = ["aws_cloudtrail", "dummy"] };
}

/// <summary>A config type exercising the schema generator.</summary>
public sealed class RichConfig
{
    public required string Name { get; set; }

    public int? Limit { get; set; }

    public string? Note { get; set; }

    public List<string> Tags { get; set; } = [];

    public Dictionary<string, double> Weights { get; set; } = [];

    public Nested Inner { get; set; } = new();

    public bool Enabled { get; set; }

    public sealed class Nested
    {
        public ulong Size { get; set; }
    }
}

[JsonSerializable(typeof(RichConfig))]
[JsonSerializable(typeof(NeedsName))]
internal sealed partial class TestJsonContext : JsonSerializerContext;

public sealed class NeedsName
{
    public required string Name { get; set; }
}

public sealed class ConfiguredPlugin : Plugin<NeedsName>, IExtractionPlugin
{
    public string? Seen { get; private set; }

    public override PluginInfo Info { get; } = new() { Name = "configured", Version = "1.0.0" };

    public IReadOnlyList<FieldDefinition> Fields { get; } = [new("c.name", PluginFieldType.String, "The configured name")];

    protected override JsonTypeInfo<NeedsName> ConfigTypeInfo => TestJsonContext.Default.NeedsName;

    public void Extract(in PluginEvent evt, in FieldRequest request, ref FieldWriter values) => values.Write(Config.Name);
}
