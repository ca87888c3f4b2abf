using System.Text;
using BenchmarkDotNet.Attributes;
using Peregrine.Conditions.Binding;
using Peregrine.Conditions.Evaluation;
using Peregrine.Conditions.Fields;
using Peregrine.Conditions.Parsing;

namespace Peregrine.Benchmarks;

/// <summary>
/// 100 rules of 3 predicates each (string equality, prefix, negated 5-element set membership)
/// over the same few fields, in two shapes: the first predicate of every rule fails, or every
/// predicate runs. "Warm" reuses the event's cached values (pure evaluation); "PerEvent" starts
/// a new event each time, so each field is fetched once and then shared by the 100 rules.
/// Divide by 100 (first fails) or 300 (all run) for the cost per predicate.
/// </summary>
[MemoryDiagnoser]
public class ConditionEvaluationBenchmarks
{
    private const int Rules = 100;

    private static readonly FieldCatalog Catalog = new(
    [
        new FieldDefinition("proc.name", FieldType.String),
        new FieldDefinition("fd.name", FieldType.String),
        new FieldDefinition("user.name", FieldType.String),
    ]);

    private CompiledCondition[] _firstFails = [];
    private CompiledCondition[] _allRun = [];
    private FieldCache _cache = null!;

    [GlobalSetup]
    public void Setup()
    {
        var slots = new FieldSlotTable();
        _firstFails = Enumerable.Range(0, Rules)
            .Select(i => Compile(slots, $"proc.name = proc{i} and fd.name startswith /usr/lib{i} and not user.name in (u1, u2, u3, u4, u{i})"))
            .ToArray();
        _allRun = Enumerable.Range(0, Rules)
            .Select(i => Compile(slots, $"proc.name = bash and fd.name startswith /usr/lib and not user.name in (u1, u2, u3, u4, u{i + 10})"))
            .ToArray();
        _cache = new FieldCache(slots, new FixedEvent());
        _cache.Reset();
    }

    [Benchmark]
    public int FirstPredicateFails_Warm() => Run(_firstFails);

    [Benchmark]
    public int AllPredicatesRun_Warm() => Run(_allRun);

    [Benchmark]
    public int FirstPredicateFails_PerEvent()
    {
        _cache.Reset();
        return Run(_firstFails);
    }

    [Benchmark]
    public int AllPredicatesRun_PerEvent()
    {
        _cache.Reset();
        return Run(_allRun);
    }

    private int Run(CompiledCondition[] rules)
    {
        var matches = 0;
        foreach (var rule in rules)
        {
            if (rule.Evaluate(_cache)) matches++;
        }
        return matches;
    }

    private static CompiledCondition Compile(FieldSlotTable slots, string text)
    {
        var parsed = ConditionParser.Parse(text);
        var bound = new ConditionBinder(Catalog, slots).Bind(parsed.Expr!);
        return bound.Condition ?? throw new InvalidOperationException(bound.Error!.Message);
    }

    /// <summary>One event whose values are copied into the cache on first use, like an extraction.</summary>
    private sealed class FixedEvent : IFieldValueProvider
    {
        private static readonly byte[] ProcName = Encoding.UTF8.GetBytes("bash");
        private static readonly byte[] FdName = Encoding.UTF8.GetBytes("/usr/lib/x86_64-linux-gnu/libc.so.6");
        private static readonly byte[] UserName = Encoding.UTF8.GetBytes("root");

        public void Fetch(FieldCache cache, int slot, FieldReference field) =>
            cache.StoreBytes(slot, field.Definition.Name switch
            {
                "proc.name" => ProcName,
                "fd.name" => FdName,
                _ => UserName,
            });
    }
}
