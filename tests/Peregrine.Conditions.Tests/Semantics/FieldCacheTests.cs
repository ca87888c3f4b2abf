using Peregrine.Conditions.Evaluation;
using Peregrine.Conditions.Tests.Support;

namespace Peregrine.Conditions.Tests.Semantics;

/// <summary>Each field is fetched at most once per event, however many checks and rules read it.</summary>
public sealed class FieldCacheTests
{
    [Fact]
    public void Field_read_by_several_checks_is_fetched_once()
    {
        var slots = new FieldSlotTable();
        var first = ConditionHarness.Compile("dt.name = x or dt.name = y or tolower(dt.name) = z", slots);
        var second = ConditionHarness.Compile("dt.name contains q and dt.num > 3", slots);
        var provider = new ScriptedProvider(new Dictionary<string, object?> { ["dt.name"] = "Z", ["dt.num"] = 4UL });
        var cache = new FieldCache(slots, provider);
        cache.Reset();
        Assert.True(first.Evaluate(cache));
        Assert.False(second.Evaluate(cache));
        Assert.Equal(1, provider.Fetches["dt.name"]);
        Assert.False(provider.Fetches.ContainsKey("dt.num")); // short-circuit: never needed
    }

    [Fact]
    public void Reset_starts_a_new_event()
    {
        var slots = new FieldSlotTable();
        var condition = ConditionHarness.Compile("dt.name = x", slots);
        var provider = new ScriptedProvider(new Dictionary<string, object?> { ["dt.name"] = "x" });
        var cache = new FieldCache(slots, provider);
        for (var i = 0; i < 3; i++)
        {
            cache.Reset();
            Assert.True(condition.Evaluate(cache));
        }
        Assert.Equal(3, provider.Fetches["dt.name"]);
    }

    [Fact]
    public void Missing_values_are_cached_too()
    {
        var slots = new FieldSlotTable();
        var condition = ConditionHarness.Compile("dt.maybe = a or dt.maybe = b or not dt.maybe exists", slots);
        var provider = new ScriptedProvider(new Dictionary<string, object?>());
        var cache = new FieldCache(slots, provider);
        cache.Reset();
        Assert.True(condition.Evaluate(cache));
        Assert.Equal(1, provider.Fetches["dt.maybe"]);
    }

    [Fact]
    public void Same_field_with_different_arguments_gets_different_slots()
    {
        var slots = new FieldSlotTable();
        var condition = ConditionHarness.Compile("dt.env[A] = 1 and dt.env[B] = 2 and dt.env[\"A\"] = 1", slots);
        var provider = new ScriptedProvider(new Dictionary<string, object?> { ["dt.env[A]"] = "1", ["dt.env[B]"] = "2" });
        var cache = new FieldCache(slots, provider);
        cache.Reset();
        Assert.True(condition.Evaluate(cache));
        Assert.Equal(1, provider.Fetches["dt.env[A]"]);
        Assert.Equal(1, provider.Fetches["dt.env[B]"]);
    }

    [Fact]
    public void Condition_lists_the_fields_it_reads()
    {
        var condition = ConditionHarness.Compile("dt.name = x and (dt.num = 1 or tolower(dt.cmd) = y) and dt.name != z");
        Assert.Equal(["dt.name", "dt.num", "dt.cmd"], condition.Fields.Select(f => f.Text));
    }

    [Fact]
    public void Field_reference_carries_index_and_key_arguments()
    {
        var condition = ConditionHarness.Compile("dt.tag[3] = a and dt.env[HOME] = b and dt.both[7] = c and dt.both[x] = d and dt.opt = e");
        var fields = condition.Fields.ToDictionary(f => f.Text);
        Assert.Equal(3UL, fields["dt.tag[3]"].ArgumentIndex);
        Assert.Null(fields["dt.tag[3]"].ArgumentKey);
        Assert.Equal("HOME", fields["dt.env[HOME]"].ArgumentKey);
        Assert.Equal(ulong.MaxValue, fields["dt.env[HOME]"].ArgumentIndex);
        Assert.Equal(7UL, fields["dt.both[7]"].ArgumentIndex);
        Assert.Equal("7", fields["dt.both[7]"].ArgumentKey);
        Assert.Equal(ulong.MaxValue, fields["dt.both[x]"].ArgumentIndex);
        Assert.Equal("x", fields["dt.both[x]"].ArgumentKey);
        Assert.False(fields["dt.opt"].ArgumentPresent);
    }
}
