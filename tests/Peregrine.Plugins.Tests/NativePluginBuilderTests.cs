using System.Diagnostics;
using Peregrine.TestSupport;

namespace Peregrine.Plugins.Tests;

public class NativePluginBuilderTests
{
    [Fact]
    public void Builds_are_cached_by_content_and_defines()
    {
        var a = NativePluginBuilder.BuildPlugin("shape", new Dictionary<string, string?> { ["SHAPE_NAME"] = NativePluginBuilder.CString("cached") });
        var b = NativePluginBuilder.BuildPlugin("shape", new Dictionary<string, string?> { ["SHAPE_NAME"] = NativePluginBuilder.CString("cached") });
        var c = NativePluginBuilder.BuildPlugin("shape", new Dictionary<string, string?> { ["SHAPE_NAME"] = NativePluginBuilder.CString("other") });
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.True(File.Exists(a));
        Assert.StartsWith(NativePluginBuilder.CacheDirectory, a);
    }

    [Fact]
    public void Parallel_requests_build_once()
    {
        var defines = new Dictionary<string, string?> { ["SHAPE_NAME"] = NativePluginBuilder.CString("parallel-" + Guid.NewGuid().ToString("N")) };
        var paths = new string[8];
        Parallel.For(0, paths.Length, i => paths[i] = NativePluginBuilder.BuildPlugin("shape", defines));
        Assert.Single(paths.Distinct());
    }

    [Fact]
    public void Compiler_errors_are_reported_with_the_command_line()
    {
        var error = Assert.Throws<NativeBuildException>(() =>
            NativePluginBuilder.BuildPlugin("shape", new Dictionary<string, string?> { ["SHAPE_ID"] = "this is not C" }));
        Assert.Equal("shape", error.Fixture);
        Assert.Contains("shape.c", error.CommandLine);
        Assert.Contains("error", error.CompilerOutput);
        Assert.Contains(error.CompilerOutput, error.Message);
    }

    [Fact]
    public void Unknown_fixture()
    {
        Assert.Throws<FileNotFoundException>(() => NativePluginBuilder.BuildPlugin("no_such_fixture"));
    }

    [Fact]
    public void Benchmark_drivers_build_and_run()
    {
        Assert.Contains("mode=scap events=1000 ", Run(NativeFixtures.BenchLoop, NativeFixtures.Counter, "count=1000,batch=128", "1", "scap"));
        Assert.StartsWith("one_per_call_ns=", Run(NativeFixtures.BenchExtract, NativeFixtures.Extractor, "10"));
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("a\"b\\c", "\"a\\\"b\\\\c\"")]
    [InlineData("new\nline", "\"new\\012line\"")]
    [InlineData("é", "\"\\303\\251\"")]
    public void C_string_literals(string value, string literal)
    {
        Assert.Equal(literal, NativePluginBuilder.CString(value));
    }

    private static string Run(string executable, params string[] arguments)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output;
    }
}
