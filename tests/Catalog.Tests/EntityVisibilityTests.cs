using System.Text.Json.Nodes;
using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Catalog.Tests;

/// <summary>
/// The gateway's entity lookups (`_entities`) follow the root fields' rules: anonymous callers and shoppers see
/// published products and their variants only; the merchant's own clients with products:read see drafts too.
/// </summary>
[Collection(CatalogCollection.Name)]
public sealed class EntityVisibilityTests(CatalogPlatform platform)
{
    private const string Lookup =
        "query ($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Product { name } ... on ProductVariant { sku } } }";

    private ServiceProcess Catalog => platform.Catalog;

    [Fact]
    public async Task A_draft_and_its_variants_are_not_resolved_for_an_anonymous_caller()
    {
        var (merchant, representations) = await DraftAsync();

        var result = await Catalog.GraphQLAsync(merchant, Lookup, new { r = representations });

        Assert.Null(result["errors"]);
        Assert.All(result["data"]!["_entities"]!.AsArray(), entity => Assert.Null(entity));
    }

    [Fact]
    public async Task A_draft_and_its_variants_are_resolved_for_the_merchants_client_with_products_read()
    {
        var (merchant, representations) = await DraftAsync();
        var token = await platform.Identity.MerchantTokenAsync(merchant, "products:read");

        var result = await Catalog.GraphQLWithTokenAsync(token, Lookup, new { r = representations });

        Assert.Null(result["errors"]);
        var entities = result["data"]!["_entities"]!.AsArray();
        Assert.Equal("Draft lamp", (string?)entities[0]!["name"]);
        Assert.NotNull(entities[1]!["sku"]);
    }

    [Fact]
    public async Task A_published_product_and_its_variants_are_resolved_for_anyone()
    {
        var merchant = Guid.NewGuid();
        var created = await CatalogPlatform.ReadAsync<JsonObject>(
            await platform.PutAsync(merchant, "/api/v1/products/lamp", CatalogPlatform.Product("Lamp", null, $"LP-{merchant:N}")));

        var result = await Catalog.GraphQLAsync(merchant, Lookup, new { r = Representations(created) });

        Assert.Equal("Lamp", (string?)result["data"]!["_entities"]![0]!["name"]);
        Assert.NotNull(result["data"]!["_entities"]![1]!["sku"]);
    }

    private async Task<(Guid Merchant, object[] Representations)> DraftAsync()
    {
        var merchant = Guid.NewGuid();
        var draft = CatalogPlatform.Product("Draft lamp", null, $"DR-{merchant:N}");
        var body = System.Text.Json.JsonSerializer.SerializeToNode(draft, ServiceProcess.Json)!.AsObject();
        body["isPublished"] = false;
        var created = await CatalogPlatform.ReadAsync<JsonObject>(await platform.PutAsync(merchant, "/api/v1/products/draft-lamp", body));
        return (merchant, Representations(created));
    }

    private static object[] Representations(JsonObject product) =>
    [
        new { __typename = "Product", id = (string?)product["id"] },
        new { __typename = "ProductVariant", id = (string?)product["variants"]![0]!["id"] },
    ];
}
