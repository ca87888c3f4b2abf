namespace Peregrine.Engine.Configuration.Binding;

/// <summary>
/// POSIX path arithmetic without touching the filesystem, as C++ <c>std::filesystem</c>'s
/// <c>lexically_normal</c> and <c>lexically_relative</c> do it (used to resolve a relative
/// plugin <c>library_path</c> against the plugins directory exactly as Falco does).
/// </summary>
internal static class LexicalPath
{
    /// <summary>Removes <c>.</c>, folds <c>name/..</c>, collapses separators; keeps a trailing separator.</summary>
    public static string Normalize(string path)
    {
        if (path.Length == 0) return "";
        var absolute = path[0] == '/';
        var parts = path.Split('/');
        var stack = new List<string>();
        var trailing = false;
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            var last = i == parts.Length - 1;
            switch (part)
            {
                case "":
                    if (last && i > 0) trailing = true;
                    break;
                case ".":
                    if (last) trailing = true;
                    break;
                case "..":
                    if (stack.Count > 0 && stack[^1] != "..")
                    {
                        stack.RemoveAt(stack.Count - 1);
                        if (last) trailing = true;
                    }
                    else if (absolute)
                    {
                        if (last) trailing = true;
                    }
                    else
                    {
                        stack.Add("..");
                        if (last) trailing = false;
                    }
                    break;
                default:
                    stack.Add(part);
                    if (last) trailing = false;
                    break;
            }
        }
        var joined = (absolute ? "/" : "") + string.Join('/', stack);
        if (trailing && stack.Count > 0) joined += "/";
        return joined.Length == 0 ? "." : joined;
    }

    /// <summary>
    /// Whether <paramref name="path"/> (normalized) stays inside <paramref name="directory"/>
    /// (normalized): its relative path from the directory has no <c>..</c> element.
    /// </summary>
    public static bool IsWithin(string path, string directory)
    {
        var target = Elements(path);
        var baseElements = Elements(directory);
        var common = 0;
        while (common < target.Count && common < baseElements.Count && target[common] == baseElements[common]) common++;
        if (common < baseElements.Count) return false;
        return !target.Skip(common).Contains("..");
    }

    private static List<string> Elements(string path)
    {
        var elements = new List<string>();
        if (path.StartsWith('/')) elements.Add("/");
        elements.AddRange(path.Split('/').Where(p => p.Length > 0 && p != "."));
        return elements;
    }
}
