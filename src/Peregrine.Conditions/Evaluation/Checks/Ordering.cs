using System.Numerics;

namespace Peregrine.Conditions.Evaluation.Checks;

/// <summary>
/// A comparison operator as a type, so generic checks are specialised per operator by the JIT
/// and the per-event path has no operator switch.
/// </summary>
internal interface IOrdering
{
    static abstract bool Holds<T>(T left, T right) where T : IComparisonOperators<T, T, bool>;

    /// <summary>Whether the operator holds for a three-way comparison result (strcmp style).</summary>
    static abstract bool HoldsFor(int comparison);
}

internal readonly struct EqualTo : IOrdering
{
    public static bool Holds<T>(T l, T r) where T : IComparisonOperators<T, T, bool> => l == r;
    public static bool HoldsFor(int c) => c == 0;
}

internal readonly struct NotEqualTo : IOrdering
{
    public static bool Holds<T>(T l, T r) where T : IComparisonOperators<T, T, bool> => l != r;
    public static bool HoldsFor(int c) => c != 0;
}

internal readonly struct LessThan : IOrdering
{
    public static bool Holds<T>(T l, T r) where T : IComparisonOperators<T, T, bool> => l < r;
    public static bool HoldsFor(int c) => c < 0;
}

internal readonly struct LessOrEqual : IOrdering
{
    public static bool Holds<T>(T l, T r) where T : IComparisonOperators<T, T, bool> => l <= r;
    public static bool HoldsFor(int c) => c <= 0;
}

internal readonly struct GreaterThan : IOrdering
{
    public static bool Holds<T>(T l, T r) where T : IComparisonOperators<T, T, bool> => l > r;
    public static bool HoldsFor(int c) => c > 0;
}

internal readonly struct GreaterOrEqual : IOrdering
{
    public static bool Holds<T>(T l, T r) where T : IComparisonOperators<T, T, bool> => l >= r;
    public static bool HoldsFor(int c) => c >= 0;
}
