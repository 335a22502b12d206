using System.Globalization;
using System.Security.Claims;
using Microsoft.Net.Http.Headers;
using UnifiedCommerce.Catalog.Application;
using UnifiedCommerce.Catalog.Domain;
using UnifiedCommerce.PlatformApi;
using UnifiedCommerce.ServiceDefaults.Http;

namespace UnifiedCommerce.Catalog.Api;

/// <summary>
/// REST surface of the catalog, versioned under /api/v1. Thin: it maps HTTP to the application classes. Reads of
/// published products and categories are public storefront data; drafts need products:read; every change needs
/// products:write. A product's version travels as its ETag; a change to an existing product names it in If-Match.
/// </summary>
public static class CatalogApi
{
    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Catalog");

        api.MapGet("/products", async (int? first, string? after, string? category, ClaimsPrincipal user, CatalogQueries queries, CancellationToken ct) =>
        {
            var page = await queries.ListProductsAsync(first, after, category, includeTotalCount: true, ct);
            var withCost = user.HasPermission(Permissions.ProductsRead);
            return Results.Ok(new { nodes = page.Nodes.Select(p => ProductResponse.From(p, withCost, queries.Now)), page.TotalCount, page.HasNextPage, page.EndCursor });
        }).AllowAnonymous();

        // Shoppers see published products; `?status=any` shows drafts too, to the merchant's own staff and clients.
        api.MapGet("/products/{slug}", async (string slug, string? status, ClaimsPrincipal user, HttpResponse response, CatalogQueries queries, CancellationToken ct) =>
        {
            var includeUnpublished = string.Equals(status, "any", StringComparison.Ordinal);
            if (includeUnpublished && !user.HasPermission(Permissions.ProductsRead))
            {
                throw new ForbiddenException($"Drafts are the merchant's own: this needs the {Permissions.ProductsRead} permission.");
            }

            if (await queries.FindBySlugAsync(slug, includeUnpublished, ct) is not { } product)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"No product '{slug}'.");
            }

            response.Headers.ETag = ETagOf(product);
            return Results.Ok(ProductResponse.From(product, user.HasPermission(Permissions.ProductsRead), queries.Now));
        }).AllowAnonymous();

        api.MapPut("/products/{slug}", async (string slug, ProductInput input, HttpRequest request, HttpResponse response, CatalogCommands commands, CatalogQueries queries, CancellationToken ct) =>
        {
            try
            {
                var (product, outcome) = await commands.UpsertProductAsync(slug, input, IfMatch(request), ct);
                response.Headers.ETag = ETagOf(product);
                var body = ProductResponse.From(product, withCost: true, queries.Now);
                return outcome == UpsertOutcome.Created ? Results.Created($"/api/v1/products/{product.Slug}", body) : Results.Ok(body);
            }
            catch (VersionRequiredException required)
            {
                return Results.Problem(statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match required.", detail: required.Message);
            }
        }).RequirePermission(Permissions.ProductsWrite)
            .WithDescription("Creates the product under the slug, or replaces it. Replacing an existing product needs If-Match: \"<version>\" (its ETag); without it the answer is 428, with a stale one 409 naming the current version.");

        api.MapPost("/products/{slug}/archive", async (string slug, HttpRequest request, HttpResponse response, CatalogCommands commands, CatalogQueries queries, CancellationToken ct) =>
        {
            var product = await commands.ArchiveAsync(ProductRef.BySlug(slug), IfMatch(request), ct);
            response.Headers.ETag = ETagOf(product);
            return Results.Ok(ProductResponse.From(product, withCost: true, queries.Now));
        }).RequirePermission(Permissions.ProductsWrite).WithDescription("Takes the product off sale; If-Match is optional and checked when sent.");

        api.MapPost("/products/{slug}/restore", async (string slug, HttpRequest request, HttpResponse response, CatalogCommands commands, CatalogQueries queries, CancellationToken ct) =>
        {
            var product = await commands.RestoreAsync(ProductRef.BySlug(slug), IfMatch(request), ct);
            response.Headers.ETag = ETagOf(product);
            return Results.Ok(ProductResponse.From(product, withCost: true, queries.Now));
        }).RequirePermission(Permissions.ProductsWrite).WithDescription("Brings an archived product back as a draft; If-Match is optional and checked when sent.");

        api.MapDelete("/products/{slug}", async (string slug, HttpRequest request, CatalogCommands commands, CancellationToken ct) =>
        {
            await commands.DeleteAsync(ProductRef.BySlug(slug), IfMatch(request), ct);
            return Results.NoContent();
        }).RequirePermission(Permissions.ProductsWrite).WithDescription("Deletes a draft or archived product (an active one is archived first); If-Match is optional and checked when sent.");

        api.MapPost("/products/bulk", async (BulkInput input, CatalogCommands commands, CancellationToken ct) =>
            Results.Ok(new { results = await commands.BulkAsync(input, ct) }))
            .RequirePermission(Permissions.ProductsWrite)
            .WithDescription("One action (publish, archive, delete, addTag, removeTag, moveToCategory) on up to 250 products by id; each product changes completely or not at all, and the answer says which.");

        api.MapGet("/admin/products", async ([AsParameters] StaffListQuery list, int? first, string? after, CatalogQueries queries, CancellationToken ct) =>
        {
            var page = await queries.ListForStaffAsync(list.Filter(), list.Order(), first, after, includeTotalCount: true, ct);
            return Results.Ok(new { nodes = page.Nodes.Select(p => ProductResponse.From(p, withCost: true, queries.Now)), page.TotalCount, page.HasNextPage, page.EndCursor });
        }).RequirePermission(Permissions.ProductsRead)
            .WithDescription("Every product of the merchant, drafts and archived ones too, filtered by status, tag, brand, category, collection (its id) or stockState (in-stock, low-stock, out-of-stock), searched by title or SKU, in the order asked (sort: newest, oldest, title, title-descending, recently-updated).");

        api.MapGet("/categories", async (CatalogQueries queries, CancellationToken ct) => Results.Ok(await queries.CategoryTreeAsync(ct)))
            .AllowAnonymous();

        api.MapPut("/categories/{slug}", async (string slug, CategoryInput input, CatalogCommands commands, CancellationToken ct) =>
        {
            var (category, outcome) = await commands.UpsertCategoryAsync(slug, input, ct);
            return outcome == UpsertOutcome.Created ? Results.Created($"/api/v1/categories/{slug}", category) : Results.Ok(category);
        }).RequirePermission(Permissions.ProductsWrite);

        return endpoints;
    }

    private static string ETagOf(Product product) => $"\"{product.Version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>The version an If-Match names (its first entity tag; weak tags compare by value here), or none.</summary>
    private static long? IfMatch(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        if (EntityTagHeaderValue.TryParseList(request.Headers.IfMatch.OfType<string>().ToList(), out var tags) && tags.Count == 1
            && long.TryParse(tags[0].Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return version;
        }

        throw RequestValidationException.For("If-Match", "Send the product's version as one entity tag, such as If-Match: \"3\".");
    }
}

public sealed record ProductResponse(
    Guid Id,
    string Slug,
    string Name,
    string Description,
    Guid? CategoryId,
    IReadOnlyList<Guid> CategoryIds,
    bool IsPublished,
    string Status,
    DateTimeOffset? PublishAt,
    DateTimeOffset? UnpublishAt,
    string? Brand,
    string? ProductType,
    IReadOnlyList<string> Tags,
    string? SeoTitle,
    string? SeoDescription,
    IReadOnlyList<OptionResponse> Options,
    long Version,
    IReadOnlyList<VariantResponse> Variants)
{
    /// <summary>The product as the caller may see it: costs only for the merchant's own staff and clients.</summary>
    public static ProductResponse From(Product product, bool withCost, DateTimeOffset now) => new(
        product.Id, product.Slug, product.Name, product.Description, product.CategoryId, product.CategoryIds, product.IsPublishedAt(now),
        product.Status.ToString().ToLowerInvariant(), product.PublishAt, product.UnpublishAt, product.Brand, product.ProductType, product.Tags,
        product.SeoTitle, product.SeoDescription, product.Options.Select(o => new OptionResponse(o.Name, o.Values)).ToList(), product.Version,
        product.Variants.OrderBy(v => v.SortOrder)
            .Select(v => new VariantResponse(v.Id, v.Sku, v.Title, v.Barcode, v.Options.ToDictionary(o => o.Name, o => o.Value), v.PriceAmount,
                v.CompareAtPriceAmount, withCost ? v.CostAmount : null, v.Currency, v.WeightGrams, v.SortOrder))
            .ToList());
}

public sealed record OptionResponse(string Name, IReadOnlyList<string> Values);

public sealed record VariantResponse(
    Guid Id, string Sku, string Title, string? Barcode, IReadOnlyDictionary<string, string> Options, long PriceAmount, long? CompareAtPriceAmount,
    long? CostAmount, string Currency, int? WeightGrams, int Position);
