using BenchmarkDotNet.Attributes;
using Peregrine.TestSupport;

namespace Peregrine.Plugins.Benchmarks;

/// <summary>
/// Cost per extracted field through the host: Falco's way (one field per extract_fields call)
/// against ours (all fields of an event in one call). Each operation is one field. The fields are
/// the extractor fixture's cheap numeric ones, so the host's share dominates; the sink copies
/// every value, as the engine's field cache will.
/// </summary>
[MemoryDiagnoser]
public unsafe class ExtractionBenchmarks
{
    private static readonly string[] FieldNames = ["ex.u64", "ex.reltime", "ex.abstime", "ex.bool", "ex.evtnum", "ex.maybe", "ex.ipv4", "ex.net"];

    private IPluginLibrary _library = null!;
    private IPlugin _plugin = null!;
    private PluginFieldRequest[] _requests = null!;
    private PluginFieldRequest[][] _singles = null!;
    private byte* _event;
    private PluginEvent _evt;
    private readonly CopyingSink _sink = new();

    [GlobalSetup]
    public void Setup()
    {
        _library = PluginLoader.Load(NativeFixtures.Extractor);
        _plugin = _library.Initialize("");
        _requests = FieldNames.Select(n => new PluginFieldRequest(_library.Descriptor.FindField(n)!.Index)).ToArray();
        _singles = _requests.Select(r => new[] { r }).ToArray();

        // One counter-style plugin event with payload 7.
        _event = (byte*)System.Runtime.InteropServices.NativeMemory.AllocZeroed(46);
        *(ulong*)_event = 123;
        *(ulong*)(_event + 8) = ulong.MaxValue;
        *(uint*)(_event + 16) = 46;
        *(ushort*)(_event + 20) = 322;
        *(uint*)(_event + 22) = 2;
        *(uint*)(_event + 26) = 4;
        *(uint*)(_event + 30) = 8;
        *(uint*)(_event + 34) = 999;
        *(ulong*)(_event + 38) = 7;
        _evt = new PluginEvent(_event, 1, EventSourceName.Get("counter"));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _plugin.Dispose();
        _library.Dispose();
        System.Runtime.InteropServices.NativeMemory.Free(_event);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 8)]
    public ulong OneFieldPerCall()
    {
        for (var i = 0; i < _singles.Length; i++)
        {
            _plugin.Extract(_evt, _singles[i], _sink);
        }

        return _sink.Checksum;
    }

    [Benchmark(OperationsPerInvoke = 8)]
    public ulong EightFieldsPerCall()
    {
        _plugin.Extract(_evt, _requests, _sink);
        return _sink.Checksum;
    }

    [Benchmark(OperationsPerInvoke = 1)]
    public ulong SingleFieldSingleCall()
    {
        _plugin.Extract(_evt, _singles[0], _sink);
        return _sink.Checksum;
    }

    /// <summary>Copies each value into a slot, like a per-event field cache.</summary>
    private sealed class CopyingSink : IPluginFieldSink
    {
        private readonly ulong[] _numbers = new ulong[64];
        private readonly byte[] _bytes = new byte[1024];

        public ulong Checksum => _numbers[0] + _bytes[0];

        public void OnUInt64(int request, int element, int count, ulong value) => _numbers[request & 63] = value;

        public void OnString(int request, int element, int count, ReadOnlySpan<byte> utf8) => utf8.CopyTo(_bytes);

        public void OnBool(int request, int element, int count, bool value) => _numbers[request & 63] = value ? 1UL : 0UL;

        public void OnBytes(int request, int element, int count, ReadOnlySpan<byte> value) => value.CopyTo(_bytes);
    }
}
