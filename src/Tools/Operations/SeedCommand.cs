using System.Net;
using System.Net.Http.Json;
using UnifiedCommerce.Operations.Seeding;

namespace UnifiedCommerce.Operations;

/// <summary>
/// Loads the demo merchants through the services' own REST APIs (the same path as a merchant's import), so
/// events flow and every rule applies. Upserts make a second run a no-op; stock is set only where nobody has
/// counted it yet.
/// </summary>
internal static class SeedCommand
{
    private const int Parallelism = 4;

    public static async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using var identity = Client("identity");
        using var catalog = Client("catalog");
        using var inventory = Client("inventory");
        foreach (var merchant in DemoCatalog.All())
        {
            await SendAsync(identity, HttpMethod.Put, $"/api/v1/merchants/{merchant.Id}", merchant.Id.ToString(),
                new { name = merchant.Name, defaultCurrency = merchant.Currency, hosts = merchant.Hosts }, cancellationToken);
            await SeedMerchantAsync(merchant, catalog, inventory, cancellationToken);
        }

        Console.WriteLine("Demo data is ready.");
        return 0;
    }

    private static async Task SeedMerchantAsync(DemoMerchant merchant, HttpClient catalog, HttpClient inventory, CancellationToken cancellationToken)
    {
        var merchantHeader = merchant.Id.ToString();
        foreach (var category in merchant.Categories)
        {
            await SendAsync(catalog, HttpMethod.Put, $"/api/v1/categories/{category.Slug}", merchantHeader,
                new { name = category.Name, parentSlug = category.ParentSlug, sortOrder = category.SortOrder }, cancellationToken);
        }

        var done = 0;
        var lastReported = -1;
        await Parallel.ForEachAsync(merchant.Products, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (product, token) =>
            {
                var saved = await SendAsync(catalog, HttpMethod.Put, $"/api/v1/products/{product.Slug}", merchantHeader, new
                {
                    name = product.Name,
                    description = product.Description,
                    categorySlug = product.CategorySlug,
                    isPublished = true,
                    variants = product.Variants.Select(v => new { sku = v.Sku, title = v.Title, options = v.Options, priceAmount = v.PriceAmount, currency = v.Currency }),
                }, token);
                var body = await saved.Content.ReadFromJsonAsync<SavedProduct>(token) ?? throw new InvalidOperationException("Empty product response.");
                foreach (var variant in body.Variants)
                {
                    var planned = product.Variants.First(v => v.Sku == variant.Sku);
                    await SeedStockAsync(inventory, merchantHeader, body.Id, variant, planned.InitialStock, token);
                }

                var count = Interlocked.Increment(ref done);
                var percent = count * 100 / merchant.Products.Count;
                if (percent / 10 != Volatile.Read(ref lastReported) / 10 && percent % 10 == 0)
                {
                    Volatile.Write(ref lastReported, percent);
                    Console.WriteLine($"Seeding {merchant.Name}: {count}/{merchant.Products.Count} products ({percent}%)");
                }
            });
    }

    private static async Task SeedStockAsync(HttpClient inventory, string merchantHeader, Guid productId, SavedVariant variant, int quantity, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/stock/{variant.Id}");
        request.Headers.Add("x-merchant-id", merchantHeader);
        using var current = await inventory.SendAsync(request, cancellationToken);
        if (current.StatusCode == HttpStatusCode.OK)
        {
            var stock = await current.Content.ReadFromJsonAsync<SavedStock>(cancellationToken);
            if (stock is { Version: > 0 })
            {
                return; // Counted before (by a person or an earlier seed): never overwrite.
            }
        }

        await SendAsync(inventory, HttpMethod.Put, $"/api/v1/stock/{variant.Id}", merchantHeader,
            new { productId, sku = variant.Sku, onHand = quantity }, cancellationToken);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string merchantHeader, object body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("x-merchant-id", merchantHeader);
        var response = await client.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var problem = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException($"{method} {path} failed with {(int)response.StatusCode}: {problem}");
        }

        return response;
    }

    /// <summary>Service URLs come from Aspire's service references (services__NAME__http__0) or NAME_URL.</summary>
    private static HttpClient Client(string service)
    {
        var url = Environment.GetEnvironmentVariable($"services__{service}__http__0")
            ?? Environment.GetEnvironmentVariable($"{service.ToUpperInvariant()}_URL")
            ?? throw new InvalidOperationException($"The {service} service URL is not set (services__{service}__http__0 or {service.ToUpperInvariant()}_URL).");
        return new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
    }

    private sealed record SavedProduct(Guid Id, IReadOnlyList<SavedVariant> Variants);

    private sealed record SavedVariant(Guid Id, string Sku);

    private sealed record SavedStock(long Version);
}
