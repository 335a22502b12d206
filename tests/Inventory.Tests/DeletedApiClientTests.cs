using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Inventory.Tests;

/// <summary>
/// An operator deletes a merchant's API client: the tokens it already holds stop working everywhere within seconds
/// (Identity's ApiClientRevoked event), for reads and writes, over REST and GraphQL, long before they expire.
/// </summary>
[Collection(InventoryCollection.Name)]
public sealed class DeletedApiClientTests(InventoryPlatform platform)
{
    [Fact]
    public async Task A_deleted_clients_token_is_refused_by_catalog_and_inventory_within_seconds()
    {
        var merchant = Guid.NewGuid();
        var (_, variants) = await platform.CreateProductAsync(merchant, "compass");
        await platform.StockArrivesAsync(merchant, variants[0]);
        await platform.StockArrivesAsync(merchant, variants[1]);
        var client = await platform.Identity.CreateApiClientAsync(merchant, "products:read", "products:write", "inventory:read", "inventory:write");
        var token = await platform.Identity.RequestTokenAsync(client.ClientId, client.ClientSecret, scope: null);
        var otherToken = await platform.Identity.MerchantTokenAsync(merchant, "products:read");

        // Every surface serves the token first, or the refusals below would prove nothing.
        foreach (var (name, call) in Surfaces(token, merchant, variants))
        {
            using var served = await call();
            Assert.True(served.IsSuccessStatusCode, $"{name}: {(int)served.StatusCode} {await served.Content.ReadAsStringAsync()}");
            if (name.Contains("GraphQL", StringComparison.Ordinal))
            {
                Assert.Null((await served.Content.ReadFromJsonAsync<JsonObject>())!["errors"]);
            }
        }

        using (var deleted = await platform.Identity.AsOperatorAsync(HttpMethod.Delete, $"/api/v1/merchants/{merchant}/api-clients/{client.ClientId}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        foreach (var (name, call) in Surfaces(token, merchant, variants))
        {
            var refused = await Eventually.GetAsync(async () =>
            {
                var response = await call();
                return response.StatusCode == HttpStatusCode.Unauthorized ? response : null;
            }, $"{name} refuses the deleted client's token", timeoutSeconds: 15);
            Assert.Contains("invalid_token", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
            Assert.Contains("deleted", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
            var body = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
            if (name.Contains("GraphQL", StringComparison.Ordinal))
            {
                Assert.Equal("UNAUTHENTICATED", (string?)body["errors"]![0]!["extensions"]!["code"]);
            }
            else
            {
                Assert.Contains("deleted", (string?)body["detail"], StringComparison.Ordinal);
            }
        }

        // Only that client is refused: the merchant's other clients work on.
        using var stillServed = await platform.Catalog.SendWithTokenAsync(HttpMethod.Get, "/api/v1/products/compass?status=any", otherToken);
        Assert.Equal(HttpStatusCode.OK, stillServed.StatusCode);
    }

    /// <summary>Reads and writes of both services, over REST and GraphQL. The writes are harmless to repeat.</summary>
    private IEnumerable<(string Name, Func<Task<HttpResponseMessage>> Call)> Surfaces(string token, Guid merchant, Guid[] variants) =>
    [
        ("Catalog REST read", () => platform.Catalog.SendWithTokenAsync(HttpMethod.Get, "/api/v1/products/compass?status=any", token)),
        ("Catalog REST write", () => platform.Catalog.SendWithTokenAsync(HttpMethod.Put, "/api/v1/categories/compasses", token, new { name = "Compasses" })),
        ("Catalog GraphQL read", () => platform.Catalog.SendWithTokenAsync(HttpMethod.Post, "/graphql", token,
            new { query = "{ products(first: 5) { nodes { name } } }" })),
        ("Inventory REST read", () => platform.Inventory.SendWithTokenAsync(HttpMethod.Get, $"/api/v1/stock/{variants[0]}", token)),
        ("Inventory REST write", async () =>
        {
            var stock = await platform.StockAsync(merchant, variants[1]);
            return await platform.Inventory.SendWithTokenAsync(HttpMethod.Put, $"/api/v1/stock/{variants[1]}", token,
                new { productId = (string?)stock?["productId"], sku = (string?)stock?["sku"], onHand = 7 });
        }),
        ("Inventory GraphQL read", () => platform.Inventory.SendWithTokenAsync(HttpMethod.Post, "/graphql", token,
            new { query = "{ inventoryLocations { code name } }" })),
    ];
}
