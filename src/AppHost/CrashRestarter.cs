using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Hosting;

namespace UnifiedCommerce.AppHost;

/// <summary>
/// Starts a long-running resource again when it exits on its own (a crash, a kill, running out of memory), after a
/// pause that doubles with each crash in a row (1 s, 2 s, 4 s ... 30 s) so a process that cannot start does not
/// spin. A resource that was asked to stop (from the dashboard, or the platform shutting down) passes through
/// Stopping first and stays stopped; nothing is restarted once the AppHost is shutting down.
/// </summary>
internal sealed class CrashRestarter(
    ResourceNotificationService notifications,
    ResourceCommandService commands,
    IHostApplicationLifetime lifetime,
    IReadOnlyCollection<IResource> supervised) : BackgroundService
{
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(30);

    // A process that ran this long before exiting counts as having recovered: its next crash starts at 1 s again.
    private static readonly TimeSpan Recovered = TimeSpan.FromMinutes(1);

    private static readonly HashSet<string> ExitStates = new(StringComparer.Ordinal)
    {
        KnownResourceStates.Exited, KnownResourceStates.Finished, KnownResourceStates.FailedToStart,
    };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var shutdown = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime.ApplicationStopping);
        var resources = supervised.ToDictionary(resource => resource.Name, StringComparer.Ordinal);
        var watched = new Dictionary<string, Supervision>(StringComparer.Ordinal);
        var restarts = new List<Task>();
        try
        {
            await foreach (var update in notifications.WatchAsync(shutdown.Token))
            {
                if (!resources.TryGetValue(update.Resource.Name, out var resource))
                {
                    continue;
                }

                var state = update.Snapshot.State?.Text;
                var supervision = watched.TryGetValue(resource.Name, out var known) ? known : watched[resource.Name] = new Supervision();
                var previous = supervision.State;
                supervision.State = state;
                if (state == previous)
                {
                    continue;
                }

                if (state == KnownResourceStates.Running)
                {
                    supervision.RunningSince = DateTimeOffset.UtcNow;
                    continue;
                }

                // Only an exit straight out of a live state is a crash: a requested stop goes through Stopping, and
                // a resource that never got going (still waiting for its dependencies) has nothing to restart.
                var wasLive = previous == KnownResourceStates.Running || previous == KnownResourceStates.Starting
                    || previous == KnownResourceStates.RuntimeUnhealthy;
                if (state is null || !ExitStates.Contains(state) || !wasLive || shutdown.IsCancellationRequested)
                {
                    continue;
                }

                if (supervision.RunningSince is { } since && DateTimeOffset.UtcNow - since >= Recovered)
                {
                    supervision.CrashesInARow = 0;
                }

                var pause = TimeSpan.FromSeconds(Math.Min(LongestPause.TotalSeconds, Math.Pow(2, supervision.CrashesInARow)));
                supervision.CrashesInARow++;
                supervision.RunningSince = null;
                var code = update.Snapshot.ExitCode is { } exitCode ? exitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "unknown";
                Console.Error.WriteLine($"[{resource.Name}] exited unexpectedly (code {code}); restarting in {pause.TotalSeconds:0} s");
                restarts.RemoveAll(restart => restart.IsCompleted);
                restarts.Add(RestartAsync(resource, pause, shutdown.Token));
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down: no more restarts.
        }

        await Task.WhenAll(restarts);
    }

    private async Task RestartAsync(IResource resource, TimeSpan pause, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(pause, cancellationToken);
            var result = await commands.ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand, cancellationToken);
            if (!result.Success)
            {
                Console.Error.WriteLine($"[{resource.Name}] could not be restarted: {result.Message}");
            }
        }
        catch (OperationCanceledException)
        {
            // The platform is stopping; the resource stays stopped.
        }
    }

    private sealed class Supervision
    {
        public string? State { get; set; }
        public DateTimeOffset? RunningSince { get; set; }
        public int CrashesInARow { get; set; }
    }
}
