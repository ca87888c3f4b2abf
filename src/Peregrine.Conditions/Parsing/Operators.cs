namespace Peregrine.Conditions.Parsing;

/// <summary>
/// The operator and transformer vocabulary of the grammar, in the order the parser tries them
/// and the order Falco lists them in error messages.
/// </summary>
public static class Operators
{
    /// <summary>Operators with no right-hand side.</summary>
    public static readonly string[] Unary = ["exists"];

    /// <summary>Operators whose right-hand side must be a number or a transformer.</summary>
    public static readonly string[] Numeric = ["<=", "<", ">=", ">"];

    /// <summary>
    /// Operators taking a string. Word operators must be followed by a blank; symbols need not.
    /// </summary>
    public static readonly string[] String =
        ["==", "=", "!=", "glob", "iglob", "contains", "icontains", "bcontains", "startswith", "bstartswith", "endswith", "regex"];

    /// <summary>Operators taking a list, a list name or a transformer.</summary>
    public static readonly string[] List = ["intersects", "in", "pmatch"];

    /// <summary>Modifiers that turn a string operator into a test against every list element (0.44).</summary>
    public static readonly string[] Modifiers = ["oneof", "anyof", "allof"];

    /// <summary>Transformer names, without <c>val</c>.</summary>
    public static readonly string[] Transformers = ["tolower", "toupper", "b64", "basename", "len", "join", "concat", "getopt"];

    /// <summary>The identity transformer that marks a right-hand side as a field.</summary>
    public const string Val = "val";

    /// <summary>Every operator in Falco's listing order: unary, numeric, string, list.</summary>
    public static IEnumerable<string> All => Unary.Concat(Numeric).Concat(String).Concat(List);

    /// <summary>Transformers as Falco lists them in messages (with <c>val</c> first).</summary>
    public static IEnumerable<string> TransformersWithVal => new[] { Val }.Concat(Transformers);

    /// <summary><c>'a', 'b', 'c'</c>: the quoting Falco uses when it lists tokens in a message.</summary>
    public static string Quoted(IEnumerable<string> tokens) => string.Join(", ", tokens.Select(t => "'" + t + "'"));
}
