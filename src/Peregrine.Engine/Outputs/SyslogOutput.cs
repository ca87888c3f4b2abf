using System.Net.Sockets;
using System.Text;

namespace Peregrine.Engine.Outputs;

/// <summary>
/// <c>syslog_output</c>: each alert sent to the local syslog socket as Falco's <c>syslog(3)</c>
/// call sends it: facility <c>user</c>, severity from the rule priority (Falco's priorities are
/// the syslog levels), no trailing newline, in the BSD format glibc writes,
/// <c>&lt;PRI&gt;Mmm dd hh:mm:ss TAG: line</c>, local time, the tag being the program name (Falco
/// never calls openlog). A datagram socket is tried first, then a stream socket (the message
/// then ends with a NUL, as glibc). A failed send reconnects and retries once; a second failure
/// fails the alert for this channel.
/// </summary>
public sealed class SyslogOutput : IAlertOutput
{
    private const int FacilityUser = 1 << 3;

    /// <summary>A full socket blocks syslog(3) indefinitely; here a send gives up after this long.</summary>
    private const int SendTimeoutMs = 5000;
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private readonly string _socketPath;
    private readonly byte[] _tag;
    private readonly Func<DateTime> _now;
    private byte[] _buffer = new byte[1024];
    private Socket? _socket;

    /// <param name="socketPath">The local syslog socket (<c>/dev/log</c>).</param>
    /// <param name="ident">The tag; null means the program's name.</param>
    public SyslogOutput(string socketPath = "/dev/log", string? ident = null)
        : this(socketPath, ident, static () => DateTime.Now)
    {
    }

    internal SyslogOutput(string socketPath, string? ident, Func<DateTime> now)
    {
        _socketPath = socketPath;
        _tag = Encoding.UTF8.GetBytes(ident ?? DefaultIdent());
        _now = now;
    }

    public string Name => "syslog";

    public void Write(AlertMessage alert, CancellationToken abort)
    {
        var stream = Connect(out var error);
        var length = Format(alert, stream);
        if (error is null && TrySend(length, out error))
        {
            return;
        }

        // The daemon may have restarted: reconnect once, as glibc does.
        Disconnect();
        stream = Connect(out error);
        if (error is null)
        {
            length = Format(alert, stream);
            if (TrySend(length, out error))
            {
                return;
            }

            Disconnect();
        }

        throw new OutputException($"cannot send to syslog socket {_socketPath}: {error}");
    }

    public void Reopen(CancellationToken abort) => Disconnect();

    public void Close(CancellationToken abort) => Disconnect();

    public void Dispose() => Disconnect();

    private bool Connect(out string? error)
    {
        error = null;
        if (_socket is not null)
        {
            return _socket.SocketType == SocketType.Stream;
        }

        // glibc tries a datagram socket first, then a stream socket (EPROTOTYPE).
        foreach (var type in new[] { SocketType.Dgram, SocketType.Stream })
        {
            var socket = new Socket(AddressFamily.Unix, type, ProtocolType.Unspecified) { SendTimeout = SendTimeoutMs };
            try
            {
                socket.Connect(new UnixDomainSocketEndPoint(_socketPath));
                _socket = socket;
                error = null;
                return type == SocketType.Stream;
            }
            catch (SocketException e)
            {
                socket.Dispose();
                error ??= e.Message;
            }
        }

        return false;
    }

    private bool TrySend(int length, out string? error)
    {
        try
        {
            var sent = 0;
            while (sent < length)
            {
                sent += _socket!.Send(_buffer, sent, length - sent, SocketFlags.None);
                if (_socket.SocketType == SocketType.Dgram)
                {
                    break;
                }
            }

            error = null;
            return true;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            error = e.Message;
            return false;
        }
    }

    private void Disconnect()
    {
        _socket?.Dispose();
        _socket = null;
    }

    /// <summary><c>&lt;PRI&gt;Mmm dd hh:mm:ss TAG: line</c>, plus a NUL on a stream socket.</summary>
    private int Format(AlertMessage alert, bool stream)
    {
        var line = alert.Line;
        var needed = 40 + _tag.Length + line.Length + 1;
        if (_buffer.Length < needed)
        {
            _buffer = new byte[Math.Max(needed, _buffer.Length * 2)];
        }

        var span = _buffer.AsSpan();
        var n = 0;
        span[n++] = (byte)'<';
        ((int)alert.Priority + FacilityUser).TryFormat(span[n..], out var w);
        n += w;
        span[n++] = (byte)'>';

        var now = _now();
        n += Encoding.ASCII.GetBytes(Months[now.Month - 1], span[n..]);
        span[n++] = (byte)' ';
        span[n++] = now.Day < 10 ? (byte)' ' : (byte)('0' + (now.Day / 10));
        span[n++] = (byte)('0' + (now.Day % 10));
        span[n++] = (byte)' ';
        n += TwoDigits(span[n..], now.Hour);
        span[n++] = (byte)':';
        n += TwoDigits(span[n..], now.Minute);
        span[n++] = (byte)':';
        n += TwoDigits(span[n..], now.Second);
        span[n++] = (byte)' ';

        _tag.CopyTo(span[n..]);
        n += _tag.Length;
        span[n++] = (byte)':';
        span[n++] = (byte)' ';
        line.CopyTo(span[n..]);
        n += line.Length;
        if (stream)
        {
            span[n++] = 0;
        }

        return n;
    }

    private static int TwoDigits(Span<byte> span, int value)
    {
        span[0] = (byte)('0' + (value / 10));
        span[1] = (byte)('0' + (value % 10));
        return 2;
    }

    private static string DefaultIdent()
    {
        var path = Environment.ProcessPath;
        return string.IsNullOrEmpty(path) ? "peregrine" : Path.GetFileName(path);
    }
}
