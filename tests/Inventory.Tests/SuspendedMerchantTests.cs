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
        var created = await platform.Identity.SendAsync(HttpMethod.Put, $"/api/v1/merchants/{merchant}", null,
            new { name = "Soon Suspended", defaultCurrency = "USD", hosts = new[] { $"suspended-{merchant:N}.localhost" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var (_, variants) = await platform.CreateProductAsync(merchant, "lantern");
        await platform.CreateProductAsync(bystander, "lantern");
        await platform.StockArrivesAsync(merchant, variants[0]);

        Assert.Equal(HttpStatusCode.OK, (await platform.Identity.SendAsync(HttpMethod.Post, $"/api/v1/merchants/{merchant}/suspend", null, new { reason = "Fraud review" })).StatusCode);

        foreach (var (service, path) in Surfaces(merchant, variants[0]))
        {
            var refused = await Eventually.GetAsync(async () =>
            {
                var response = await service.SendAsync(HttpMethod.Get, path, merchant);
                return response.StatusCode == HttpStatusCode.Forbidden ? response : null;
            }, $"{service.Name} refuses the suspended merchant", timeoutSeconds: 15);
            var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal("This store is suspended.", (string?)problem["title"]);
        }

        var writeRefused = await platform.Catalog.SendAsync(HttpMethod.Put, "/api/v1/products/lantern", merchant, new
        {
            name = "Changed while suspended",
            isPublished = true,
            variants = new[] { new { sku = $"lantern-{merchant:N}-a", title = "A", priceAmount = 1, currency = "USD" } },
        });
        Assert.Equal(HttpStatusCode.Forbidden, writeRefused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await platform.Catalog.SendAsync(HttpMethod.Get, "/api/v1/products/lantern", bystander)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await platform.Identity.SendAsync(HttpMethod.Post, $"/api/v1/merchants/{merchant}/reactivate", null)).StatusCode);
        foreach (var (service, path) in Surfaces(merchant, variants[0]))
        {
            await Eventually.TrueAsync(async () => (await service.SendAsync(HttpMethod.Get, path, merchant)).StatusCode == HttpStatusCode.OK,
                $"{service.Name} serves the reactivated merchant", timeoutSeconds: 15);
        }

        Assert.Equal("Product lantern", (string?)(await (await platform.Catalog.SendAsync(HttpMethod.Get, "/api/v1/products/lantern", merchant))
            .Content.ReadFromJsonAsync<JsonObject>())!["name"]);
    }

    private IEnumerable<(ServiceProcess Service, string Path)> Surfaces(Guid merchant, Guid variantId) =>
    [
        (platform.Catalog, "/api/v1/products/lantern"),
        (platform.Inventory, $"/api/v1/stock/{variantId}"),
        (platform.Identity, $"/api/v1/merchants/{merchant}"),
    ];
}
