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
        var batch = new List<StoredMedia>();
        await foreach (var file in storage.ListAsync(cancellationToken))
        {
            if (file.LastWritten >= cutoff)
            {
                continue;
            }

            if (batch.Count > 0 && (file.MerchantId != batch[0].MerchantId || batch.Count >= MediaPerQuery))
            {
                removed += await RemoveOrphansAsync(batch, cancellationToken);
                batch.Clear();
            }

            batch.Add(file);
        }

        if (batch.Count > 0)
        {
            removed += await RemoveOrphansAsync(batch, cancellationToken);
        }

        return removed;
    }

    /// <summary>Files of one merchant: those whose media that merchant has no row for are removed.</summary>
    private async Task<int> RemoveOrphansAsync(List<StoredMedia> files, CancellationToken cancellationToken)
    {
        HashSet<Guid> named;
        await using (var scope = scopes.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<MerchantContext>().Use(files[0].MerchantId);
            var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
            var ids = files.Select(file => file.MediaId).Distinct().ToList();
            named = (await db.Media.AsNoTracking().Where(media => ids.Contains(media.Id)).Select(media => media.Id)
                .ToListAsync(cancellationToken)).ToHashSet();
        }

        var removed = 0;
        foreach (var file in files.Where(file => !named.Contains(file.MediaId)))
        {
            await storage.DeleteAsync(file.Key, cancellationToken);
            removed++;
        }

        return removed;
    }
}
