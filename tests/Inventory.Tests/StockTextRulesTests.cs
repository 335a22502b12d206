using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace UnifiedCommerce.Inventory.Tests;

/// <summary>A stock row's SKU refuses control characters and line breaks with a 400 naming it; nothing is written.</summary>
[Collection(InventoryCollection.Name)]
public sealed class StockTextRulesTests(InventoryPlatform platform)
{
    [Theory]
    [InlineData("SKU\u0000")]
    [InlineData("SKU\nTWO")]
    [InlineData("SKU\u001b")]
    public async Task A_SKU_with_control_characters_is_refused_naming_it(string sku)
    {
        var merchant = Guid.NewGuid();
        var variant = Guid.NewGuid();

        using var response = await platform.Inventory.AsMerchantAsync(HttpMethod.Put, $"/api/v1/stock/{variant}", merchant,
            new { productId = Guid.NewGuid(), sku, onHand = 3 });
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, problem?.ToJsonString());
        Assert.Contains("sku", problem!["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(0L, await platform.Database.ScalarAsync<long>("inventory", "SELECT count(*) FROM stock_items WHERE variant_id = @v", ("v", variant)));
    }
}
