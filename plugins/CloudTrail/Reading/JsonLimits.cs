using System.Text.Json;

namespace Peregrine.Plugins.CloudTrail.Reading;

/// <summary>Parser limits shared by everything that reads records.</summary>
internal static class JsonLimits
{
    // Request and response elements nest deeper than System.Text.Json's default of 64 allows for
    // some services; upstream's parser has no depth limit at all.
    public const int MaxDepth = 512;

    public static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = MaxDepth };

    public static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxDepth };
}
