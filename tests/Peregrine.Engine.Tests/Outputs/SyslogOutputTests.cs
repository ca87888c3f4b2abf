using System.Net.Sockets;
using System.Text;
using Peregrine.Engine.Outputs;
using Peregrine.Rules;

namespace Peregrine.Engine.Tests.Outputs;

/// <summary><c>syslog_output</c> against a private local socket.</summary>
public class SyslogOutputTests
{
    private static readonly DateTime Clock = new(2024, 3, 5, 7, 8, 9, DateTimeKind.Local);

    [Theory]
    [InlineData(Priority.Emergency, 8)]
    [InlineData(Priority.Warning, 12)]
    [InlineData(Priority.Informational, 14)]
    [InlineData(Priority.Debug, 15)]
    public void Sends_a_datagram_in_syslog3s_format_with_the_priority_as_severity(Priority priority, int pri)
    {
        using var dir = new TempDir();
        var path = dir.File("log");
        using var daemon = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        daemon.Bind(new UnixDomainSocketEndPoint(path));
        using var output = new SyslogOutput(path, "peregrine", () => Clock);

        output.Write(Alerts.Message("07:08:09.000000001: Warning A file was opened (user=root)", priority), default);

        var buffer = new byte[4096];
        daemon.ReceiveTimeout = 5000;
        var n = daemon.Receive(buffer);
        Assert.Equal($"<{pri}>Mar  5 07:08:09 peregrine: 07:08:09.000000001: Warning A file was opened (user=root)", Encoding.UTF8.GetString(buffer, 0, n));
    }

    [Fact]
    public void Falls_back_to_a_stream_socket_with_a_terminating_NUL()
    {
        using var dir = new TempDir();
        var path = dir.File("log");
        using var daemon = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        daemon.Bind(new UnixDomainSocketEndPoint(path));
        daemon.Listen();
        using var output = new SyslogOutput(path, "tag", () => new DateTime(2024, 12, 25, 23, 59, 58));

        output.Write(Alerts.Message("one"), default);
        output.Write(Alerts.Message("two"), default);

        using var connection = daemon.Accept();
        connection.ReceiveTimeout = 5000;
        var expected = "<12>Dec 25 23:59:58 tag: one\0<12>Dec 25 23:59:58 tag: two\0";
        var received = new List<byte>();
        var buffer = new byte[4096];
        while (received.Count < Encoding.UTF8.GetByteCount(expected))
        {
            var n = connection.Receive(buffer);
            Assert.True(n > 0);
            received.AddRange(buffer.AsSpan(0, n).ToArray());
        }

        Assert.Equal(expected, Encoding.UTF8.GetString(received.ToArray()));
    }

    [Fact]
    public void Without_a_syslog_daemon_the_alert_fails_and_the_next_one_tries_again()
    {
        using var dir = new TempDir();
        var path = dir.File("log");
        using var output = new SyslogOutput(path, "tag", () => Clock);
        var error = Assert.Throws<OutputException>(() => output.Write(Alerts.Message("lost"), default));
        Assert.Contains("cannot send to syslog socket " + path, error.Message);

        using var daemon = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        daemon.Bind(new UnixDomainSocketEndPoint(path));
        output.Write(Alerts.Message("delivered"), default);
        var buffer = new byte[1024];
        daemon.ReceiveTimeout = 5000;
        Assert.EndsWith("tag: delivered", Encoding.UTF8.GetString(buffer, 0, daemon.Receive(buffer)));
    }

    [Fact]
    public void A_restarted_daemon_is_reconnected_to()
    {
        using var dir = new TempDir();
        var path = dir.File("log");
        var first = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        first.Bind(new UnixDomainSocketEndPoint(path));
        using var output = new SyslogOutput(path, "tag", () => Clock);
        output.Write(Alerts.Message("before"), default);
        first.Dispose();
        File.Delete(path);

        using var second = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        second.Bind(new UnixDomainSocketEndPoint(path));
        output.Write(Alerts.Message("after"), default);
        var buffer = new byte[1024];
        second.ReceiveTimeout = 5000;
        Assert.EndsWith("tag: after", Encoding.UTF8.GetString(buffer, 0, second.Receive(buffer)));
    }
}
