using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Hosting;

namespace UnifiedCommerce.AppHost;

/// <summary>
/// Keeps the terminal of `./commerce up` informative: the output of the one-off steps (migrations, demo data) is
/// shown as it happens, and any resource that stops with an error is named, with where to read its logs (the
/// restarted ones are announced by <see cref="CrashRestarter"/> instead).
/// </summary>
internal sealed class ConsoleReporter(
    ResourceNotificationService notifications,
    ResourceLoggerService logs,
    string dashboardUrl,
    IReadOnlyCollection<IResource> streamedResources,
    IReadOnlySet<string> restartedResources) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var streams = streamedResources.Select(resource => StreamAsync(resource, stoppingToken)).ToList();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await foreach (var update in notifications.WatchAsync(stoppingToken))
            {
                var state = update.Snapshot.State?.Text;
                var failed = state is "FailedToStart" || (update.Snapshot.ExitCode is { } code && code != 0);
                if (failed && !restartedResources.Contains(update.Resource.Name) && reported.Add(update.Resource.Name + update.Snapshot.ExitCode))
                {
                    Console.Error.WriteLine(
                        $"[{update.Resource.Name}] stopped with an error (state {state}, exit code {update.Snapshot.ExitCode}). Its logs: {dashboardUrl}");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }

        await Task.WhenAll(streams);
    }

    // Aspire narrates its own waiting and process starts into every resource's log; the terminal needs only the step's output.
    private static bool IsOrchestrationNoise(string line) =>
        line.Contains("Waiting for resource", StringComparison.Ordinal)
        || line.Contains("Finished waiting for resource", StringComparison.Ordinal)
        || line.Contains("certificate authorit", StringComparison.Ordinal)
        || line.Contains("[sys]", StringComparison.Ordinal);

    private static string WithoutTimestamp(string line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && DateTimeOffset.TryParse(line[..space], System.Globalization.CultureInfo.InvariantCulture, out _) ? line[(space + 1)..] : line;
    }

    private async Task StreamAsync(IResource resource, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var batch in logs.WatchAsync(resource).WithCancellation(stoppingToken))
            {
                foreach (var line in batch.Where(line => !IsOrchestrationNoise(line.Content)))
                {
                    Console.WriteLine($"[{resource.Name}] {WithoutTimestamp(line.Content)}");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }
}
