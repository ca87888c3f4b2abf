using Peregrine.Engine.Outputs;
using Peregrine.Engine.Logging;

namespace Peregrine.Engine.Tests.Outputs;

/// <summary>Building the channels from configuration, and the configuration checks.</summary>
public class OutputChannelsTests
{
    [Fact]
    public void Channels_come_in_Falcos_order_whatever_the_configuration_order()
    {
        using var dir = new TempDir();
        var options = new OutputsOptions
        {
            Http = new HttpOutputOptions { Enabled = true, Url = "http://127.0.0.1:9/" },
            Program = new ProgramOutputOptions { Enabled = true, Program = "cat > /dev/null" },
            Syslog = new SyslogOutputOptions { Enabled = true },
            Stdout = new StdoutOutputOptions { Enabled = true },
            File = new FileOutputOptions { Enabled = true, Filename = dir.File("f") },
        };
        var environment = new OutputsEnvironment { StandardOutput = new RecordingStream(), SyslogSocketPath = dir.File("log") };
        var outputs = OutputChannels.Create(options, OutputLog.Null, environment, out var errors);
        try
        {
            Assert.Empty(errors);
            Assert.Equal(["file", "stdout", "syslog", "program", "http"], outputs.Select(o => o.Name));
        }
        finally
        {
            foreach (var output in outputs)
            {
                output.Dispose();
            }
        }
    }

    [Fact]
    public void A_channel_that_fails_to_initialise_is_logged_listed_and_left_out()
    {
        var log = new RecordingLog();
        var stdout = new RecordingStream();
        var options = new OutputsOptions
        {
            Hostname = "h",
            Stdout = new StdoutOutputOptions { Enabled = true },
            Http = new HttpOutputOptions { Enabled = true, Url = "https://127.0.0.1:9/", CaCert = "/nonexistent/ca.pem" },
        };
        var pipeline = OutputsPipeline.Create(options, log, new OutputsEnvironment { StandardOutput = stdout });

        Assert.Equal(["stdout"], pipeline.OutputNames);
        var error = Assert.Single(pipeline.InitErrors);
        Assert.StartsWith("Failed to init output: http: cannot read http_output.ca_cert /nonexistent/ca.pem", error);
        Assert.True(log.Contains(LogLevel.Error, error));

        pipeline.TryEnqueue(Alerts.Header(), "still delivered"u8);
        pipeline.Shutdown(TimeSpan.FromSeconds(10));
        Assert.Equal("still delivered\n", stdout.Text);
    }

    [Fact]
    public void Validation_reports_Falcos_configuration_errors()
    {
        var options = new OutputsOptions
        {
            QueueCapacity = -1,
            File = new FileOutputOptions { Enabled = true },
            Program = new ProgramOutputOptions { Enabled = true },
            Http = new HttpOutputOptions { Enabled = true },
        };
        Assert.Equal(
            [
                "outputs_queue.capacity must not be negative",
                "file output enabled but no filename in configuration block",
                "program output enabled but no program in configuration block",
                "http output enabled but no url in configuration block",
            ],
            options.Validate());
        Assert.Equal(
            ["No output configured, please make sure at least one output is configured and enabled."],
            new OutputsOptions().Validate());
        Assert.Empty(new OutputsOptions { Syslog = new SyslogOutputOptions { Enabled = true } }.Validate());
    }

    [Fact]
    public void Defaults_are_Falcos()
    {
        var options = new OutputsOptions();
        Assert.Equal(TimeSpan.FromMilliseconds(2000), options.OutputTimeout);
        Assert.False(options.BufferedOutputs);
        Assert.Equal(0, options.QueueCapacity);
        Assert.Equal("falcosecurity/falco", options.Http.UserAgent);
        Assert.Equal("/etc/ssl/certs", options.Http.CaPath);
        Assert.Equal(("/etc/ssl/certs/client.crt", "/etc/ssl/certs/client.key"), (options.Http.ClientCert, options.Http.ClientKey));
        Assert.Equal(5, options.Http.MaxConsecutiveTimeouts);
        Assert.False(options.File.KeepAlive || options.Program.KeepAlive || options.Http.KeepAlive);
    }

    [Fact]
    public void The_host_name_comes_from_FALCO_HOSTNAME_when_set()
    {
        var saved = Environment.GetEnvironmentVariable(AlertHostname.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(AlertHostname.EnvironmentVariable, "override.example.com");
            var log = new RecordingLog();
            Assert.Equal("override.example.com", AlertHostname.Resolve(log));
            Assert.True(log.Contains(LogLevel.Info, "Hostname value has been overridden via environment variable to: override.example.com"));

            Environment.SetEnvironmentVariable(AlertHostname.EnvironmentVariable, null);
            Assert.Equal(System.Net.Dns.GetHostName(), AlertHostname.Resolve());
        }
        finally
        {
            Environment.SetEnvironmentVariable(AlertHostname.EnvironmentVariable, saved);
        }
    }
}
