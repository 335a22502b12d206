using System.IO.Compression;
using System.Text;
using CsvHelper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using UnifiedCommerce.Catalog.Api;
using UnifiedCommerce.Catalog.Application;
using UnifiedCommerce.Catalog.Data;
using UnifiedCommerce.Catalog.Domain;
using UnifiedCommerce.PlatformApi;
using UnifiedCommerce.ServiceDefaults.Http;

namespace UnifiedCommerce.Catalog.Imports;

/// <summary>
/// CSV import and export over REST (docs/catalog-csv.md). An import is a job: the upload is checked as text and
/// kept, the answer is 202 with the job's id, and the worker runs it; its progress and bad rows are read by id.
/// The export streams the catalog a page at a time, never the whole of it in memory.
/// </summary>
public static class ImportApi
{
    /// <summary>The largest file an import takes (a CSV, or a zip holding one).</summary>
    public const long MaxFileBytes = 50L * 1024 * 1024;

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IServiceCollection AddCatalogImports(this IServiceCollection services)
    {
        services.AddSingleton<ImportSignal>();
        services.AddScoped<ImportRunner>();
        services.AddHostedService<ImportWorker>();
        return services;
    }

    public static IEndpointRouteBuilder MapImportApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Catalog imports");

        api.MapPost("/imports", async (IFormFile? file, [FromForm] string? mode, CatalogDbContext db, IMerchantContext merchant, ImportSignal signal, CancellationToken ct) =>
        {
            merchant.RequireMerchantId();
            var errors = new FieldErrors();
            if (!ImportText.TryParseMode(mode, out var importMode))
            {
                errors.Add("mode", "Use dry-run, all-or-nothing or good-rows-only.");
            }

            if (file is null || file.Length == 0)
            {
                errors.Add("file", "Send the file as the multipart field 'file': a .csv, or a .zip holding one.");
            }

            errors.ThrowIfAny();
            if (file!.Length > MaxFileBytes)
            {
                return TooLarge();
            }

            var name = Path.GetFileName(file.FileName ?? "");
            var content = await ReadAsync(file, ct);
            if (name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                content = CsvOfZip(content);
                if (content is null)
                {
                    return TooLarge();
                }
            }
            else if (!name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                throw RequestValidationException.For("file", "Send a .csv file, or a .zip holding one.");
            }

            RequireText(content);
            var job = new ImportJob { Mode = importMode, Status = ImportStatus.Pending, FileName = name.Length <= 255 ? name : name[..255], FileBytes = file.Length };
            db.ImportJobs.Add(job);
            db.ImportFiles.Add(new ImportFile { JobId = job.Id, Content = content });
            await db.SaveChangesAsync(ct);
            signal.Notify();
            return Results.Accepted($"/api/v1/imports/{job.Id}", ImportJobResponse.From(job));
        }).RequirePermission(Permissions.ProductsWrite)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxFileBytes + 1024 * 1024))
            .WithDescription("Imports products from a CSV (docs/catalog-csv.md), or a zip holding one, at most 50 MiB: multipart fields `file` and `mode` (dry-run, all-or-nothing or good-rows-only). Answers 202 with the job; products with a handle the store has are updated.");

        api.MapGet("/imports/{id:guid}", async (Guid id, CatalogDbContext db, CancellationToken ct) =>
            await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(job => job.Id == id, ct) is { } job
                ? Results.Ok(ImportJobResponse.From(job))
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"No import job {id}."))
            .RequirePermission(Permissions.ProductsWrite)
            .WithDescription("An import job: its status, rows total, done and failed, and each bad row with its line (the header is line 1) and reason.");

        api.MapGet("/exports/products.csv", async ([AsParameters] StaffListQuery list, HttpResponse response,
            CatalogQueries queries, CatalogCommands commands, CancellationToken ct) =>
        {
            var (filter, order) = (list.Filter(), list.Order());
            // The filters are checked before the first byte is sent, so a bad one is still a 400.
            var page = await queries.ListForStaffAsync(filter, order, CatalogQueries.MaxPageSize, null, includeTotalCount: false, ct);
            var slugs = (await commands.CategoriesBySlugAsync(ct)).ToDictionary(pair => pair.Value, pair => pair.Key);
            response.ContentType = "text/csv; charset=utf-8";
            response.Headers.ContentDisposition = "attachment; filename=\"products.csv\"";
            var header = true;
            while (true)
            {
                await using var text = new StringWriter();
                await using (var csv = CsvWriter.Create(text, ProductCsv.WriterOptions, leaveOpen: true))
                {
                    if (header)
                    {
                        ProductCsv.WriteHeader(csv);
                        header = false;
                    }

                    foreach (var product in page.Nodes)
                    {
                        ProductCsv.Write(csv, product, slugs);
                    }
                }

                await response.WriteAsync(text.ToString(), ct);
                await response.Body.FlushAsync(ct);
                if (!page.HasNextPage)
                {
                    break;
                }

                page = await queries.ListForStaffAsync(filter, order, CatalogQueries.MaxPageSize, page.EndCursor, includeTotalCount: false, ct);
            }
        }).RequirePermission(Permissions.ProductsRead)
            .WithDescription("Every product as CSV (docs/catalog-csv.md), streamed, optionally filtered and ordered as the staff list is (GET /admin/products: status, tag, brand, category, search, collection, stockState, sort); it imports back unchanged. Text cells starting with = + - @ get a leading apostrophe, so spreadsheets show them as text; an import removes it.");

        return endpoints;
    }

    private static IResult TooLarge() => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge, title: "The file is too large.", detail: $"An import takes at most {MaxFileBytes / 1024 / 1024} MiB of CSV.");

    private static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream((int)file.Length);
        await using var stream = file.OpenReadStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>The one CSV in a zip, read no further than the size limit (a small zip may unpack to a huge file); null when larger.</summary>
    private static byte[]? CsvOfZip(byte[] zip)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
            var csvs = archive.Entries.Where(entry => entry.FullName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)).ToList();
            if (csvs.Count != 1)
            {
                throw RequestValidationException.For("file", $"A zip holds exactly one .csv file; this one holds {csvs.Count}.");
            }

            using var entry = csvs[0].Open();
            using var buffer = new MemoryStream();
            var chunk = new byte[81_920];
            int read;
            while ((read = entry.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > MaxFileBytes)
                {
                    return null;
                }
            }

            return buffer.ToArray();
        }
        catch (InvalidDataException)
        {
            throw RequestValidationException.For("file", "The file is not a readable zip.");
        }
    }

    /// <summary>A CSV is text: UTF-8 without NUL bytes. Anything else is refused before a job exists, naming the line.</summary>
    private static void RequireText(byte[] content)
    {
        var nul = Array.IndexOf(content, (byte)0);
        if (nul >= 0)
        {
            var line = 1 + content.AsSpan(0, nul).Count((byte)'\n');
            throw RequestValidationException.For("file", $"The file has a NUL byte on line {line}: a CSV is text (UTF-8), and NUL is no character of it.");
        }

        try
        {
            _ = StrictUtf8.GetCharCount(content);
        }
        catch (DecoderFallbackException invalid)
        {
            var line = 1 + content.AsSpan(0, Math.Max(0, invalid.Index)).Count((byte)'\n');
            throw RequestValidationException.For("file", $"The file is not UTF-8 (line {line}); save it as CSV UTF-8.");
        }
    }
}

public sealed record ImportRowErrorResponse(int Line, string? Column, string Reason);

public sealed record ImportJobResponse(
    Guid Id, string Mode, string Status, string FileName, int RowsTotal, int RowsDone, int RowsFailed, int ProductsCreated, int ProductsUpdated,
    IReadOnlyList<ImportRowErrorResponse> Errors, string? Failure, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt)
{
    public static ImportJobResponse From(ImportJob job) => new(
        job.Id, ImportText.Of(job.Mode), ImportText.Of(job.Status), job.FileName, job.RowsTotal, job.RowsDone, job.RowsFailed,
        job.ProductsCreated, job.ProductsUpdated, job.Errors.Select(e => new ImportRowErrorResponse(e.Line, e.Column, e.Reason)).ToList(),
        job.Failure, job.CreatedAt, job.StartedAt, job.FinishedAt);
}
