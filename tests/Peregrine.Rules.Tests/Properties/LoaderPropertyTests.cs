using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Peregrine.Rules.Loading;
using Peregrine.Rules.Tests.Support;

namespace Peregrine.Rules.Tests.Properties;

/// <summary>
/// Random and mutated rules files never crash the loader: it always returns a load result, and
/// every error or warning carries a location chain starting at the file.
/// </summary>
public sealed class LoaderPropertyTests
{
    private static readonly string[] Seeds =
    [
        ReferenceSources.RulesFile("current/k8s_audit_rules_gke.yaml"),
        """
        - required_engine_version: 0.31.0
        - required_plugin_versions:
          - name: k8saudit
            version: 0.1.0
            alternatives: [{name: k8saudit-eks, version: 0.2.0}]
        - list: shells
          items: [bash, "zsh", 'sh -c']
        - macro: is_shell
          condition: dt.name in (shells)
        - rule: r1
          desc: d
          condition: is_shell and not dt.num > 3
          output: "name=%dt.name num=%3dt.num"
          priority: WARNING
          source: test
          tags: [a, b]
          exceptions:
            - name: e1
              fields: [dt.name, dt.path]
              comps: [=, startswith]
              values: [[bash, /tmp], [zsh, [/a, /b]]]
        - rule: r1
          override:
            condition: append
            exceptions: append
          condition: and dt.flag = true
          exceptions:
            - name: e1
              values: [[sh, /x]]
        """,
    ];

    private static readonly string[] Fragments =
    [
        "\n", "- ", "  ", ":", " ", "rule", "macro", "list", "condition", "override", "append", "items", "exceptions",
        "[", "]", "{", "}", "\"", "'", "#", "---", "%", "dt.name", "and", "or", "not", "(", ")", ",", "true", "null", "~",
        "&a", "*a", "|", ">", "\t", "é", "0.62.0", "priority", "INFO", "source: test",
    ];

    public static Arbitrary<string> Inputs()
    {
        var mutated =
            from seed in Gen.Elements(Seeds)
            from edits in Gen.Choose(1, 6)
            from positions in Gen.Choose(0, 5000).ArrayOf(edits)
            from kinds in Gen.Choose(0, 2).ArrayOf(edits)
            from inserts in Gen.Elements(Fragments).ArrayOf(edits)
            select Mutate(seed, positions, kinds, inserts);
        var soup = Gen.Elements(Fragments).ListOf().Select(parts => string.Concat(parts));
        return Gen.OneOf(mutated, mutated, soup).ToArbitrary();
    }

    [Property(MaxTest = 500, Arbitrary = [typeof(LoaderPropertyTests)])]
    public bool Never_crashes_and_always_returns_a_result(string content) => Check(content);

    [Property(MaxTest = 300)]
    public bool Never_crashes_on_any_text(NonNull<string> content) => Check(content.Get);

    private static bool Check(string content)
    {
        var loader = new RulesLoader(TestSources.Create());
        var result = loader.Load("fuzz.yaml", content);
        var contexts = result.Errors.Select(e => e.Context).Concat(result.Warnings.Select(w => w.Context));
        foreach (var context in contexts)
        {
            if (context.Locations.Count == 0 || context.Locations[0].ItemType != ItemType.RulesContent) return false;
            Snippet.For(context, loader.Contents); // must not throw either
        }
        LoadResultJson.Results([result], loader.Contents);
        LoadResultText.Verbose(result, loader.Contents);
        return result.Successful == (result.Errors.Count == 0);
    }

    private static string Mutate(string seed, int[] positions, int[] kinds, string[] inserts)
    {
        var s = seed;
        for (var i = 0; i < positions.Length; i++)
        {
            var at = positions[i] % (s.Length + 1);
            s = kinds[i] switch
            {
                0 => s.Insert(at, inserts[i]),
                1 when s.Length > 0 => s.Remove(Math.Min(at, s.Length - 1), 1),
                _ when s.Length > 0 => s.Remove(Math.Min(at, s.Length - 1), 1).Insert(Math.Min(at, s.Length - 1), inserts[i]),
                _ => s,
            };
        }
        return s;
    }
}
