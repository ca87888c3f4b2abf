using System.Runtime.InteropServices;

namespace Peregrine.Conditions.Evaluation;

/// <summary>
/// One extracted value. Numeric and boolean values live in <see cref="Number"/>; strings,
/// buffers and IP addresses live as a byte range of the owning <see cref="FieldCache"/>'s
/// arena (<see cref="Offset"/>, <see cref="Length"/>). Sixteen bytes, no references, so the
/// per-event store is one flat array.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct FieldValue(ulong number, int offset, int length)
{
    public readonly ulong Number = number;
    public readonly int Offset = offset;
    public readonly int Length = length;
}
