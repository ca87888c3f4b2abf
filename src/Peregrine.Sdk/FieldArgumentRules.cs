namespace Peregrine.Sdk;

/// <summary>What a field accepts between brackets (<c>name[arg]</c>): the fields JSON <c>arg</c> object.</summary>
[Flags]
public enum FieldArgumentRules
{
    /// <summary>No argument allowed.</summary>
    None = 0,

    /// <summary>The argument may be a numeric index (<c>isIndex</c>).</summary>
    Index = 1 << 0,

    /// <summary>The argument may be a text key (<c>isKey</c>).</summary>
    Key = 1 << 1,

    /// <summary>An argument must be given (<c>isRequired</c>); combine with <see cref="Index"/> or <see cref="Key"/>.</summary>
    Required = 1 << 2,
}
