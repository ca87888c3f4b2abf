using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json.Serialization.Metadata;
using Peregrine.Plugins;
using Peregrine.Sdk;

namespace Peregrine.Examples.Dummy;

/// <summary>
/// A sourcing and extraction plugin to copy from. Each event's payload is one little-endian
/// uint64 sample: the event's position plus some random jitter. The open parameter is the number
/// of events to produce.
/// </summary>
public sealed class DummyPlugin : Plugin<DummyConfig>, ISourcingPlugin, IExtractionPlugin
{
    // Field indexes, in the order of Fields: extraction switches on them.
    private const int Value = 0;
    private const int StrValue = 1;
    private const int Divisible = 2;
    private const int Digits = 3;

    private static readonly FieldDefinition[] DummyFields =
    [
        new("dummy.value", PluginFieldType.UInt64, "The sample value") { Display = "Value", AddOutput = true },
        new("dummy.strvalue", PluginFieldType.String, "The sample value, as text"),
        new("dummy.divisible", PluginFieldType.Bool, "Whether the sample is divisible by the argument, e.g. dummy.divisible[3]")
        {
            Argument = FieldArgumentRules.Index | FieldArgumentRules.Required,
        },
        new("dummy.digits", PluginFieldType.UInt64, "The decimal digits of the sample, most significant first")
        {
            IsList = true,
            Properties = PluginFieldProperties.Hidden,
        },
    ];

    public override PluginInfo Info { get; } = new()
    {
        Name = "dummy",
        Version = "0.1.0",
        Description = "Produces numbered samples with random jitter (an example of the Peregrine SDK)",
        Contact = "https://example.invalid/peregrine",
        Id = 999,
        EventSource = "dummy",
    };

    public IReadOnlyList<FieldDefinition> Fields => DummyFields;

    protected override JsonTypeInfo<DummyConfig> ConfigTypeInfo => DummyJsonContext.Default.DummyConfig;

    protected override void OnInit(DummyConfig config)
    {
        // What the schema cannot say is checked here; the message becomes the init error.
        if (config.Jitter is < 0 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(config), $"jitter must be between 0 and 1000, not {config.Jitter}");
        }

        Log($"initialized with jitter {config.Jitter}");
    }

    public IReadOnlyList<PluginOpenParam> ListOpenParams() =>
    [
        new("10", "Ten samples", string.Empty),
        new("1000000", "A million samples", string.Empty),
    ];

    public EventStream Open(string parameters)
    {
        var text = parameters.Length == 0 ? "10" : parameters;
        if (!ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            throw new FormatException($"open params must be a number of events, not '{parameters}'");
        }

        return new DummyStream(count, Config.Jitter, new Random(Config.Seed));
    }

    public void Extract(in PluginEvent evt, in FieldRequest request, ref FieldWriter values)
    {
        var sample = BinaryPrimitives.ReadUInt64LittleEndian(evt.Payload);
        switch (request.Index)
        {
            case Value:
                values.Write(sample);
                break;
            case StrValue:
                // Formatted on the stack: no allocation per value.
                Span<char> chars = stackalloc char[20];
                sample.TryFormat(chars, out var length, default, CultureInfo.InvariantCulture);
                values.Write(chars[..length]);
                break;
            case Divisible:
                var divisor = request.ArgumentIndex ?? 0;
                if (divisor != 0)
                {
                    values.Write(sample % divisor == 0);
                }

                break;
            case Digits:
                Span<char> digits = stackalloc char[20];
                sample.TryFormat(digits, out var count, default, CultureInfo.InvariantCulture);
                values.BeginList(count);
                foreach (var digit in digits[..count])
                {
                    values.Write((ulong)(digit - '0'));
                }

                break;
        }
    }

    public string? EventToString(in PluginEvent evt) =>
        evt.Payload.Length == sizeof(ulong)
            ? "sample=" + BinaryPrimitives.ReadUInt64LittleEndian(evt.Payload).ToString(CultureInfo.InvariantCulture)
            : null;

    /// <summary>One open stream: produces the samples in batches, then EOF.</summary>
    private sealed class DummyStream(ulong count, int jitter, Random random) : EventStream
    {
        private ulong _produced;

        public override PluginProgress Progress =>
            new(string.Empty, count == 0 ? 10000u : (uint)(_produced * 10000 / count));

        public override BatchResult NextBatch(EventBatch batch)
        {
            Span<byte> payload = stackalloc byte[sizeof(ulong)];
            while (_produced < count && !batch.IsFull)
            {
                var sample = _produced + (ulong)random.Next(0, jitter + 1);
                BinaryPrimitives.WriteUInt64LittleEndian(payload, sample);
                batch.TryAdd(payload);
                _produced++;
            }

            return _produced < count ? BatchResult.Success : BatchResult.Eof;
        }
    }
}
