using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Peregrine.TestSupport;

/// <summary>
/// Compiles the C fixtures in <c>NativePlugins/</c> with gcc, on demand, from any test project.
/// A build is identified by the fixture's source, every header next to it, the defines and the
/// compiler's version; its output is cached under <see cref="CacheDirectory"/> by that hash, so a
/// fixture is compiled once per machine and configuration. Safe to call from parallel tests and
/// from several processes (outputs are written to a temporary file and renamed into place).
/// </summary>
public static class NativePluginBuilder
{
    private static readonly ConcurrentDictionary<string, Lazy<string>> Builds = new(StringComparer.Ordinal);
    private static readonly Lazy<string> CompilerIdentity = new(ReadCompilerIdentity);

    /// <summary>The compiler to run (the <c>CC</c> environment variable, or gcc).</summary>
    public static string Compiler { get; } = Environment.GetEnvironmentVariable("CC") is { Length: > 0 } cc ? cc : "gcc";

    /// <summary>Where the fixture sources are (copied next to the test assemblies).</summary>
    public static string SourceDirectory { get; } = FindSourceDirectory();

    /// <summary>
    /// Where built fixtures are kept: <c>PEREGRINE_NATIVE_CACHE</c> if set, otherwise a folder in
    /// the system temp directory.
    /// </summary>
    public static string CacheDirectory { get; } =
        Environment.GetEnvironmentVariable("PEREGRINE_NATIVE_CACHE") is { Length: > 0 } dir
            ? dir
            : Path.Combine(Path.GetTempPath(), "peregrine-native-fixtures");

    /// <summary>
    /// Builds <c>NativePlugins/&lt;fixture&gt;.c</c> as a shared library and returns its path.
    /// </summary>
    /// <param name="fixture">File name without <c>.c</c>, e.g. <c>counter</c>.</param>
    /// <param name="defines">Preprocessor defines; a null value defines the name alone. Values are
    /// C tokens, so pass strings through <see cref="CString"/>.</param>
    /// <exception cref="NativeBuildException">gcc failed.</exception>
    public static string BuildPlugin(string fixture, IReadOnlyDictionary<string, string?>? defines = null) =>
        Build(fixture, defines, sharedLibrary: true);

    /// <summary>Builds <c>NativePlugins/&lt;fixture&gt;.c</c> as an executable and returns its path.</summary>
    public static string BuildExecutable(string fixture, IReadOnlyDictionary<string, string?>? defines = null) =>
        Build(fixture, defines, sharedLibrary: false);

    /// <summary>A C string literal for <paramref name="value"/>, for use as a define value.</summary>
    public static string CString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder("\"");
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            switch (b)
            {
                case (byte)'"':
                    builder.Append("\\\"");
                    break;
                case (byte)'\\':
                    builder.Append("\\\\");
                    break;
                case >= 0x20 and < 0x7f:
                    builder.Append((char)b);
                    break;
                default:
                    // Octal escapes cannot swallow a following digit the way \x escapes can.
                    builder.Append('\\').Append(Convert.ToString(b, 8).PadLeft(3, '0'));
                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    private static string Build(string fixture, IReadOnlyDictionary<string, string?>? defines, bool sharedLibrary)
    {
        ArgumentException.ThrowIfNullOrEmpty(fixture);
        var source = Path.Combine(SourceDirectory, fixture + ".c");
        if (!File.Exists(source))
        {
            throw new FileNotFoundException($"no native fixture named '{fixture}' in {SourceDirectory}", source);
        }

        var arguments = Arguments(source, defines, sharedLibrary);
        var key = Hash(source, arguments);
        var output = Path.Combine(CacheDirectory, sharedLibrary ? $"lib{fixture}-{key}.so" : $"{fixture}-{key}");
        var lazy = Builds.GetOrAdd(output, path => new Lazy<string>(() => Compile(fixture, path, arguments), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch
        {
            // Let a later call retry (e.g. after the cause was fixed) instead of caching the failure.
            Builds.TryRemove(new KeyValuePair<string, Lazy<string>>(output, lazy));
            throw;
        }
    }

    private static List<string> Arguments(string source, IReadOnlyDictionary<string, string?>? defines, bool sharedLibrary)
    {
        var arguments = new List<string> { "-std=gnu11", "-O2", "-g", "-Wall", "-Wextra", "-I", SourceDirectory };
        if (sharedLibrary)
        {
            // Hidden by default: capabilities depend on which plugin_* symbols are exported, so
            // nothing else may leak out of a fixture.
            arguments.AddRange(["-fPIC", "-shared", "-fvisibility=hidden"]);
        }

        foreach (var (name, value) in (defines ?? new Dictionary<string, string?>()).OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            arguments.Add(value is null ? $"-D{name}" : $"-D{name}={value}");
        }

        arguments.Add(source);
        if (!sharedLibrary)
        {
            arguments.Add("-ldl");
        }

        return arguments;
    }

    private static string Hash(string source, List<string> arguments)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(CompilerIdentity.Value + "\n"));
        foreach (var argument in arguments)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(argument + "\n"));
        }

        sha.AppendData(File.ReadAllBytes(source));
        foreach (var header in Directory.GetFiles(SourceDirectory, "*.h").OrderBy(h => h, StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(header) + "\n"));
            sha.AppendData(File.ReadAllBytes(header));
        }

        return Convert.ToHexString(sha.GetHashAndReset())[..16].ToLowerInvariant();
    }

    private static string Compile(string fixture, string output, List<string> arguments)
    {
        if (File.Exists(output))
        {
            return output;
        }

        Directory.CreateDirectory(CacheDirectory);
        var temporary = output + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var all = new List<string>(arguments) { "-o", temporary };
        var (exitCode, text) = Run(Compiler, all);
        var commandLine = Compiler + " " + string.Join(' ', all.Select(Quote));
        if (exitCode != 0 || !File.Exists(temporary))
        {
            TryDelete(temporary);
            throw new NativeBuildException(fixture, commandLine, text);
        }

        try
        {
            File.Move(temporary, output, overwrite: false);
        }
        catch (IOException) when (File.Exists(output))
        {
            // Another process built the same thing first; both outputs are identical.
            TryDelete(temporary);
        }

        return output;
    }

    private static (int ExitCode, string Output) Run(string fileName, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return (process.ExitCode, stdout.Result + stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new NativeBuildException("(compiler)", fileName, $"cannot run the C compiler '{fileName}': {e.Message}. Install gcc or set CC.");
        }
    }

    private static string ReadCompilerIdentity()
    {
        var (exitCode, text) = Run(Compiler, ["--version"]);
        return exitCode == 0 ? text.Split('\n')[0].Trim() : Compiler;
    }

    private static string FindSourceDirectory()
    {
        var besideAssembly = Path.Combine(AppContext.BaseDirectory, "NativePlugins");
        if (Directory.Exists(besideAssembly))
        {
            return besideAssembly;
        }

        // Fall back to the repository layout (e.g. when run from a tool that does not copy content).
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Peregrine.TestSupport", "NativePlugins");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return besideAssembly;
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsLetterOrDigit(c) || "-_=./+,:".Contains(c)) ? argument : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
