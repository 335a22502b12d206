using System.Net;
using System.Text.Json.Nodes;
using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Catalog.Tests;

/// <summary>A merchant creates and changes products through the REST API: valid writes land once, bad ones change nothing.</summary>
[Collection(CatalogCollection.Name)]
public sealed class ManagingProductsTests(CatalogPlatform platform)
{
    private ServiceProcess Catalog => platform.Catalog;

    [Fact]
    public async Task Creating_a_product_returns_it_with_its_variants_and_publishes_one_event()
    {
        var merchant = Guid.NewGuid();
        var response = await Catalog.AsMerchantAsync(HttpMethod.Put, "/api/v1/products/trail-shirt", merchant,
            CatalogPlatform.Product("Trail Shirt", null, $"TS-{merchant:N}"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var product = await CatalogPlatform.ReadAsync<JsonObject>(response);
        Assert.Equal("Trail Shirt", (string?)product["name"]);
        Assert.Equal(2, product["variants"]!.AsArray().Count);
        Assert.Equal(1, await OutboxCountAsync(merchant));
    }

    [Fact]
    public async Task Repeating_the_same_write_changes_nothing_and_publishes_nothing_new()
    {
        var merchant = Guid.NewGuid();
        var body = CatalogPlatform.Product("Rain Jacket", null, $"RJ-{merchant:N}");
        await platform.PutAsync(merchant, "/api/v1/products/rain-jacket", body);

        var repeat = await Catalog.AsMerchantAsync(HttpMethod.Put, "/api/v1/products/rain-jacket", merchant, body);

        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        Assert.Equal(1L, (long)(await CatalogPlatform.ReadAsync<JsonObject>(repeat))["version"]!);
        Assert.Equal(1, await OutboxCountAsync(merchant));
    }

    [Fact]
    public async Task Changing_a_product_bumps_its_version_and_publishes_the_new_state()
    {
        var merchant = Guid.NewGuid();
        await platform.PutAsync(merchant, "/api/v1/products/fleece", CatalogPlatform.Product("Fleece", null, $"FL-{merchant:N}"));

        var changed = await Catalog.AsMerchantAsync(HttpMethod.Put, "/api/v1/products/fleece", merchant,
            CatalogPlatform.Product("Fleece Pro", null, $"FL-{merchant:N}", price: 4000), ifMatch: "\"1\"");

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("\"2\"", changed.Headers.ETag?.ToString());
        var product = await CatalogPlatform.ReadAsync<JsonObject>(changed);
        Assert.Equal(2L, (long)product["version"]!);
        Assert.Equal(4000L, (long)product["variants"]![0]!["priceAmount"]!);
        Assert.Equal(2, await OutboxCountAsync(merchant));
    }

    [Fact]
    public async Task Invalid_input_is_refused_with_field_errors_and_nothing_is_written()
    {
        var merchant = Guid.NewGuid();
        var response = await Catalog.AsMerchantAsync(HttpMethod.Put, "/api/v1/products/Bad Slug", merchant, new
        {
            name = "",
            isPublished = true,
            variants = new[] { new { sku = "X", title = "X", priceAmount = -5, currency = "usd" } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await CatalogPlatform.ReadAsync<JsonObject>(response);
        var errors = problem["errors"]!.AsObject();
        Assert.Contains("slug", errors.Select(e => e.Key));
        Assert.Contains("name", errors.Select(e => e.Key));
        Assert.Contains("variants[0].priceAmount", errors.Select(e => e.Key));
        Assert.Contains("variants[0].currency", errors.Select(e => e.Key));
        Assert.Equal(0L, await platform.Database.ScalarAsync<long>("catalog", "SELECT count(*) FROM products WHERE merchant_id = @m", ("m", merchant)));
        Assert.Equal(0, await OutboxCountAsync(merchant));
    }

    [Fact]
    public async Task A_malformed_body_is_a_client_error_not_a_server_error()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/products/broken")
        {
            Content = new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", await platform.Identity.MerchantTokenAsync(Guid.NewGuid()));

        var response = await Catalog.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_SKU_already_used_by_another_product_is_a_field_error_naming_that_product()
    {
        var merchant = Guid.NewGuid();
        await platform.PutAsync(merchant, "/api/v1/products/first", CatalogPlatform.Product("First", null, "DUP"));

        var response = await Catalog.AsMerchantAsync(HttpMethod.Put, "/api/v1/products/second", merchant, CatalogPlatform.Product("Second", null, "DUP"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await CatalogPlatform.ReadAsync<JsonObject>(response))["errors"]!.AsObject();
        Assert.Contains("'first'", (string?)errors["variants[0].sku"]![0], StringComparison.Ordinal);
        Assert.Contains("'first'", (string?)errors["variants[1].sku"]![0], StringComparison.Ordinal);
        Assert.Equal(0L, await platform.Database.ScalarAsync<long>("catalog", "SELECT count(*) FROM products WHERE merchant_id = @m AND slug = 'second'", ("m", merchant)));
    }

    [Fact]
    public async Task The_same_SKU_at_two_merchants_is_two_unrelated_products()
    {
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        await platform.PutAsync(first, "/api/v1/products/tee", CatalogPlatform.Product("Tee", null, "SHARED-SKU"));

        var response = await Catalog.AsMerchantAsync(HttpMethod.Put, "/api/v1/products/tee", second, CatalogPlatform.Product("Tee", null, "SHARED-SKU"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_write_without_credentials_is_refused_even_when_it_names_a_merchant()
    {
        var merchant = Guid.NewGuid();
        var response = await Catalog.SendAsync(HttpMethod.Put, "/api/v1/products/orphan", merchant, CatalogPlatform.Product("Orphan", null, "ORPHAN"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0L, await platform.Database.ScalarAsync<long>("catalog", "SELECT count(*) FROM products WHERE merchant_id = @m", ("m", merchant)));
    }

    [Fact]
    public async Task A_malformed_merchant_header_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/products");
        request.Headers.Add("x-merchant-id", "not-a-uuid");

        var response = await Catalog.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_category_under_an_unknown_parent_is_refused()
    {
        var response = await Catalog.AsMerchantAsync(HttpMethod.Put, "/api/v1/categories/lost", Guid.NewGuid(), new { name = "Lost", parentSlug = "nowhere" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<long> OutboxCountAsync(Guid merchant) =>
        await platform.Database.ScalarAsync<long>("catalog", "SELECT count(*) FROM outbox_messages WHERE merchant_id = @m", ("m", merchant));
}
