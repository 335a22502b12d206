using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Inventory.Tests;

/// <summary>
/// A real PostgreSQL with Identity, Catalog and Inventory running as processes, joined by the message bus. Tests may stop,
/// crash and restart either service; each test leaves both running and works as a merchant of its own.
/// </summary>
public sealed class InventoryPlatform : IAsyncLifetime
{
    public PlatformDatabase Database { get; } = new();
    public PlatformIdentity Identity { get; private set; } = null!;
    public ServiceProcess Catalog { get; private set; } = null!;
    public ServiceProcess Inventory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Identity = await PlatformIdentity.StartAsync(Database);
        Catalog = await ServiceProcess.StartAsync("Catalog", Database, identity: Identity);
        Inventory = await ServiceProcess.StartAsync("Inventory", Database, identity: Identity);
    }

    public async Task DisposeAsync()
    {
        await Inventory.DisposeAsync();
        await Catalog.DisposeAsync();
        await Identity.DisposeAsync();
        await Database.DisposeAsync();
    }

    public async Task StopInventoryAsync() => await Inventory.DisposeAsync();

    public async Task StartInventoryAsync() => Inventory = await ServiceProcess.StartAsync("Inventory", Database, identity: Identity);

    /// <summary>Replaces the running Catalog with one started with the given settings (or plain ones).</summary>
    public async Task RestartCatalogAsync(IDictionary<string, string>? settings = null, bool crash = false)
    {
        if (crash)
        {
            await Catalog.CrashAsync();
        }

        await Catalog.DisposeAsync();
        Catalog = await ServiceProcess.StartAsync("Catalog", Database, settings, Identity);
    }

    /// <summary>
    /// Creates a product with two variants in Catalog, or changes it (based on the version it has now), and returns
    /// (product id, variant ids).
    /// </summary>
    public async Task<(Guid ProductId, Guid[] VariantIds)> CreateProductAsync(Guid merchant, string slug, long price = 1500)
    {
        using var current = await Catalog.AsMerchantAsync(HttpMethod.Get, $"/api/v1/products/{slug}?status=any", merchant);
        var response = await Catalog.AsMerchantAsync(HttpMethod.Put, $"/api/v1/products/{slug}", merchant, new
        {
            name = $"Product {slug}",
            isPublished = true,
            variants = new[]
            {
                new { sku = $"{slug}-{merchant:N}-a", title = "A", options = new Dictionary<string, string> { ["Variant"] = "A" }, priceAmount = price, currency = "USD" },
                new { sku = $"{slug}-{merchant:N}-b", title = "B", options = new Dictionary<string, string> { ["Variant"] = "B" }, priceAmount = price, currency = "USD" },
            },
        }, current.IsSuccessStatusCode ? current.Headers.ETag?.ToString() : null);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var product = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (Guid.Parse((string)product["id"]!), product["variants"]!.AsArray().Select(v => Guid.Parse((string)v!["id"]!)).ToArray());
    }

    /// <summary>The stock of a variant as the merchant sees it, or null while Inventory does not know it.</summary>
    public async Task<JsonObject?> StockAsync(Guid merchant, Guid variantId)
    {
        using var response = await Inventory.AsMerchantAsync(HttpMethod.Get, $"/api/v1/stock/{variantId}", merchant);
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonObject>() : null;
    }

    public Task<JsonObject> StockArrivesAsync(Guid merchant, Guid variantId) =>
        Eventually.GetAsync(() => StockAsync(merchant, variantId), $"stock of variant {variantId} in Inventory");

    public Task<long> PendingOutboxAsync(Guid merchant) =>
        Database.ScalarAsync<long>("catalog", "SELECT count(*) FROM outbox_messages WHERE merchant_id = @m AND dispatched_at IS NULL", ("m", merchant));
}

[CollectionDefinition(Name)]
public sealed class InventoryCollection : ICollectionFixture<InventoryPlatform>
{
    public const string Name = "inventory platform";
}
