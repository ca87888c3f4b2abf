namespace Peregrine.Plugins.CloudTrail.Aws;

/// <summary>
/// Reads the region of a profile from an AWS shared config file (INI: <c>[default]</c> or
/// <c>[profile name]</c> sections with <c>region = ...</c>). Only the region is read here; the
/// SDK reads credentials. A missing or unreadable file has no region.
/// </summary>
internal static class SharedConfigFile
{
    public static string? Region(string path, string profile)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var wanted = profile == "default" ? "default" : "profile " + profile;
        var inSection = false;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                var name = line[1..^1].Trim();
                inSection = name == wanted || (profile == "default" && name == "profile default");
                continue;
            }

            var equals = line.IndexOf('=');
            if (inSection && equals > 0 && line[..equals].Trim() == "region")
            {
                var value = line[(equals + 1)..].Trim();
                return value.Length > 0 ? value : null;
            }
        }

        return null;
    }
}
