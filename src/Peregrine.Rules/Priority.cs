namespace Peregrine.Rules;

/// <summary>Rule priorities, most severe first (a lower value is more severe).</summary>
public enum Priority
{
    Emergency,
    Alert,
    Critical,
    Error,
    Warning,
    Notice,
    Informational,
    Debug,
}

public static class Priorities
{
    private static readonly string[] Names = ["Emergency", "Alert", "Critical", "Error", "Warning", "Notice", "Informational", "Debug"];

    /// <summary>Case-insensitive, with <c>info</c> accepted for Informational.</summary>
    public static bool TryParse(string text, out Priority priority)
    {
        for (var i = 0; i < Names.Length; i++)
        {
            if (string.Equals(text, Names[i], StringComparison.OrdinalIgnoreCase)
                || (i == (int)Priority.Informational && string.Equals(text, "info", StringComparison.OrdinalIgnoreCase)))
            {
                priority = (Priority)i;
                return true;
            }
        }
        priority = Priority.Debug;
        return false;
    }

    /// <summary>The long name Falco prints (<c>Informational</c>, never <c>Info</c>).</summary>
    public static string Name(this Priority priority) => Names[(int)priority];
}
