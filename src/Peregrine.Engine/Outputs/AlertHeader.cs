using Peregrine.Rules;

namespace Peregrine.Engine.Outputs;

/// <summary>
/// What the engine knows about an alert besides its formatted line. Every member is shared
/// (the rule's name and tag set, the source name), so passing one copies references only.
/// </summary>
/// <param name="Priority">The rule's priority (for internal messages, the message's).</param>
/// <param name="Rule">The rule name.</param>
/// <param name="Source">The event source, or <see cref="InternalSource"/> for Falco-style internal messages.</param>
/// <param name="TimeNs">The event time in nanoseconds since the Unix epoch.</param>
/// <param name="Tags">The rule's tags; kept by reference, never copied, so it must not change afterwards.</param>
public readonly record struct AlertHeader(Priority Priority, string Rule, string Source, ulong TimeNs, IReadOnlyCollection<string> Tags)
{
    /// <summary>The source of messages the engine emits itself (drops, metrics), as Falco.</summary>
    public const string InternalSource = "internal";

    public static IReadOnlyCollection<string> NoTags { get; } = [];
}
