using UnifiedCommerce.ServiceData;

namespace UnifiedCommerce.Catalog.Domain;

/// <summary>
/// dry-run checks every row and writes nothing; all-or-nothing writes every product or none (one transaction);
/// good-rows-only writes each valid product and reports the others.
/// </summary>
public enum ImportMode
{
    DryRun,
    AllOrNothing,
    GoodRowsOnly,
}

public enum ImportStatus
{
    /// <summary>Waiting for the worker.</summary>
    Pending,
    Running,

    /// <summary>Every row was imported (or, in a dry run, would be).</summary>
    Succeeded,

    /// <summary>Some rows were bad: a dry run or all-or-nothing wrote nothing, good-rows-only wrote the others.</summary>
    CompletedWithErrors,

    /// <summary>The job could not run to its end (an unreadable file, or interrupted too often); <see cref="ImportJob.Failure"/> says why.</summary>
    Failed,
}

/// <summary>A bad row: its line in the file (the header is line 1) and what is wrong, under the column's name when one is to blame.</summary>
public sealed record ImportRowError(int Line, string? Column, string Reason);

/// <summary>
/// A product import, durable in the catalog's own database: the worker picks pending jobs, and one whose worker
/// died (its heartbeat stopped) is run again from the start, which is safe in every mode: all-or-nothing and dry
/// runs commit nothing until the end, and good-rows-only upserts by handle, so rows already written are unchanged.
/// </summary>
public sealed class ImportJob : IMerchantOwned
{
    /// <summary>Runs that may start before a job that keeps interrupting its worker is given up as failed.</summary>
    public const int MaxAttempts = 3;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MerchantId { get; set; }
    public ImportMode Mode { get; set; }
    public ImportStatus Status { get; set; }
    public required string FileName { get; set; }
    public long FileBytes { get; set; }
    public int RowsTotal { get; set; }
    public int RowsDone { get; set; }
    public int RowsFailed { get; set; }
    public int ProductsCreated { get; set; }
    public int ProductsUpdated { get; set; }
    public List<ImportRowError> Errors { get; set; } = [];
    public string? Failure { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? HeartbeatAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}

/// <summary>The uploaded file of an import job, apart from the job so that reading progress never loads it.</summary>
public sealed class ImportFile : IMerchantOwned
{
    public Guid JobId { get; set; }
    public Guid MerchantId { get; set; }
    public required byte[] Content { get; set; }
}
