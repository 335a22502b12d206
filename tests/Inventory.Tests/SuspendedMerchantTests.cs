using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Inventory.Tests;

/// <summary>
/// An operator suspends a merchant in Identity: within seconds every service refuses that merchant's requests
/// with a clear message, other merchants are unaffected, and reactivation reopens everything.
/// </summary>
[Collection(InventoryCollection.Name)]
public sealed class SuspendedMerchantTests(InventoryPlatform platform)
{
    [Fact]
    public async Task A_suspended_merchant_is_refused_by_every_service_until_reactivated()
    {
        var merchant = Guid.NewGuid();
        var bystander = Guid.NewGuid();
        await platform.Identity.PutMerchantAsync(merchant, "Soon Suspended", hosts: [$"suspended-{merchant:N}.localhost"]);
        var client = await platform.Identity.CreateApiClientAsync(merchant, "products:read");
        var (_, variants) = await platform.CreateProductAsync(merchant, "lantern");
        await platform.CreateProductAsync(bystander, "lantern");
        await platform.StockArrivesAsync(merchant, variants[0]);

        var suspended = await platform.Identity.AsOperatorAsync(HttpMethod.Post, $"/api/v1/merchants/{merchant}/suspend", new { reason = "Fraud review" });
        Assert.Equal(HttpStatusCode.OK, suspended.StatusCode);

        foreach (var (name, call) in Surfaces(merchant, variants[0]))
        {
            var refused = await Eventually.GetAsync(async () =>
            {
                var response = await call();
                return response.StatusCode == HttpStatusCode.Forbidden ? response : null;
            }, $"{name} refuses the suspended merchant", timeoutSeconds: 15);
            var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal("This store is suspended.", (string?)problem["title"]);
        }

        // Identity stops issuing the merchant's tokens at once; tokens already out are refused by the services above.
        using var noToken = await platform.Identity.RequestTokenResponseAsync(client.ClientId, client.ClientSecret, scope: null);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Contains("suspended", (string?)(await noToken.Content.ReadFromJsonAsync<JsonObject>())!["error_description"], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await platform.Catalog.SendAsync(HttpMethod.Get, "/api/v1/products/lantern", bystander)).StatusCode);

        var reactivated = await platform.Identity.AsOperatorAsync(HttpMethod.Post, $"/api/v1/merchants/{merchant}/reactivate");
        Assert.Equal(HttpStatusCode.OK, reactivated.StatusCode);
        foreach (var (name, call) in Surfaces(merchant, variants[0]))
        {
            await Eventually.TrueAsync(async () => (await call()).IsSuccessStatusCode, $"{name} serves the reactivated merchant", timeoutSeconds: 15);
        }

        Assert.NotNull(await platform.Identity.RequestTokenAsync(client.ClientId, client.ClientSecret, scope: null));
        Assert.Equal("Product lantern", (string?)(await (await platform.Catalog.SendAsync(HttpMethod.Get, "/api/v1/products/lantern", merchant))
            .Content.ReadFromJsonAsync<JsonObject>())!["name"]);
    }

    /// <summary>A shopper's read, the merchant's own write and its own read, in each service.</summary>
    private IEnumerable<(string Name, Func<Task<HttpResponseMessage>> Call)> Surfaces(Guid merchant, Guid variantId) =>
    [
        ("Catalog storefront read", () => platform.Catalog.SendAsync(HttpMethod.Get, "/api/v1/products/lantern", merchant)),
        ("Catalog write", () => platform.Catalog.AsMerchantAsync(HttpMethod.Put, "/api/v1/categories/lamps", merchant, new { name = "Lamps" })),
        ("Inventory read", () => platform.Inventory.AsMerchantAsync(HttpMethod.Get, $"/api/v1/stock/{variantId}", merchant)),
    ];
}
