namespace Peregrine.Conditions.Syntax;

/// <summary>
/// A place in a condition text, counted the way libsinsp counts it: <see cref="Offset"/> is the
/// 0-based byte offset into the UTF-8 text, <see cref="Line"/> and <see cref="Column"/> are 1-based
/// and the column also advances per byte. Matching Falco byte for byte keeps error locations
/// and <c>-V</c> snippets identical for non-ASCII conditions too.
/// </summary>
public readonly record struct SourcePosition(int Offset, int Line, int Column)
{
    /// <summary>The start of a text.</summary>
    public static readonly SourcePosition Start = new(0, 1, 1);

    public override string ToString() => $"index {Offset}, line {Line}, column {Column}";
}
