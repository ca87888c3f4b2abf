namespace Peregrine.Cli.Tests.Support;

/// <summary>
/// Rules over the counter plugin's events (values 0..count-1, in order) and the text Peregrine
/// prints for them. The counter stamps the event of value n with 10^18 + n ns, which is
/// 2001-09-09 01:46:40 UTC plus n ns, so alert times are known in advance.
/// </summary>
internal static class CounterRules
{
    /// <summary>Values 0, 2, 4, 6, 8 of ten.</summary>
    public static readonly string Even = FalcoYaml.Rule("even", "counter.even = true", "even %counter.value", "WARNING", tags: "[parity]");

    /// <summary>Values 6, 7, 8, 9 of ten.</summary>
    public static readonly string Big = FalcoYaml.Rule("big", "counter.value > 5", "big %counter.value", "ERROR", tags: "[size]");

    /// <summary>Value 3.</summary>
    public static readonly string Three = FalcoYaml.Rule("three", "counter.value = 3", "three %counter.value", "INFORMATIONAL");

    /// <summary>The three rules above, in that order.</summary>
    public static string EvenBigThree => Even + Big + Three;

    /// <summary>The text alert line of counter value <paramref name="value"/>.</summary>
    public static string Alert(int value, string priority, string message) => $"01:46:40.{value:D9}: {priority} {message}";

    /// <summary>
    /// A workspace with <c>rules.yaml</c> holding <paramref name="rules"/> and <c>falco.yaml</c>
    /// loading the counter plugin with <paramref name="openParams"/> and that file; returns the
    /// path of falco.yaml.
    /// </summary>
    public static string WriteConfig(Workspace workspace, string rules, string openParams = "count=10", string extra = "")
    {
        var rulesFile = workspace.Write("rules.yaml", rules);
        return workspace.Write("falco.yaml", FalcoYaml.Config([FalcoYaml.Counter(openParams)], [rulesFile], extra));
    }
}
