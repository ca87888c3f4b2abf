using Peregrine.Engine.Configuration;

namespace Peregrine.Engine.Tests.Configuration;

/// <summary>
/// A temporary working directory for configuration tests: files are written into it, and loads
/// run with it as the working directory and with a fixed set of environment variables (never the
/// process's own, so tests stay independent).
/// </summary>
internal sealed class ConfigTestDirectory : IDisposable
{
    public ConfigTestDirectory()
    {
        Root = Path.Combine(Path.GetTempPath(), "peregrine-config-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public ConfigurationLoadOptions Options => new()
    {
        WorkingDirectory = Root,
        GetEnvironmentVariable = name => Environment.TryGetValue(name, out var value) ? value : null,
        BundledPlugins = BundledPlugins,
    };

    /// <summary>The bundled plugins seen by loads: <c>bundled/</c> in this directory, empty until a test fills it.</summary>
    public BundledPlugins BundledPlugins => new(Path.Combine(Root, "bundled"), canLoadAssemblies: true);

    /// <summary>Writes a file (relative to the directory) and returns its path as given.</summary>
    public string Write(string relativePath, string content)
    {
        var full = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return relativePath;
    }

    public string Mkdir(string relativePath)
    {
        Directory.CreateDirectory(Path.Combine(Root, relativePath));
        return relativePath;
    }

    /// <summary>Loads <paramref name="path"/> (relative to this directory) with the given <c>-o</c> options.</summary>
    public ConfigurationLoadResult Load(string path, params string[] overrides) =>
        ConfigurationLoader.Load(Path.Combine(Root, path), overrides, Options);

    /// <summary>Writes <c>falco.yaml</c> with <paramref name="content"/> and loads it.</summary>
    public ConfigurationLoadResult LoadYaml(string content, params string[] overrides)
    {
        Write("falco.yaml", content);
        return Load("falco.yaml", overrides);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

internal static class ConfigAssert
{
    /// <summary>The load succeeded without any diagnostic; returns the configuration.</summary>
    public static FalcoConfiguration Clean(ConfigurationLoadResult result)
    {
        Assert.True(result.Diagnostics.Count == 0, "unexpected diagnostics:\n" + string.Join("\n", result.Diagnostics));
        return result.Configuration!;
    }

    /// <summary>The load succeeded (warnings allowed); returns the configuration.</summary>
    public static FalcoConfiguration Succeeded(ConfigurationLoadResult result)
    {
        Assert.True(result.Succeeded, "unexpected errors:\n" + string.Join("\n", result.Errors));
        return result.Configuration!;
    }

    /// <summary>The load failed with exactly one error; returns it.</summary>
    public static ConfigDiagnostic SingleError(ConfigurationLoadResult result)
    {
        Assert.False(result.Succeeded, "expected an error; diagnostics:\n" + string.Join("\n", result.Diagnostics));
        Assert.Null(result.Configuration);
        Assert.True(result.Errors.Count == 1, "expected one error:\n" + string.Join("\n", result.Errors));
        return result.Errors[0];
    }

    /// <summary>Renders a diagnostic with its location relative to the test directory, for golden comparisons.</summary>
    public static string Render(ConfigDiagnostic diagnostic, ConfigTestDirectory directory) =>
        diagnostic.ToString().Replace(directory.Root + "/", "", StringComparison.Ordinal);
}
