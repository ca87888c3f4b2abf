namespace Peregrine.Rules.Loading;

/// <summary>A load error: its code, Falco's message, and where it comes from.</summary>
public sealed record LoadError(LoadErrorCode Code, string Message, LoadContext Context);

/// <summary>
/// A load warning. <see cref="DeprecatedField"/> is set for the deprecated-field flavour of
/// LOAD_DEPRECATED_ITEM (use of <c>evt.dir</c>, <c>evt.latency</c>...), which Falco reports
/// with an extra JSON key and a longer short text.
/// </summary>
public sealed record LoadWarning(LoadWarningCode Code, string Message, LoadContext Context, string? DeprecatedField = null)
{
    /// <summary>The short text Falco prints in parentheses after the code.</summary>
    public string ShortText => DeprecatedField is null ? Code.Text() : $"{Code.Text()}: field '{DeprecatedField}'";
}

/// <summary>The fields whose use Falco 0.42+ reports as deprecated, with the explanation it gives.</summary>
public static class DeprecatedFields
{
    private const string LatencyExplanation = "field is not available due to the drop of enter events.";

    public static readonly IReadOnlyList<(string Name, string Explanation)> All =
    [
        ("evt.dir", "due to the drop of enter events, 'evt.dir = <' always evaluates to true, and 'evt.dir = >' always evaluates to false. The rule expression can be simplified by removing the condition on 'evt.dir'"),
        ("evt.latency", LatencyExplanation),
        ("evt.latency.s", LatencyExplanation),
        ("evt.latency.ns", LatencyExplanation),
        ("evt.latency.human", LatencyExplanation),
        ("evt.wait_latency", LatencyExplanation),
    ];

    public static string? ExplanationOf(string field) =>
        All.FirstOrDefault(f => f.Name == field).Explanation;
}
