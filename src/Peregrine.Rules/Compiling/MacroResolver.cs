using Peregrine.Conditions.Syntax;

namespace Peregrine.Rules.Compiling;

/// <summary>
/// Replaces macro references (identifiers) with copies of the macros' trees, recursively, as
/// Falco's filter_macro_resolver does: a macro always behaves as if parenthesised. It records
/// every macro it expanded, every identifier it could not, and reference loops.
/// </summary>
public sealed class MacroResolver(IReadOnlyDictionary<string, Expr> macros) : ExprRewriter
{
    private readonly List<string> _path = [];

    /// <summary>Identifiers that name no visible macro, in order, with their positions.</summary>
    public List<(string Name, SourcePosition Position)> Unknown { get; } = [];

    /// <summary>Reference loops found, as messages with positions.</summary>
    public List<(string Message, SourcePosition Position)> Errors { get; } = [];

    /// <summary>Every macro expanded, in order (with repeats).</summary>
    public List<string> Resolved { get; } = [];

    public override Expr VisitIdentifier(IdentifierExpr e)
    {
        if (!macros.TryGetValue(e.Name, out var macro))
        {
            Unknown.Add((e.Name, e.Position));
            return e;
        }
        if (_path.Contains(e.Name))
        {
            Errors.Add(($"reference loop in macro '{e.Name}'", e.Position));
            Unknown.Add((e.Name, e.Position));
            return e;
        }
        _path.Add(e.Name);
        var expanded = Rewrite(macro);
        Resolved.Add(e.Name);
        _path.RemoveAt(_path.Count - 1);
        return expanded;
    }

    // Macros never appear inside checks: stop descending there.
    public override Expr VisitUnaryCheck(UnaryCheckExpr e) => e;
    public override Expr VisitBinaryCheck(BinaryCheckExpr e) => e;
}
