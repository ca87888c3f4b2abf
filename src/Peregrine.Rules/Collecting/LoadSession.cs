using Peregrine.Rules.Loading;

namespace Peregrine.Rules.Collecting;

/// <summary>
/// What reading and compiling one file needs to know: the file, where messages go, and which
/// event sources are loaded (rules of other sources are kept but skipped).
/// </summary>
public sealed class LoadSession(string name, string content, LoadResult result, IRuleSources sources)
{
    public string Name { get; } = name;
    public string Content { get; } = content;
    public LoadResult Result { get; } = result;
    public IRuleSources Sources { get; } = sources;
}
