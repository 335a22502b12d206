using CsvHelper;
using Microsoft.EntityFrameworkCore;
using UnifiedCommerce.Catalog.Application;
using UnifiedCommerce.Catalog.Data;
using UnifiedCommerce.Catalog.Domain;
using UnifiedCommerce.PlatformApi;
using UnifiedCommerce.ServiceDefaults.Http;

namespace UnifiedCommerce.Catalog.Imports;

/// <summary>
/// Runs one import job for its merchant: reads the file, validates and upserts its products in batches, and keeps
/// the job's progress current through a context of its own (outside the import's transaction, so it shows while
/// the import runs). dry-run and all-or-nothing run in one transaction, rolled back unless all-or-nothing met no
/// bad row; good-rows-only commits each batch and leaves out each refused product.
/// </summary>
public sealed class ImportRunner(CatalogDbContext db, CatalogCommands commands, IServiceScopeFactory scopes, ILogger<ImportRunner> logger)
{
    public const int BatchSize = 250;

    /// <summary>A file of many bad rows keeps this many in the job (the count covers all).</summary>
    public const int MaxReportedErrors = 1_000;

    public async Task RunAsync(Guid jobId, Guid merchantId, CancellationToken cancellationToken)
    {
        using var progressScope = scopes.CreateScope();
        progressScope.ServiceProvider.GetRequiredService<MerchantContext>().Use(merchantId);
        var progressDb = progressScope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        var job = await progressDb.ImportJobs.FirstAsync(j => j.Id == jobId, cancellationToken);
        try
        {
            await RunAsync(job, progressDb, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(exception, "Import job {JobId} of merchant {MerchantId} stopped.", jobId, merchantId);
            job.Status = ImportStatus.Failed;
            job.Failure = job.Mode == ImportMode.GoodRowsOnly
                ? "The import stopped unexpectedly; the batches before it were imported. Importing the file again is safe: products are matched by handle."
                : "The import stopped unexpectedly; nothing was written.";
            job.FinishedAt = DateTimeOffset.UtcNow;
            await progressDb.SaveChangesAsync(CancellationToken.None);
        }
    }

    private async Task RunAsync(ImportJob job, CatalogDbContext progressDb, CancellationToken cancellationToken)
    {
        var content = await db.ImportFiles.AsNoTracking().Where(f => f.JobId == job.Id).Select(f => f.Content).FirstAsync(cancellationToken);
        var storeCurrency = await db.Variants.AsNoTracking().Select(v => v.Currency).FirstOrDefaultAsync(cancellationToken);
        ProductCsv.Parsed parsed;
        try
        {
            // The upload was checked as UTF-8 text without NUL bytes; the reader reads its bytes in place.
            parsed = ProductCsv.Read(content, storeCurrency);
        }
        catch (Exception unreadable) when (unreadable is InvalidDataException or CsvFormatException)
        {
            job.Status = ImportStatus.Failed;
            job.Failure = unreadable is CsvFormatException malformed
                ? $"The file is not a readable CSV: malformed quoting in record {malformed.RecordNumber} (line {malformed.LineNumber})."
                : unreadable.Message;
            job.FinishedAt = DateTimeOffset.UtcNow;
            await progressDb.SaveChangesAsync(cancellationToken);
            return;
        }

        var errors = new List<ImportRowError>(parsed.Errors);
        var rowsInCandidates = parsed.Candidates.Sum(c => c.VariantLines.Count);
        job.RowsTotal = parsed.RowCount;
        job.RowsDone = parsed.RowCount - rowsInCandidates;
        job.RowsFailed = errors.Select(e => e.Line).Distinct().Count();
        job.Errors = errors.Take(MaxReportedErrors).ToList();
        job.ProductsCreated = job.ProductsUpdated = 0;
        job.HeartbeatAt = DateTimeOffset.UtcNow;
        await progressDb.SaveChangesAsync(cancellationToken);

        var categories = await commands.CategoriesBySlugAsync(cancellationToken);
        var transaction = job.Mode == ImportMode.GoodRowsOnly ? null : await db.Database.BeginTransactionAsync(cancellationToken);
        var created = 0;
        var updated = 0;
        try
        {
            foreach (var batch in parsed.Candidates.Chunk(BatchSize))
            {
                var (batchCreated, batchUpdated, refused) = await ImportAsync(batch, categories, job.Mode, cancellationToken);
                created += batchCreated;
                updated += batchUpdated;
                foreach (var (candidate, fieldErrors) in refused)
                {
                    foreach (var (field, messages) in fieldErrors)
                    {
                        var (column, line) = ProductCsv.Locate(candidate, field);
                        errors.Add(new ImportRowError(line, column, string.Join(" ", messages)));
                    }
                }

                job.RowsDone += batch.Sum(c => c.VariantLines.Count);
                job.RowsFailed = errors.Select(e => e.Line).Distinct().Count();
                job.Errors = errors.OrderBy(e => e.Line).Take(MaxReportedErrors).ToList();
                job.ProductsCreated = created;
                job.ProductsUpdated = updated;
                job.HeartbeatAt = DateTimeOffset.UtcNow;
                await progressDb.SaveChangesAsync(cancellationToken);
            }

            var commit = job.Mode == ImportMode.AllOrNothing && errors.Count == 0;
            if (transaction is not null)
            {
                if (commit)
                {
                    await transaction.CommitAsync(cancellationToken);
                }
                else
                {
                    await transaction.RollbackAsync(cancellationToken);
                }
            }

            if (job.Mode == ImportMode.AllOrNothing && !commit)
            {
                // Nothing was written: the counts say what would have been.
                job.Failure = "Bad rows were found, so nothing was imported (all-or-nothing). Fix them and import the file again.";
            }
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }

        job.Status = errors.Count == 0 ? ImportStatus.Succeeded : ImportStatus.CompletedWithErrors;
        job.FinishedAt = DateTimeOffset.UtcNow;
        await progressDb.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// One batch. In good-rows-only a batch that collides with a concurrent write (a unique key) is retried product
    /// by product, so only the colliding product is refused; in one transaction the collision ends the import.
    /// </summary>
    private async Task<ImportBatchResult> ImportAsync(
        ImportCandidate[] batch, IReadOnlyDictionary<string, Guid> categories, ImportMode mode, CancellationToken cancellationToken)
    {
        try
        {
            return await commands.ImportBatchAsync(batch, categories, cancellationToken);
        }
        catch (ConflictException) when (mode == ImportMode.GoodRowsOnly && batch.Length > 1)
        {
            var created = 0;
            var updated = 0;
            var refused = new List<(ImportCandidate, IDictionary<string, string[]>)>();
            foreach (var candidate in batch)
            {
                try
                {
                    var single = await commands.ImportBatchAsync([candidate], categories, cancellationToken);
                    created += single.Created;
                    updated += single.Updated;
                    refused.AddRange(single.Refused);
                }
                catch (ConflictException conflict)
                {
                    refused.Add((candidate, new Dictionary<string, string[]> { ["slug"] = [conflict.Message] }));
                }
            }

            return new ImportBatchResult(created, updated, refused);
        }
    }
}
