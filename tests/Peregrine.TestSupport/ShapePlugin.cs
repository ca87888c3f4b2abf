namespace Peregrine.TestSupport;

/// <summary>Builds variants of the shape.c fixture plugin (see the comment at the top of shape.c).</summary>
public static class ShapePlugin
{
    /// <summary>
    /// Each spec is <c>NAME</c> (a flag), <c>NAME=token</c> (a C token, e.g. a number) or
    /// <c>NAME:=text</c> (a C string literal of text).
    /// </summary>
    public static string Build(params string[] specs)
    {
        var defines = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            var equals = spec.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && spec[equals - 1] == ':')
            {
                defines[spec[..(equals - 1)]] = NativePluginBuilder.CString(spec[(equals + 1)..]);
            }
            else if (equals > 0)
            {
                defines[spec[..equals]] = spec[(equals + 1)..];
            }
            else
            {
                defines[spec] = null;
            }
        }

        return NativeFixtures.Shape(defines);
    }

    /// <summary>The symbols of a complete sourcing plugin with ID 5 and source "shape".</summary>
    public static readonly string[] Sourcing = ["SHAPE_OPEN", "SHAPE_CLOSE", "SHAPE_NEXT_BATCH", "SHAPE_ID=5", "SHAPE_EVENT_SOURCE:=shape"];

    /// <summary>A complete extraction plugin with one field.</summary>
    public static readonly string[] Extraction = ["SHAPE_FIELDS:=[{\"type\":\"string\",\"name\":\"shape.f\",\"desc\":\"d\"}]", "SHAPE_EXTRACT"];
}
