using Peregrine.Engine.Logging;

namespace Peregrine.Engine.Outputs;

/// <summary>The host name stamped on alerts (the <c>hostname</c> key of the JSON), resolved as Falco does.</summary>
public static class AlertHostname
{
    /// <summary>The environment variable that overrides the system host name.</summary>
    public const string EnvironmentVariable = "FALCO_HOSTNAME";

    /// <summary>
    /// <c>FALCO_HOSTNAME</c> when set (logged at info, as Falco), else the full system host name
    /// (<c>gethostname</c>, not truncated at the first dot as <see cref="Environment.MachineName"/> is).
    /// </summary>
    public static string Resolve(IOutputLog? log = null)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (fromEnvironment is not null)
        {
            log?.Log(LogLevel.Info, "Hostname value has been overridden via environment variable to: " + fromEnvironment);
            return fromEnvironment;
        }

        return System.Net.Dns.GetHostName();
    }
}
