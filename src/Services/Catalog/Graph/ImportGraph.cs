using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using UnifiedCommerce.Catalog.Data;
using UnifiedCommerce.Catalog.Domain;
using UnifiedCommerce.Catalog.Imports;
using UnifiedCommerce.PlatformApi;

namespace UnifiedCommerce.Catalog.Graph;

/// <summary>An import job's progress for the admin's progress bar (products:write, as for starting one over REST).</summary>
public static class ImportGraph
{
    public static void AddImportQueries(this ObjectGraphType query) =>
        query.Field<ImportJobType>("importJob")
            .Description("A product import started with POST /api/v1/imports: its status, progress and bad rows; products:write.")
            .AuthorizeWithPolicy(Permissions.ProductsWrite)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async context =>
            {
                var id = context.GetArgument<Guid>("id");
                return await context.RequestServices!.GetRequiredService<CatalogDbContext>().ImportJobs.AsNoTracking()
                    .FirstOrDefaultAsync(job => job.Id == id, context.CancellationToken);
            });
}

public sealed class ImportJobType : ObjectGraphType<ImportJob>
{
    public ImportJobType()
    {
        this.AuthorizeWithPolicy(Permissions.ProductsWrite);
        Name = "ImportJob";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(context => context.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("mode").Description("dry-run, all-or-nothing or good-rows-only.").Resolve(context => ImportText.Of(context.Source.Mode));
        Field<NonNullGraphType<StringGraphType>>("status").Description("pending, running, succeeded, completed-with-errors or failed.").Resolve(context => ImportText.Of(context.Source.Status));
        Field<NonNullGraphType<StringGraphType>>("fileName").Resolve(context => context.Source.FileName);
        Field<NonNullGraphType<IntGraphType>>("rowsTotal").Description("Known once the file is read (0 before).").Resolve(context => context.Source.RowsTotal);
        Field<NonNullGraphType<IntGraphType>>("rowsDone").Description("Rows checked so far, bad ones included; it only grows.").Resolve(context => context.Source.RowsDone);
        Field<NonNullGraphType<IntGraphType>>("rowsFailed").Resolve(context => context.Source.RowsFailed);
        Field<NonNullGraphType<IntGraphType>>("productsCreated").Resolve(context => context.Source.ProductsCreated);
        Field<NonNullGraphType<IntGraphType>>("productsUpdated").Resolve(context => context.Source.ProductsUpdated);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ImportRowErrorType>>>>("errors")
            .Description($"Each bad row (at most {ImportRunner.MaxReportedErrors}), by line.")
            .Resolve(context => context.Source.Errors);
        Field<StringGraphType>("failure").Description("Why the job failed or wrote nothing, when it did.").Resolve(context => context.Source.Failure);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(context => context.Source.CreatedAt);
        Field<DateTimeOffsetGraphType>("finishedAt").Resolve(context => context.Source.FinishedAt);
    }
}

public sealed class ImportRowErrorType : ObjectGraphType<ImportRowError>
{
    public ImportRowErrorType()
    {
        this.AuthorizeWithPolicy(Permissions.ProductsWrite);
        Name = "ImportRowError";
        Field<NonNullGraphType<IntGraphType>>("line").Description("The row's line in the file; the header is line 1.").Resolve(context => context.Source.Line);
        Field<StringGraphType>("column").Resolve(context => context.Source.Column);
        Field<NonNullGraphType<StringGraphType>>("reason").Resolve(context => context.Source.Reason);
    }
}
