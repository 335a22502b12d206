using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using UnifiedCommerce.Catalog.Domain;
using UnifiedCommerce.Catalog.Imports;

namespace UnifiedCommerce.Catalog.Data;

/// <summary>The tables of product imports: the jobs (progress, bad rows) and their files.</summary>
internal static class ImportModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ModelBuilder MapImports(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ImportJob>(job =>
        {
            job.ToTable("import_jobs");
            // The worker's pick: the oldest pending (or abandoned running) job, whoever's it is.
            job.HasIndex(j => new { j.Status, j.CreatedAt }).HasDatabaseName("ix_import_jobs_status");
            job.Property(j => j.Mode).HasMaxLength(20).HasConversion(mode => ImportText.Of(mode), text => ImportText.ParseMode(text));
            job.Property(j => j.Status).HasMaxLength(24).HasConversion(status => ImportText.Of(status), text => ImportText.ParseStatus(text));
            job.Property(j => j.FileName).HasMaxLength(255);
            job.Property(j => j.Failure).HasMaxLength(2_000);
            job.Property(j => j.Errors).HasColumnType("jsonb").HasConversion(
                errors => JsonSerializer.Serialize(errors, Json),
                text => JsonSerializer.Deserialize<List<ImportRowError>>(text, Json) ?? new List<ImportRowError>(),
                new ValueComparer<List<ImportRowError>>(
                    (left, right) => left!.SequenceEqual(right!),
                    errors => errors.Aggregate(0, (hash, error) => HashCode.Combine(hash, error)),
                    errors => errors.ToList()));
        });

        modelBuilder.Entity<ImportFile>(file =>
        {
            file.ToTable("import_files");
            file.HasKey(f => f.JobId);
            file.HasOne<ImportJob>().WithOne().HasForeignKey<ImportFile>(f => f.JobId).OnDelete(DeleteBehavior.Cascade);
        });

        return modelBuilder;
    }
}
