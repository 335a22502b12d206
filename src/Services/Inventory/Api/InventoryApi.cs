using UnifiedCommerce.Inventory.Application;
using UnifiedCommerce.Inventory.Domain;
using UnifiedCommerce.PlatformApi;

namespace UnifiedCommerce.Inventory.Api;

/// <summary>REST surface of inventory, versioned under /api/v1: stock counts are the merchant's business (inventory:read/write).</summary>
public static class InventoryApi
{
    public static IEndpointRouteBuilder MapInventoryApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Inventory");

        api.MapGet("/stock/{variantId:guid}", async (Guid variantId, StockLevels stock, CancellationToken ct) =>
            await stock.AtDefaultLocationAsync(variantId, ct) is { } item
                ? Results.Ok(StockResponse.From(item))
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: "No stock for this variant."))
            .RequirePermission(Permissions.InventoryRead);

        api.MapPut("/stock/{variantId:guid}", async (Guid variantId, StockInput input, StockLevels stock, CancellationToken ct) =>
            Results.Ok(StockResponse.From(await stock.SetOnHandAsync(variantId, input, ct))))
            .RequirePermission(Permissions.InventoryWrite);

        api.MapGet("/locations", async (StockLevels stock, CancellationToken ct) => Results.Ok(await stock.LocationsAsync(ct)))
            .RequirePermission(Permissions.InventoryRead);
        return endpoints;
    }
}

public sealed record StockResponse(Guid VariantId, Guid ProductId, string Sku, int OnHand, int Reserved, int Available, long Version)
{
    public static StockResponse From(StockItem item) =>
        new(item.VariantId, item.ProductId, item.Sku, item.OnHand, item.Reserved, item.Available, item.Version);
}
