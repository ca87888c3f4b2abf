using Microsoft.Extensions.Hosting;

namespace Peregrine.Plugins.K8sAudit.Webhook;

/// <summary>
/// Replaces the host's default console lifetime, which would take over SIGINT, SIGTERM and
/// SIGQUIT: the webhook lives inside Peregrine (or Falco), and the process, not the plugin,
/// decides when to stop. The stream starts and stops the web host itself.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
