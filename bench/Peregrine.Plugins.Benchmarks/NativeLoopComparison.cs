using System.Diagnostics;
using System.Globalization;
using Peregrine.TestSupport;

namespace Peregrine.Plugins.Benchmarks;

/// <summary>
/// The same bare next_batch loop over the counter plugin, once in C (the bench_loop driver, with
/// and without libscap's per-event work) and once through the managed host, in one run; then the
/// C extraction baseline for <see cref="ExtractionBenchmarks"/> (bench_extract).
/// </summary>
internal static class NativeLoopComparison
{
    public static int Run(long events)
    {
        var plugin = NativeFixtures.Counter;
        var driver = NativeFixtures.BenchLoop;
        foreach (var batch in new[] { 128, 1024 })
        {
            var parameters = $"count={events},batch={batch}";
            Console.WriteLine($"batch={batch} events={events}");
            foreach (var mode in new[] { "raw", "scap" })
            {
                // best of three runs
                var best = Enumerable.Range(0, 3).Select(_ => RunDriver(driver, plugin, parameters, mode)).Max();
                Console.WriteLine($"  C driver ({mode,-4}):     {best / 1e6,8:F1} M events/s");
            }

            var managed = Enumerable.Range(0, 3).Select(_ => RunManaged(plugin, parameters)).Max();
            Console.WriteLine($"  managed host:          {managed / 1e6,8:F1} M events/s");
        }

        var start = new ProcessStartInfo(NativeFixtures.BenchExtract) { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(NativeFixtures.Extractor);
        start.ArgumentList.Add("20000000");
        using var process = Process.Start(start)!;
        Console.WriteLine("C extraction baseline (extractor fixture, 8 numeric fields): " + process.StandardOutput.ReadToEnd().Trim());
        process.WaitForExit();
        return 0;
    }

    private static double RunDriver(string driver, string plugin, string parameters, string mode)
    {
        var start = new ProcessStartInfo(driver) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { plugin, parameters, "1", mode })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var rate = output.Split(' ').First(p => p.StartsWith("events_per_second=", StringComparison.Ordinal));
        return double.Parse(rate["events_per_second=".Length..], CultureInfo.InvariantCulture);
    }

    private static double RunManaged(string path, string parameters)
    {
        using var library = PluginLoader.Load(path);
        using var plugin = library.Initialize("{\"log\":false}");
        using var stream = plugin.Open(parameters);
        ulong count = 0;
        ulong checksum = 0;
        var watch = Stopwatch.StartNew();
        while (stream.NextBatch(out var batch) == PluginBatchStatus.Success)
        {
            foreach (var evt in batch)
            {
                checksum += evt.Length;
            }

            count += (ulong)batch.Count;
        }

        watch.Stop();
        GC.KeepAlive(checksum);
        return count / watch.Elapsed.TotalSeconds;
    }
}
