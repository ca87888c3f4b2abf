using System.IO.Compression;
using System.Text;

namespace Peregrine.Plugins.CloudTrail.Tests;

/// <summary>A temporary directory of CloudTrail log files, deleted on dispose.</summary>
internal sealed class TempLogs : IDisposable
{
    public TempLogs()
    {
        Root = Path.Join(Path.GetTempPath(), "ct-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>A log file's text: <c>{"Records": [ ... ]}</c> around the records.</summary>
    public static string LogText(params string[] records) => "{\"Records\": [\n" + string.Join(",\n", records) + "\n]}";

    /// <summary>Writes a log file holding <paramref name="records"/> at <paramref name="relativePath"/>.</summary>
    public string Write(string relativePath, params string[] records) => WriteText(relativePath, LogText(records));

    /// <summary>Writes <paramref name="text"/> at <paramref name="relativePath"/>, gzipped when the name ends in .gz.</summary>
    public string WriteText(string relativePath, string text) => WriteBytes(relativePath, Encoding.UTF8.GetBytes(text));

    public string WriteBytes(string relativePath, byte[] bytes)
    {
        var path = Path.Join(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, relativePath.EndsWith(".gz", StringComparison.Ordinal) ? Gzip(bytes) : bytes);
        return path;
    }

    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
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
