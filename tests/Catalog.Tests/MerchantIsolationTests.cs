using System.Net;
using System.Text.Json.Nodes;
using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Catalog.Tests;

/// <summary>One merchant's catalog is invisible and untouchable with another merchant's channel, on every surface.</summary>
[Collection(CatalogCollection.Name)]
public sealed class MerchantIsolationTests(CatalogPlatform platform)
{
    private ServiceProcess Catalog => platform.Catalog;

    [Fact]
    public async Task Another_merchant_sees_none_of_the_products_or_categories()
    {
        var owner = await platform.NewMerchantWithCatalogAsync();
        var other = Guid.NewGuid();

        var listing = BrowsingTheCatalogTests.Data(await Catalog.GraphQLAsync(other, "{ products { totalCount } categories { slug } }"));
        var bySlug = BrowsingTheCatalogTests.Data(await Catalog.GraphQLAsync(other, """{ product(slug: "shirt-1") { id } category(slug: "apparel") { id } }"""));
        var rest = await Catalog.SendAsync(HttpMethod.Get, "/api/v1/products/shirt-1", other);

        Assert.Equal(0, (int)listing["products"]!["totalCount"]!);
        Assert.Empty(listing["categories"]!.AsArray());
        Assert.Null(bySlug["product"]);
        Assert.Null(bySlug["category"]);
        Assert.Equal(HttpStatusCode.NotFound, rest.StatusCode);

        var ownView = await Catalog.SendAsync(HttpMethod.Get, "/api/v1/products/shirt-1", owner);
        Assert.Equal(HttpStatusCode.OK, ownView.StatusCode);
    }

    [Fact]
    public async Task Another_merchant_cannot_resolve_the_entities_by_id()
    {
        var owner = await platform.NewMerchantWithCatalogAsync();
        var productId = (string)BrowsingTheCatalogTests.Data(await Catalog.GraphQLAsync(owner, "{ products(first: 1) { nodes { id } } }"))["products"]!["nodes"]![0]!["id"]!;
        const string query = "query ($r: [_Any!]!) { _entities(representations: $r) { ... on Product { name } } }";
        var representation = new { r = new[] { new { __typename = "Product", id = productId } } };

        var asOwner = await Catalog.GraphQLAsync(owner, query, representation);
        var asOther = await Catalog.GraphQLAsync(Guid.NewGuid(), query, representation);

        Assert.NotNull(BrowsingTheCatalogTests.Data(asOwner)["_entities"]![0]);
        Assert.Null(asOther["data"]!["_entities"]![0]);
    }

    [Fact]
    public async Task Writing_a_slug_another_merchant_uses_creates_a_separate_product_and_leaves_theirs_alone()
    {
        var owner = await platform.NewMerchantWithCatalogAsync();
        var other = Guid.NewGuid();

        var response = await Catalog.AsMerchantAsync(HttpMethod.Put, "/api/v1/products/shirt-1", other, CatalogPlatform.Product("Hijacked", null, $"HJ-{other:N}"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var original = await CatalogPlatform.ReadAsync<JsonObject>(await Catalog.SendAsync(HttpMethod.Get, "/api/v1/products/shirt-1", owner));
        Assert.Equal("Shirt 1", (string?)original["name"]);
        Assert.Equal(1L, (long)original["version"]!);
    }
}
