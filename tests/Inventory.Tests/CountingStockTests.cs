using System.Net;
using System.Text.Json.Nodes;
using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Inventory.Tests;

/// <summary>A merchant counts stock; shoppers see availability through the Inventory subgraph.</summary>
[Collection(InventoryCollection.Name)]
public sealed class CountingStockTests(InventoryPlatform platform)
{
    [Fact]
    public async Task A_counted_quantity_becomes_the_availability_of_the_variant_and_the_product()
    {
        var merchant = Guid.NewGuid();
        var (productId, variants) = await platform.CreateProductAsync(merchant, "boot");
        await platform.StockArrivesAsync(merchant, variants[1]);
        await Count(merchant, productId, variants[0], 5);

        var entities = await AvailabilityAsync(merchant, productId, variants);
        Assert.True(entities.Count == 3, entities.ToJsonString());

        Assert.True((int)entities[0]!["availability"]!["quantityAvailable"]! == 5, entities.ToJsonString());
        Assert.True((bool)entities[0]!["availability"]!["inStock"]!);
        Assert.True((int)entities[1]!["availability"]!["quantityAvailable"]! == 5, entities.ToJsonString());
        Assert.False((bool)entities[2]!["availability"]!["inStock"]!);
    }

    [Fact]
    public async Task A_negative_quantity_is_refused_and_the_count_stays()
    {
        var merchant = Guid.NewGuid();
        var (productId, variants) = await platform.CreateProductAsync(merchant, "glove");
        await Count(merchant, productId, variants[0], 3);

        var refused = await platform.Inventory.AsMerchantAsync(HttpMethod.Put, $"/api/v1/stock/{variants[0]}", merchant, new { productId, onHand = -1 });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(3, (int)(await platform.StockAsync(merchant, variants[0]))!["onHand"]!);
    }

    [Fact]
    public async Task A_variant_new_to_inventory_needs_its_product()
    {
        var response = await platform.Inventory.AsMerchantAsync(HttpMethod.Put, $"/api/v1/stock/{Guid.NewGuid()}", Guid.NewGuid(), new { onHand = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Another_merchant_neither_sees_nor_changes_the_stock()
    {
        var owner = Guid.NewGuid();
        var other = Guid.NewGuid();
        var (productId, variants) = await platform.CreateProductAsync(owner, "scarf");
        await Count(owner, productId, variants[0], 9);

        Assert.Null(await platform.StockAsync(other, variants[0]));
        var otherView = await AvailabilityAsync(other, productId, variants);
        Assert.Equal(0, (int)otherView[0]!["availability"]!["quantityAvailable"]!);

        // A write with the other merchant's credentials lands in that merchant's own books, never in the owner's.
        await Count(other, productId, variants[0], 1);
        Assert.Equal(9, (int)(await platform.StockAsync(owner, variants[0]))!["onHand"]!);
    }

    private async Task Count(Guid merchant, Guid productId, Guid variantId, int onHand)
    {
        var response = await platform.Inventory.AsMerchantAsync(HttpMethod.Put, $"/api/v1/stock/{variantId}", merchant, new { productId, onHand });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Asks the subgraph for the product and its variants by key, as the gateway does.</summary>
    private async Task<JsonArray> AvailabilityAsync(Guid merchant, Guid productId, Guid[] variants)
    {
        object[] representations =
        [
            new { __typename = "Product", id = productId.ToString() },
            .. variants.Select(variant => new { __typename = "ProductVariant", id = variant.ToString() }),
        ];
        var result = await platform.Inventory.GraphQLAsync(merchant,
            "query ($r: [_Any!]!) { _entities(representations: $r) { ... on Product { availability { inStock quantityAvailable } } ... on ProductVariant { availability { inStock quantityAvailable } } } }",
            new { r = representations });
        Assert.True(result["errors"] is null, $"GraphQL errors: {result["errors"]}");
        return result["data"]!["_entities"]!.AsArray();
    }
}
