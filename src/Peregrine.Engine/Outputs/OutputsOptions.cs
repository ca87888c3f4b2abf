namespace Peregrine.Engine.Outputs;

/// <summary>
/// The <c>falco.yaml</c> settings the outputs use, one property per key (named in each summary).
/// Defaults are those Falco applies when a key is absent, which for the <c>enabled</c> flags is
/// <c>false</c> (the shipped <c>falco.yaml</c> turns stdout and syslog on explicitly).
/// Members marked "Peregrine" have no Falco key.
/// </summary>
public sealed record OutputsOptions
{
    /// <summary>Falco's default <c>output_timeout</c>.</summary>
    public static readonly TimeSpan DefaultOutputTimeout = TimeSpan.FromMilliseconds(2000);

    /// <summary><c>json_output</c>: the engine formats JSON lines; the http channel sends them as <c>application/json</c>.</summary>
    public bool JsonOutput { get; init; }

    /// <summary>
    /// <c>buffered_outputs</c> (default false). When false, stdout, file and program write each
    /// alert through at once. The engine sets it to false for <c>-U/--unbuffered</c>, as Falco.
    /// </summary>
    public bool BufferedOutputs { get; init; }

    /// <summary><c>outputs_queue.capacity</c>: alerts waiting for the channels; 0 means unbounded, as Falco.</summary>
    public int QueueCapacity { get; init; }

    /// <summary>
    /// <c>output_timeout</c> (default 2000 ms): a channel call taking longer is reported as blocked;
    /// at shutdown, no progress for this long means the channels are stuck and what is left is discarded.
    /// </summary>
    public TimeSpan OutputTimeout { get; init; } = DefaultOutputTimeout;

    /// <summary>
    /// Peregrine: how long a source waits for room in a full queue before the alert is dropped
    /// (Falco drops at once). Defaults to <see cref="OutputTimeout"/>'s default, 2 s.
    /// </summary>
    public TimeSpan QueueFullWait { get; init; } = DefaultOutputTimeout;

    /// <summary>Peregrine: the longest shutdown waits to drain the queue while the channels make progress (default 30 s).</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Peregrine: how often continued queue-full drops are summarised in the log (default 10 s).</summary>
    public TimeSpan DropReportInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The host name stamped on messages (see <see cref="AlertHostname.Resolve"/>).</summary>
    public string Hostname { get; init; } = string.Empty;

    /// <summary><c>stdout_output</c>.</summary>
    public StdoutOutputOptions Stdout { get; init; } = new();

    /// <summary><c>syslog_output</c>.</summary>
    public SyslogOutputOptions Syslog { get; init; } = new();

    /// <summary><c>file_output</c>.</summary>
    public FileOutputOptions File { get; init; } = new();

    /// <summary><c>program_output</c>.</summary>
    public ProgramOutputOptions Program { get; init; } = new();

    /// <summary><c>http_output</c>.</summary>
    public HttpOutputOptions Http { get; init; } = new();

    /// <summary>
    /// The configuration errors Falco treats as fatal, with its messages (the caller adds the
    /// <c>Error reading config file (…): </c> prefix where Falco does). Empty when usable.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (QueueCapacity < 0)
        {
            errors.Add("outputs_queue.capacity must not be negative");
        }

        if (OutputTimeout <= TimeSpan.Zero)
        {
            errors.Add("output_timeout must be positive");
        }

        if (File.Enabled && string.IsNullOrEmpty(File.Filename))
        {
            errors.Add("file output enabled but no filename in configuration block");
        }

        if (Program.Enabled && string.IsNullOrEmpty(Program.Program))
        {
            errors.Add("program output enabled but no program in configuration block");
        }

        if (Http.Enabled && string.IsNullOrEmpty(Http.Url))
        {
            errors.Add("http output enabled but no url in configuration block");
        }

        if (!File.Enabled && !Stdout.Enabled && !Syslog.Enabled && !Program.Enabled && !Http.Enabled)
        {
            errors.Add("No output configured, please make sure at least one output is configured and enabled.");
        }

        return errors;
    }
}

/// <summary><c>stdout_output</c>.</summary>
public sealed record StdoutOutputOptions
{
    /// <summary><c>stdout_output.enabled</c>.</summary>
    public bool Enabled { get; init; }
}

/// <summary><c>syslog_output</c>.</summary>
public sealed record SyslogOutputOptions
{
    /// <summary><c>syslog_output.enabled</c>.</summary>
    public bool Enabled { get; init; }
}

/// <summary><c>file_output</c>.</summary>
public sealed record FileOutputOptions
{
    /// <summary><c>file_output.enabled</c>.</summary>
    public bool Enabled { get; init; }

    /// <summary><c>file_output.keep_alive</c>: keep the file open; when false it is opened, appended to and closed for every alert.</summary>
    public bool KeepAlive { get; init; }

    /// <summary><c>file_output.filename</c>: appended to, created if missing.</summary>
    public string Filename { get; init; } = string.Empty;
}

/// <summary><c>program_output</c>.</summary>
public sealed record ProgramOutputOptions
{
    /// <summary><c>program_output.enabled</c>.</summary>
    public bool Enabled { get; init; }

    /// <summary><c>program_output.keep_alive</c>: one long-lived process fed line by line; when false, one process per alert.</summary>
    public bool KeepAlive { get; init; }

    /// <summary><c>program_output.program</c>: a shell command line, run as <c>/bin/sh -c &lt;program&gt;</c> (Falco uses popen).</summary>
    public string Program { get; init; } = string.Empty;
}

/// <summary><c>http_output</c>.</summary>
public sealed record HttpOutputOptions
{
    /// <summary>Falco's <c>http_output.ca_path</c> default, which is also the system store.</summary>
    public const string DefaultCaPath = "/etc/ssl/certs";

    /// <summary><c>http_output.enabled</c>.</summary>
    public bool Enabled { get; init; }

    /// <summary><c>http_output.url</c>; surrounding quotes are removed and the text unescaped, as Falco.</summary>
    public string Url { get; init; } = string.Empty;

    /// <summary><c>http_output.user_agent</c>; empty sends no User-Agent header.</summary>
    public string UserAgent { get; init; } = "falcosecurity/falco";

    /// <summary><c>http_output.insecure</c>: do not verify the server's certificate nor its name.</summary>
    public bool Insecure { get; init; }

    /// <summary><c>http_output.ca_cert</c>: a PEM file whose certificates are the only trusted roots.</summary>
    public string CaCert { get; init; } = string.Empty;

    /// <summary><c>http_output.ca_bundle</c>: as <see cref="CaCert"/>, used when that is empty.</summary>
    public string CaBundle { get; init; } = string.Empty;

    /// <summary>
    /// <c>http_output.ca_path</c>: a folder of PEM certificates, used when both files above are empty.
    /// The default (<see cref="DefaultCaPath"/>) or empty means the system store.
    /// </summary>
    public string CaPath { get; init; } = DefaultCaPath;

    /// <summary><c>http_output.mtls</c>: present <see cref="ClientCert"/> / <see cref="ClientKey"/>.</summary>
    public bool Mtls { get; init; }

    /// <summary><c>http_output.client_cert</c>: PEM certificate.</summary>
    public string ClientCert { get; init; } = "/etc/ssl/certs/client.crt";

    /// <summary><c>http_output.client_key</c>: PEM private key.</summary>
    public string ClientKey { get; init; } = "/etc/ssl/certs/client.key";

    /// <summary><c>http_output.echo</c>: copy the server's answers to stdout.</summary>
    public bool Echo { get; init; }

    /// <summary>
    /// <c>http_output.compress_uploads</c>, with Falco 0.44's effect: libcurl's
    /// <c>CURLOPT_TRANSFER_ENCODING</c>, which asks the server for a gzip transfer-coded
    /// <em>answer</em> (<c>TE: gzip</c>) and leaves the uploaded body as it is, so receivers such
    /// as Falcosidekick keep accepting it. See <see cref="GzipRequestBody"/> for real compression.
    /// </summary>
    public bool CompressUploads { get; init; }

    /// <summary>
    /// Peregrine: gzip the request body and send <c>Content-Encoding: gzip</c>. Only for receivers
    /// that decode it (Falcosidekick does not).
    /// </summary>
    public bool GzipRequestBody { get; init; }

    /// <summary><c>http_output.keep_alive</c>: TCP keep-alive probes on the connection (curl's <c>CURLOPT_TCP_KEEPALIVE</c>); the connection is reused either way.</summary>
    public bool KeepAlive { get; init; }

    /// <summary><c>http_output.max_consecutive_timeouts</c> (default 5): a timed-out post is retried this many times.</summary>
    public byte MaxConsecutiveTimeouts { get; init; } = 5;

    /// <summary>Peregrine: the limit of one attempt, connection included (default 5 s). Falco sets none.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
