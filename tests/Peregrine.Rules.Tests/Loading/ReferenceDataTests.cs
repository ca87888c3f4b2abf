using System.Security.Cryptography;

namespace Peregrine.Rules.Tests.Loading;

/// <summary>
/// The upstream reference data is used exactly as published: every file listed in
/// reference/SHA256SUMS still has its recorded digest, and no file was added unlisted.
/// </summary>
public sealed class ReferenceDataTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Reference");

    [Fact]
    public void Every_reference_file_matches_its_recorded_checksum()
    {
        var listed = File.ReadAllLines(Path.Combine(Root, "SHA256SUMS"))
            .Where(l => l.Length > 0)
            .Select(l => (Digest: l[..64], Path: l[66..].TrimStart('.', '/')))
            .ToList();
        Assert.NotEmpty(listed);
        foreach (var (digest, path) in listed)
        {
            using var stream = File.OpenRead(Path.Combine(Root, path));
            Assert.True(digest == Convert.ToHexStringLower(SHA256.HashData(stream)), $"{path} differs from the published reference data");
        }

        var present = Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f))
            .Where(f => f != "SHA256SUMS")
            .Order(StringComparer.Ordinal);
        Assert.Equal(listed.Select(l => l.Path).Order(StringComparer.Ordinal), present);
    }
}
