using System.Net;
using System.Text.Json.Nodes;
using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Inventory.Tests;

/// <summary>
/// The staff product list filters by stock state from the catalog's copy of Inventory's counts (StockLevelChanged):
/// out of stock when no variant can be sold, running low when a variant is down to 5 or fewer, in stock otherwise.
/// </summary>
[Collection(InventoryCollection.Name)]
public sealed class StockStateInTheCatalogTests(InventoryPlatform platform)
{
    private const string List = "query($state: StockState) { adminProducts(stockState: $state) { totalCount nodes { id } } }";

    [Fact]
    public async Task The_list_follows_each_count_into_the_right_stock_state()
    {
        var merchant = Guid.NewGuid();
        var (lamp, lampVariants) = await platform.CreateProductAsync(merchant, "lamp");
        var (uncounted, _) = await platform.CreateProductAsync(merchant, "rug");
        foreach (var variant in lampVariants)
        {
            await platform.StockArrivesAsync(merchant, variant);
        }

        // Nothing counted yet: both are out of stock.
        await StatesAsync(merchant, outOfStock: [lamp, uncounted], low: [], inStock: []);

        await CountAsync(merchant, lamp, lampVariants[0], 20);
        await CountAsync(merchant, lamp, lampVariants[1], 3);
        await StatesAsync(merchant, outOfStock: [uncounted], low: [lamp], inStock: []);

        await CountAsync(merchant, lamp, lampVariants[1], 12);
        await StatesAsync(merchant, outOfStock: [uncounted], low: [], inStock: [lamp]);

        // One variant sold out while the other sells: still for sale, and something to reorder.
        await CountAsync(merchant, lamp, lampVariants[0], 0);
        await StatesAsync(merchant, outOfStock: [uncounted], low: [lamp], inStock: []);

        await CountAsync(merchant, lamp, lampVariants[1], 0);
        await StatesAsync(merchant, outOfStock: [lamp, uncounted], low: [], inStock: []);
    }

    [Fact]
    public async Task The_rest_list_and_the_export_take_the_state_and_refuse_one_that_does_not_exist()
    {
        var merchant = Guid.NewGuid();
        var (kettle, variants) = await platform.CreateProductAsync(merchant, "kettle");
        await platform.StockArrivesAsync(merchant, variants[0]);
        await platform.StockArrivesAsync(merchant, variants[1]);
        await CountAsync(merchant, kettle, variants[0], 2);
        await StatesAsync(merchant, outOfStock: [], low: [kettle], inStock: []);

        using var low = await platform.Catalog.AsMerchantAsync(HttpMethod.Get, "/api/v1/admin/products?stockState=low-stock", merchant);
        var body = JsonNode.Parse(await low.Content.ReadAsStringAsync())!;
        Assert.Equal(kettle, Guid.Parse((string)body["nodes"]![0]!["id"]!));
        using var none = await platform.Catalog.AsMerchantAsync(HttpMethod.Get, "/api/v1/exports/products.csv?stockState=in-stock", merchant);
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.DoesNotContain("kettle", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        foreach (var wrong in new[] { "plenty", "1", "low-stock%00", new string('x', 5000) })
        {
            using var refused = await platform.Catalog.AsMerchantAsync(HttpMethod.Get, $"/api/v1/admin/products?stockState={Uri.EscapeDataString(wrong)}", merchant);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("stockState", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    private async Task CountAsync(Guid merchant, Guid productId, Guid variantId, int onHand)
    {
        using var counted = await platform.Inventory.AsMerchantAsync(HttpMethod.Put, $"/api/v1/stock/{variantId}", merchant, new { productId, onHand });
        Assert.True(counted.IsSuccessStatusCode, await counted.Content.ReadAsStringAsync());
    }

    /// <summary>Waits until each state lists exactly the products given (the copy follows Inventory's events).</summary>
    private async Task StatesAsync(Guid merchant, Guid[] outOfStock, Guid[] low, Guid[] inStock)
    {
        var token = await platform.Identity.MerchantTokenAsync(merchant);
        await Eventually.TrueAsync(async () =>
            Same(await ListedAsync(token, "OUT_OF_STOCK"), outOfStock)
            && Same(await ListedAsync(token, "LOW_STOCK"), low)
            && Same(await ListedAsync(token, "IN_STOCK"), inStock),
            $"out of stock [{string.Join(", ", outOfStock)}], low [{string.Join(", ", low)}], in stock [{string.Join(", ", inStock)}]");
    }

    private async Task<HashSet<Guid>> ListedAsync(string token, string state)
    {
        var result = await platform.Catalog.GraphQLWithTokenAsync(token, List, new { state });
        return result["data"]?["adminProducts"]?["nodes"]?.AsArray().Select(node => Guid.Parse((string)node!["id"]!)).ToHashSet()
            ?? throw new Xunit.Sdk.XunitException(result.ToJsonString());
    }

    private static bool Same(HashSet<Guid> listed, Guid[] expected) => listed.SetEquals(expected);
}
