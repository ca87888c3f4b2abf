namespace Peregrine.Conditions.Fields;

/// <summary>
/// How a numeric field is written out (libsinsp's print formats). Plugin fields are always
/// <see cref="Decimal"/>; some built-in fields differ (e.g. nanoseconds padded to 9 digits).
/// </summary>
public enum PrintFormat
{
    /// <summary>Not a number, or no numeric rendering: numbers then render as nothing.</summary>
    NotApplicable,
    Decimal,
    /// <summary>An identifier, written in decimal.</summary>
    Id,
    /// <summary>Decimal, zero-padded to at least 9 digits.</summary>
    PaddedDecimal,
    Hexadecimal,
    Octal,
}
