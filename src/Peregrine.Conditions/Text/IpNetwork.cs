namespace Peregrine.Conditions.Text;

/// <summary>An IPv4 or IPv6 network (address and prefix length) tested for containment.</summary>
public sealed class IpNetwork
{
    private readonly byte[] _address;

    public IpNetwork(byte[] address, int prefixLength)
    {
        _address = address;
        PrefixLength = prefixLength;
    }

    /// <summary>4 for IPv4, 16 for IPv6.</summary>
    public int AddressLength => _address.Length;

    public int PrefixLength { get; }

    public ReadOnlySpan<byte> Address => _address;

    /// <summary>True when <paramref name="address"/> is of the same family and inside the network.</summary>
    public bool Contains(ReadOnlySpan<byte> address)
    {
        if (address.Length != _address.Length) return false;
        var fullBytes = PrefixLength / 8;
        if (!address[..fullBytes].SequenceEqual(_address.AsSpan(0, fullBytes))) return false;
        var rest = PrefixLength % 8;
        if (rest == 0) return true;
        var mask = (byte)(0xFF << (8 - rest));
        return (address[fullBytes] & mask) == (_address[fullBytes] & mask);
    }
}
