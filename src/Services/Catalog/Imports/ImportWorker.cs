using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using UnifiedCommerce.Catalog.Data;
using UnifiedCommerce.Catalog.Domain;
using UnifiedCommerce.PlatformApi;

namespace UnifiedCommerce.Catalog.Imports;

/// <summary>Wakes the worker when a job is created, so it starts at once rather than at its next look.</summary>
public sealed class ImportSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _signal.Dispose();
}

/// <summary>
/// Picks import jobs of every merchant, one at a time, oldest first: a pending job, or a running one whose worker
/// stopped sending heartbeats (its process ended mid-run), which is run again from the start. Claiming is one
/// UPDATE with SKIP LOCKED, so several replicas never take the same job; a job interrupted
/// <see cref="ImportJob.MaxAttempts"/> times is marked failed rather than tried forever.
/// </summary>
public sealed class ImportWorker(IServiceScopeFactory scopes, ImportSignal signal, IConfiguration configuration, ILogger<ImportWorker> logger) : BackgroundService
{
    /// <summary>
    /// A running job whose heartbeat is older than this lost its worker (<c>Catalog:Imports:AbandonedAfterSeconds</c>,
    /// 60 by default: far longer than a batch takes, which is how often a running job beats).
    /// </summary>
    private TimeSpan Abandoned => TimeSpan.FromSeconds(configuration.GetValue("Catalog:Imports:AbandonedAfterSeconds", 60));

    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await ClaimAsync(stoppingToken) is { } claimed)
                {
                    await RunAsync(claimed, stoppingToken);
                    continue;
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(exception, "The import worker could not pick a job; it tries again shortly.");
            }

            try
            {
                await signal.WaitAsync(Idle, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private sealed record Claimed(Guid Id, Guid MerchantId, int Attempts);

    /// <summary>The pick reads every merchant's jobs (the explicit cross-merchant scope), then each job runs as its own merchant.</summary>
    private async Task<Claimed?> ClaimAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        using var acrossMerchants = db.AcrossMerchants();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = """
                UPDATE import_jobs SET status = 'running', attempts = attempts + 1, started_at = now(), heartbeat_at = now()
                WHERE id = (
                    SELECT id FROM import_jobs
                    WHERE status = 'pending' OR (status = 'running' AND heartbeat_at < now() - make_interval(secs => @abandoned))
                    ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING id, merchant_id, attempts
                """;
            var abandoned = command.CreateParameter();
            abandoned.ParameterName = "abandoned";
            abandoned.Value = Abandoned.TotalSeconds;
            command.Parameters.Add(abandoned);
            await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? new Claimed(reader.GetGuid(0), reader.GetGuid(1), reader.GetInt32(2)) : null;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task RunAsync(Claimed claimed, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<MerchantContext>().Use(claimed.MerchantId);
        if (claimed.Attempts > ImportJob.MaxAttempts)
        {
            var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
            var job = await db.ImportJobs.FirstAsync(j => j.Id == claimed.Id, cancellationToken);
            job.Status = ImportStatus.Failed;
            job.Failure = job.Mode == ImportMode.GoodRowsOnly
                ? $"The import was interrupted {ImportJob.MaxAttempts} times and was given up. Products already imported stay; importing the file again is safe."
                : $"The import was interrupted {ImportJob.MaxAttempts} times and was given up; nothing was written.";
            job.FinishedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        logger.LogInformation("Import job {JobId} of merchant {MerchantId} starts (attempt {Attempt}).", claimed.Id, claimed.MerchantId, claimed.Attempts);
        await scope.ServiceProvider.GetRequiredService<ImportRunner>().RunAsync(claimed.Id, claimed.MerchantId, cancellationToken);
    }
}
