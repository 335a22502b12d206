using System.Security.Claims;
using UnifiedCommerce.Catalog.Application;
using UnifiedCommerce.Catalog.Domain;
using UnifiedCommerce.PlatformApi;
using UnifiedCommerce.ServiceDefaults.Http;

namespace UnifiedCommerce.Catalog.Api;

/// <summary>
/// REST surface of the catalog, versioned under /api/v1. Thin: it maps HTTP to the application classes. Reads of
/// published products and categories are public storefront data; drafts need products:read; every change needs
/// products:write.
/// </summary>
public static class CatalogApi
{
    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Catalog");

        api.MapGet("/products", async (int? first, string? after, string? category, CatalogQueries queries, CancellationToken ct) =>
        {
            var page = await queries.ListProductsAsync(first, after, category, includeTotalCount: true, ct);
            return Results.Ok(new { nodes = page.Nodes.Select(ProductResponse.From), page.TotalCount, page.HasNextPage, page.EndCursor });
        }).AllowAnonymous();

        // Shoppers see published products; `?status=any` shows drafts too, to the merchant's own staff and clients.
        api.MapGet("/products/{slug}", async (string slug, string? status, ClaimsPrincipal user, CatalogQueries queries, CancellationToken ct) =>
        {
            var includeUnpublished = string.Equals(status, "any", StringComparison.Ordinal);
            if (includeUnpublished && !user.HasPermission(Permissions.ProductsRead))
            {
                throw new ForbiddenException($"Drafts are the merchant's own: this needs the {Permissions.ProductsRead} permission.");
            }

            return await queries.FindBySlugAsync(slug, includeUnpublished, ct) is { } product
                ? Results.Ok(ProductResponse.From(product))
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"No product '{slug}'.");
        }).AllowAnonymous();

        api.MapPut("/products/{slug}", async (string slug, ProductInput input, CatalogCommands commands, CancellationToken ct) =>
        {
            var (product, outcome) = await commands.UpsertProductAsync(slug, input, ct);
            var body = ProductResponse.From(product);
            return outcome == UpsertOutcome.Created ? Results.Created($"/api/v1/products/{slug}", body) : Results.Ok(body);
        }).RequirePermission(Permissions.ProductsWrite);

        api.MapGet("/categories", async (CatalogQueries queries, CancellationToken ct) => Results.Ok(await queries.CategoryTreeAsync(ct)))
            .AllowAnonymous();

        api.MapPut("/categories/{slug}", async (string slug, CategoryInput input, CatalogCommands commands, CancellationToken ct) =>
        {
            var (category, outcome) = await commands.UpsertCategoryAsync(slug, input, ct);
            return outcome == UpsertOutcome.Created ? Results.Created($"/api/v1/categories/{slug}", category) : Results.Ok(category);
        }).RequirePermission(Permissions.ProductsWrite);

        return endpoints;
    }
}

public sealed record ProductResponse(
    Guid Id, string Slug, string Name, string Description, Guid? CategoryId, bool IsPublished, long Version, IReadOnlyList<VariantResponse> Variants)
{
    public static ProductResponse From(Product product) => new(
        product.Id, product.Slug, product.Name, product.Description, product.CategoryId, product.IsPublished, product.Version,
        product.Variants.OrderBy(v => v.SortOrder)
            .Select(v => new VariantResponse(v.Id, v.Sku, v.Title, v.Options.ToDictionary(o => o.Name, o => o.Value), v.PriceAmount, v.Currency))
            .ToList());
}

public sealed record VariantResponse(Guid Id, string Sku, string Title, IReadOnlyDictionary<string, string> Options, long PriceAmount, string Currency);
