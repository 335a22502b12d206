using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UnifiedCommerce.Catalog.Data;
using UnifiedCommerce.PlatformApi;

namespace UnifiedCommerce.Catalog.Media;

/// <summary>Catalog:Media:Sweep: how often stored files are checked against the media rows, and how old an orphan must be.</summary>
public sealed class MediaSweepOptions
{
    public const string Section = "Catalog:Media:Sweep";

    /// <summary>Between two sweeps (the first runs this long after the start).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// A file without a row is removed only when it was written longer ago than this: an upload stores its file
    /// before its row commits, and a rendition may be written just as its media is deleted.
    /// </summary>
    public TimeSpan OrphanAge { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Removes stored files that no media row names any more: a delete commits first and removes its files after, so a
/// failed removal, or a process that dies in between or between an upload's file and its row, leaves files no one
/// can reach. Each merchant's files are checked as that merchant (row-level security applies), a batch of media ids
/// per query. Several replicas sweeping at once only remove the same files twice.
/// </summary>
public sealed class MediaSweeper(
    IServiceScopeFactory scopes,
    IMediaStorage storage,
    IOptions<MediaSweepOptions> options,
    TimeProvider clock,
    ILogger<MediaSweeper> logger) : BackgroundService
{
    private const int MediaPerQuery = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var removed = await SweepAsync(stoppingToken);
                if (removed > 0)
                {
                    logger.LogInformation("Removed {Count} stored media files that no media row names.", removed);
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "The media sweep failed; it runs again at its next interval.");
            }
        }
    }

    /// <summary>One pass over every stored file; the number of files removed.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - options.Value.OrphanAge;
        var removed = 0;
        var batch = new List<(StoredMedia File, Guid MediaId)>();
        var batchMerchant = Guid.Empty;
        await foreach (var file in storage.ListAsync(cancellationToken))
        {
            if (file.LastWritten >= cutoff || !StorageKeyRule.TryParse(file.Key, out var merchantId, out var mediaId))
            {
                continue;
            }

            if (batch.Count > 0 && (merchantId != batchMerchant || batch.Count >= MediaPerQuery))
            {
                removed += await RemoveOrphansAsync(batchMerchant, batch, cancellationToken);
                batch.Clear();
            }

            batchMerchant = merchantId;
            batch.Add((file, mediaId));
        }

        if (batch.Count > 0)
        {
            removed += await RemoveOrphansAsync(batchMerchant, batch, cancellationToken);
        }

        return removed;
    }

    private async Task<int> RemoveOrphansAsync(Guid merchantId, List<(StoredMedia File, Guid MediaId)> files, CancellationToken cancellationToken)
    {
        HashSet<Guid> named;
        await using (var scope = scopes.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<MerchantContext>().Use(merchantId);
            var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
            var ids = files.Select(file => file.MediaId).Distinct().ToList();
            named = (await db.Media.AsNoTracking().Where(media => ids.Contains(media.Id)).Select(media => media.Id)
                .ToListAsync(cancellationToken)).ToHashSet();
        }

        var removed = 0;
        foreach (var (file, _) in files.Where(entry => !named.Contains(entry.MediaId)))
        {
            await storage.DeleteAsync(file.Key, cancellationToken);
            removed++;
        }

        return removed;
    }
}
