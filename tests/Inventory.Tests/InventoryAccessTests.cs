using System.Net;
using System.Text.Json.Nodes;
using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Inventory.Tests;

/// <summary>
/// Stock counts are the merchant's business: inventory:read to see them, inventory:write to change them, on REST
/// and GraphQL alike; shoppers see only availability.
/// </summary>
[Collection(InventoryCollection.Name)]
public sealed class InventoryAccessTests(InventoryPlatform platform)
{
    private const string LocationsQuery = "{ inventoryLocations { code } }";

    [Fact]
    public async Task Stock_locations_in_the_graph_need_inventory_read()
    {
        var merchant = Guid.NewGuid();
        var anonymous = await platform.Inventory.GraphQLAsync(merchant, LocationsQuery);
        var withoutPermission = await platform.Inventory.GraphQLWithTokenAsync(await platform.Identity.MerchantTokenAsync(merchant, "products:read"), LocationsQuery);
        var permitted = await platform.Inventory.GraphQLWithTokenAsync(await platform.Identity.MerchantTokenAsync(merchant, "inventory:read"), LocationsQuery);

        Assert.Equal("UNAUTHENTICATED", ErrorCode(anonymous));
        Assert.Null(anonymous["data"]);
        Assert.Equal("FORBIDDEN", ErrorCode(withoutPermission));
        Assert.Contains("inventory:read", (string?)withoutPermission["errors"]![0]!["message"], StringComparison.Ordinal);
        Assert.True(permitted["errors"] is null, permitted.ToJsonString());
        Assert.NotNull(permitted["data"]!["inventoryLocations"]);
    }

    [Fact]
    public async Task A_refused_field_refuses_the_whole_operation_even_beside_public_ones()
    {
        var result = await platform.Inventory.GraphQLAsync(Guid.NewGuid(),
            "query ($r: [_Any!]!) { _entities(representations: $r) { ... on Product { availability { inStock } } } inventoryLocations { code } }",
            new { r = new[] { new { __typename = "Product", id = Guid.NewGuid().ToString() } } });

        Assert.Equal("UNAUTHENTICATED", ErrorCode(result));
        Assert.Null(result["data"]);
    }

    [Fact]
    public async Task Counting_needs_inventory_write_and_reading_counts_needs_inventory_read()
    {
        var merchant = Guid.NewGuid();
        var (productId, variants) = await platform.CreateProductAsync(merchant, "lamp");
        await platform.StockArrivesAsync(merchant, variants[0]);
        var readOnly = await platform.Identity.MerchantTokenAsync(merchant, "inventory:read");
        var catalogOnly = await platform.Identity.MerchantTokenAsync(merchant, "products:read", "products:write");

        var write = await platform.Inventory.SendWithTokenAsync(HttpMethod.Put, $"/api/v1/stock/{variants[0]}", readOnly, new { productId, onHand = 50 });
        var read = await platform.Inventory.SendWithTokenAsync(HttpMethod.Get, $"/api/v1/stock/{variants[0]}", catalogOnly);
        var shopper = await platform.Inventory.SendAsync(HttpMethod.Get, $"/api/v1/stock/{variants[0]}", merchant);

        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, shopper.StatusCode);
        Assert.Equal(0, (int)(await platform.StockAsync(merchant, variants[0]))!["onHand"]!);
    }

    private static string? ErrorCode(JsonObject result) => (string?)result["errors"]?[0]?["extensions"]?["code"];
}
