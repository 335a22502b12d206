using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using UnifiedCommerce.Hosting;
using UnifiedCommerce.Operations.Seeding;
using UnifiedCommerce.PlatformApi;

namespace UnifiedCommerce.Operations;

/// <summary>
/// Loads the demo merchants through the services' own REST APIs (the same path as a merchant's import), so
/// events flow and every rule applies. Upserts make a second run a no-op; stock is set only where nobody has
/// counted it yet. It signs in like anyone else: as the platform operator to create the merchants, then, per
/// merchant, with an API client made for the run and deleted after it (no credential outlives the seeding).
/// Demo staff and shoppers come in through Identity's own invitation and sign-up pages (see DemoPeopleSeeder).
/// </summary>
internal static class SeedCommand
{
    private const int Parallelism = 4;

    public static async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using var identity = Client("identity");
        using var catalog = Client("catalog");
        using var inventory = Client("inventory");
        identity.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            await TokenAsync(identity, PlatformOperatorSecret.ClientId, OperatorSecret(), cancellationToken));
        var people = new DemoPeopleSeeder(identity, await DemoPeopleSeeder.IssuerAsync(identity, cancellationToken));
        foreach (var merchant in DemoCatalog.All())
        {
            await SendAsync(identity, HttpMethod.Put, $"/api/v1/merchants/{merchant.Id}", null,
                new { name = merchant.Name, defaultCurrency = merchant.Currency, hosts = merchant.Hosts }, cancellationToken);
            var client = await (await SendAsync(identity, HttpMethod.Post, $"/api/v1/merchants/{merchant.Id}/api-clients", null,
                new { name = "Demo data seeding", permissions = Permissions.All }, cancellationToken))
                .Content.ReadFromJsonAsync<SeedingClient>(cancellationToken) ?? throw new InvalidOperationException("Empty API client response.");
            try
            {
                var token = await TokenAsync(identity, client.ClientId, client.ClientSecret, cancellationToken);
                await SeedMerchantAsync(merchant, token, catalog, inventory, cancellationToken);
                await people.SeedAsync(merchant, cancellationToken);
            }
            finally
            {
                using var removed = await identity.DeleteAsync($"/api/v1/merchants/{merchant.Id}/api-clients/{client.ClientId}", CancellationToken.None);
            }
        }

        Console.WriteLine("Demo data is ready.");
        return 0;
    }

    /// <summary>The operator secret the platform keeps beside its data (see PlatformOperatorSecret).</summary>
    private static string OperatorSecret()
    {
        var dataDirectory = Environment.GetEnvironmentVariable("COMMERCE_DATA_DIR")
            ?? throw new InvalidOperationException("COMMERCE_DATA_DIR is not set: the seeder reads the platform operator secret from there.");
        var file = PlatformOperatorSecret.Path(dataDirectory);
        return File.Exists(file) ? File.ReadAllText(file).Trim() : throw new InvalidOperationException($"{file} is missing; start the platform once to create it.");
    }

    private static async Task<string> TokenAsync(HttpClient identity, string clientId, string secret, CancellationToken cancellationToken)
    {
        using var response = await identity.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }), cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken);
        return response.IsSuccessStatusCode && body?.AccessToken is { } token
            ? token
            : throw new InvalidOperationException($"Identity refused a token for {clientId}: {(int)response.StatusCode} {body?.ErrorDescription}");
    }

    private static async Task SeedMerchantAsync(DemoMerchant merchant, string accessToken, HttpClient catalog, HttpClient inventory, CancellationToken cancellationToken)
    {
        foreach (var category in merchant.Categories)
        {
            await SendAsync(catalog, HttpMethod.Put, $"/api/v1/categories/{category.Slug}", accessToken,
                new { name = category.Name, parentSlug = category.ParentSlug, sortOrder = category.SortOrder }, cancellationToken);
        }

        var done = 0;
        var lastReported = -1;
        var productIds = new ConcurrentDictionary<string, Guid>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(merchant.Products, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (product, cancel) =>
            {
                var saved = await SaveProductAsync(catalog, accessToken, product, cancel);
                productIds[product.Slug] = saved.Id;
                foreach (var variant in saved.Variants)
                {
                    if (product.Variants.FirstOrDefault(v => v.Sku == variant.Sku) is { } planned)
                    {
                        await SeedStockAsync(inventory, accessToken, saved.Id, variant, planned.InitialStock, cancel);
                    }
                }

                await SeedImagesAsync(catalog, accessToken, product, saved, cancel);
                var count = Interlocked.Increment(ref done);
                var percent = count * 100 / merchant.Products.Count;
                if (percent / 10 != Volatile.Read(ref lastReported) / 10 && percent % 10 == 0)
                {
                    Volatile.Write(ref lastReported, percent);
                    Console.WriteLine($"Seeding {merchant.Name}: {count}/{merchant.Products.Count} products with their pictures ({percent}%)");
                }
            });
        await SeedCollectionsAsync(catalog, accessToken, merchant, productIds, cancellationToken);
    }

    /// <summary>
    /// Creates each collection the store does not have yet (by slug); one that exists is the merchant's, left as it is.
    /// </summary>
    private static async Task SeedCollectionsAsync(HttpClient catalog, string accessToken, DemoMerchant merchant,
        ConcurrentDictionary<string, Guid> productIds, CancellationToken cancellationToken)
    {
        foreach (var collection in merchant.Collections)
        {
            var existing = await GraphAsync<CollectionBySlug>(catalog, accessToken,
                "query ($slug: String!) { collection(slug: $slug) { id } }", new { slug = collection.Slug }, cancellationToken);
            if (existing.Collection is not null)
            {
                continue;
            }

            var input = new
            {
                slug = collection.Slug,
                title = collection.Title,
                description = collection.Description,
                kind = collection.IsManual ? "MANUAL" : "RULES",
                rules = collection.IsManual ? null : new
                {
                    match = "ALL",
                    conditions = collection.Rules.Select(rule => new { field = rule.Field, @operator = rule.Operator, value = rule.Value }),
                },
                productIds = collection.IsManual ? collection.ProductSlugs.Select(slug => productIds[slug]).ToList() : null,
            };
            await GraphAsync<JsonElement>(catalog, accessToken,
                "mutation ($input: CollectionInput!) { collectionCreate(input: $input) { id } }", new { input }, cancellationToken);
        }

        Console.WriteLine($"Seeding {merchant.Name}: {merchant.Collections.Count} collections");
    }

    /// <summary>
    /// Creates the product, or leaves it as it is: a second run sends the same product, which changes nothing, and a
    /// product the merchant has edited since (the catalog asks for its version: 428) is theirs now, never overwritten.
    /// </summary>
    private static async Task<SavedProduct> SaveProductAsync(HttpClient catalog, string accessToken, DemoProduct product, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/products/{product.Slug}")
        {
            Content = JsonContent.Create(new
            {
                name = product.Name,
                description = product.Description,
                status = product.Status,
                brand = product.Brand,
                productType = product.ProductType,
                tags = product.Tags,
                seoTitle = product.SeoTitle,
                seoDescription = product.SeoDescription,
                categorySlug = product.CategorySlugs[0],
                categorySlugs = product.CategorySlugs,
                options = product.Options.Select(o => new { name = o.Name, values = o.Values }),
                variants = product.Variants.Select(v => new
                {
                    sku = v.Sku,
                    title = v.Title,
                    options = v.Options,
                    priceAmount = v.PriceAmount,
                    compareAtPriceAmount = v.CompareAtPriceAmount,
                    costAmount = v.CostAmount,
                    currency = v.Currency,
                    weightGrams = v.WeightGrams,
                    barcode = v.Barcode,
                }),
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await catalog.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.PreconditionRequired)
        {
            using var current = await SendAsync(catalog, HttpMethod.Get, $"/api/v1/products/{product.Slug}?status=any", accessToken, null, cancellationToken);
            return await current.Content.ReadFromJsonAsync<SavedProduct>(cancellationToken) ?? throw new InvalidOperationException("Empty product response.");
        }

        await EnsureSuccessAsync(response, HttpMethod.Put, request.RequestUri!.ToString(), cancellationToken);
        return await response.Content.ReadFromJsonAsync<SavedProduct>(cancellationToken) ?? throw new InvalidOperationException("Empty product response.");
    }

    /// <summary>
    /// Draws the product's pictures and uploads them through the media API, then gives each variant the picture of
    /// its colour. A product that has pictures already (an earlier run, or the merchant's own) keeps them.
    /// </summary>
    private static async Task SeedImagesAsync(HttpClient catalog, string accessToken, DemoProduct product, SavedProduct saved, CancellationToken cancellationToken)
    {
        var existing = await GraphAsync<MediaOfProduct>(catalog, accessToken,
            "query ($id: ID!) { adminProduct(id: $id) { media { id } } }", new { id = saved.Id }, cancellationToken);
        if (existing.AdminProduct is not { Media.Count: 0 })
        {
            return;
        }

        var mediaByColour = new Dictionary<string, Guid>(StringComparer.Ordinal);
        for (var index = 0; index < product.Images.Count; index++)
        {
            var image = product.Images[index];
            using var file = new ByteArrayContent(ProductIllustrations.Render(image));
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            using var form = new MultipartFormDataContent { { file, "file", $"{product.Slug}-{index + 1}.jpg" }, { new StringContent(image.Alt), "alt" } };
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/products/{product.Slug}/media") { Content = form };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            using var response = await catalog.SendAsync(request, cancellationToken);
            await EnsureSuccessAsync(response, HttpMethod.Post, request.RequestUri!.ToString(), cancellationToken);
            var media = await response.Content.ReadFromJsonAsync<SavedMedia>(cancellationToken) ?? throw new InvalidOperationException("Empty media response.");
            if (!image.CloseUp)
            {
                mediaByColour.TryAdd(image.Colour, media.Id);
            }
        }

        foreach (var variant in saved.Variants)
        {
            var planned = product.Variants.FirstOrDefault(v => v.Sku == variant.Sku);
            if (planned is not null && planned.Options.TryGetValue("Colour", out var colour) && mediaByColour.TryGetValue(colour, out var mediaId))
            {
                await GraphAsync<JsonElement>(catalog, accessToken,
                    "mutation ($variantId: ID!, $mediaId: ID) { productVariantImageSet(variantId: $variantId, mediaId: $mediaId) { __typename } }",
                    new { variantId = variant.Id, mediaId }, cancellationToken);
            }
        }
    }

    /// <summary>One operation against the catalog's own GraphQL endpoint; any error fails the seeding with its message.</summary>
    private static async Task<T> GraphAsync<T>(HttpClient catalog, string accessToken, string query, object variables, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(catalog, HttpMethod.Post, "/graphql", accessToken, new { query, variables }, cancellationToken);
        var answer = await response.Content.ReadFromJsonAsync<GraphAnswer<T>>(cancellationToken);
        if (answer is null || answer.Errors is { Count: > 0 } || answer.Data is null)
        {
            throw new InvalidOperationException($"The catalog refused a seeding operation: {string.Join("; ", answer?.Errors?.Select(e => e.Message) ?? ["no answer"])}");
        }

        return answer.Data;
    }

    private static async Task SeedStockAsync(HttpClient inventory, string accessToken, Guid productId, SavedVariant variant, int quantity, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/stock/{variant.Id}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var current = await inventory.SendAsync(request, cancellationToken);
        if (current.StatusCode == HttpStatusCode.OK)
        {
            var stock = await current.Content.ReadFromJsonAsync<SavedStock>(cancellationToken);
            if (stock is { Version: > 0 })
            {
                return; // Counted before (by a person or an earlier seed): never overwrite.
            }
        }

        await SendAsync(inventory, HttpMethod.Put, $"/api/v1/stock/{variant.Id}", accessToken,
            new { productId, sku = variant.Sku, onHand = quantity }, cancellationToken);
    }

    /// <summary>Sends with the given bearer token, or with the client's own when none is given.</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? token, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var response = await client.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, method, path, cancellationToken);
        return response;
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, HttpMethod method, string path, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var problem = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException($"{method} {path} failed with {(int)response.StatusCode}: {problem}");
        }
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

    private sealed record SavedMedia(Guid Id);

    private sealed record MediaOfProduct(ProductMedia? AdminProduct);

    private sealed record CollectionBySlug(SavedCollection? Collection);

    private sealed record SavedCollection(Guid Id);

    private sealed record ProductMedia(IReadOnlyList<SavedMedia> Media);

    private sealed record GraphAnswer<T>(T? Data, IReadOnlyList<GraphError>? Errors);

    private sealed record GraphError(string Message);

    private sealed record SeedingClient(string ClientId, string ClientSecret);

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("error_description")] string? ErrorDescription);
}
