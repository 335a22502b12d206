using System.Net.Http.Json;
using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Catalog.Tests;

/// <summary>
/// A real PostgreSQL with Identity (which issues the tokens) and Catalog running, shared by the tests; each test
/// works as a merchant of its own.
/// </summary>
public sealed class CatalogPlatform : IAsyncLifetime
{
    public PlatformDatabase Database { get; } = new();
    public PlatformIdentity Identity { get; private set; } = null!;
    public ServiceProcess Catalog { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Identity = await PlatformIdentity.StartAsync(Database);
        Catalog = await ServiceProcess.StartAsync("Catalog", Database, identity: Identity);
    }

    public async Task DisposeAsync()
    {
        await Catalog.DisposeAsync();
        await Identity.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>Replaces the running Catalog (killed first when <paramref name="crash"/>) with one started with the given settings.</summary>
    public async Task RestartCatalogAsync(IDictionary<string, string>? settings = null, bool crash = false)
    {
        if (crash)
        {
            await Catalog.CrashAsync();
        }

        await Catalog.DisposeAsync();
        Catalog = await ServiceProcess.StartAsync("Catalog", Database, settings, Identity);
    }

    /// <summary>Creates a small category tree and products for one merchant through the REST API.</summary>
    public async Task<Guid> NewMerchantWithCatalogAsync(int productsInShirts = 3, string currency = "USD")
    {
        var merchant = Guid.NewGuid();
        await PutAsync(merchant, "/api/v1/categories/apparel", new { name = "Apparel" });
        await PutAsync(merchant, "/api/v1/categories/shirts", new { name = "Shirts", parentSlug = "apparel" });
        await PutAsync(merchant, "/api/v1/categories/mugs", new { name = "Mugs" });
        for (var index = 1; index <= productsInShirts; index++)
        {
            await PutAsync(merchant, $"/api/v1/products/shirt-{index}", Product($"Shirt {index}", "shirts", $"SH-{merchant:N}-{index}", currency));
        }

        await PutAsync(merchant, "/api/v1/products/mug", Product("Mug", "mugs", $"MUG-{merchant:N}", currency));
        return merchant;
    }

    public static object Product(string name, string? categorySlug, string skuPrefix, string currency = "USD", long price = 2500) => new
    {
        name,
        description = $"{name}, made well.",
        categorySlug,
        isPublished = true,
        variants = new[]
        {
            new { sku = $"{skuPrefix}-S", title = "S", options = new Dictionary<string, string> { ["Size"] = "S" }, priceAmount = price, currency },
            new { sku = $"{skuPrefix}-M", title = "M", options = new Dictionary<string, string> { ["Size"] = "M" }, priceAmount = price + 100, currency },
        },
    };

    public async Task<HttpResponseMessage> PutAsync(Guid merchant, string path, object body)
    {
        var response = await Catalog.AsMerchantAsync(HttpMethod.Put, path, merchant, body);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"PUT {path} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return response;
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(ServiceProcess.Json))!;
}

[CollectionDefinition(Name)]
public sealed class CatalogCollection : ICollectionFixture<CatalogPlatform>
{
    public const string Name = "catalog platform";
}
