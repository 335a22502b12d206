using System.Text.Json.Nodes;
using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Catalog.Tests;

/// <summary>A shopper browses through the Catalog subgraph: listing, paging, categories, a product by slug.</summary>
[Collection(CatalogCollection.Name)]
public sealed class BrowsingTheCatalogTests(CatalogPlatform platform)
{
    private ServiceProcess Catalog => platform.Catalog;

    private const string ProductsQuery = """
        query ($first: Int, $after: String, $category: String) {
          products(first: $first, after: $after, categorySlug: $category) {
            totalCount
            nodes { slug name priceFrom { amount currency } category { slug } }
            pageInfo { hasNextPage endCursor }
          }
        }
        """;

    [Fact]
    public async Task Products_are_paged_with_cursors_until_the_last_page()
    {
        var merchant = await platform.NewMerchantWithCatalogAsync(productsInShirts: 5);
        var seen = new List<string>();
        string? after = null;
        var pages = 0;
        do
        {
            var result = await Catalog.GraphQLAsync(merchant, ProductsQuery, new { first = 2, after });
            var products = Data(result)["products"]!;
            Assert.Equal(6, (int)products["totalCount"]!);
            seen.AddRange(products["nodes"]!.AsArray().Select(node => (string)node!["slug"]!));
            after = (bool)products["pageInfo"]!["hasNextPage"]! ? (string?)products["pageInfo"]!["endCursor"] : null;
            pages++;
        }
        while (after is not null);

        Assert.Equal(3, pages);
        Assert.Equal(6, seen.Distinct().Count());
        Assert.Equal("mug", seen[0]); // newest first
    }

    [Fact]
    public async Task A_category_lists_the_products_of_its_subcategories_too()
    {
        var merchant = await platform.NewMerchantWithCatalogAsync(productsInShirts: 3);

        var apparel = Data(await Catalog.GraphQLAsync(merchant, ProductsQuery, new { category = "apparel" }))["products"]!;
        var mugs = Data(await Catalog.GraphQLAsync(merchant, ProductsQuery, new { category = "mugs" }))["products"]!;

        Assert.Equal(3, (int)apparel["totalCount"]!);
        Assert.All(apparel["nodes"]!.AsArray(), node => Assert.Equal("shirts", (string?)node!["category"]!["slug"]));
        Assert.Equal("mug", (string?)mugs["nodes"]![0]!["slug"]);
    }

    [Fact]
    public async Task The_category_tree_comes_with_children_and_parents()
    {
        var merchant = await platform.NewMerchantWithCatalogAsync();

        var data = Data(await Catalog.GraphQLAsync(merchant, "{ categories { slug children { slug parent { slug } } } }"));

        var roots = data["categories"]!.AsArray();
        Assert.Equal(["apparel", "mugs"], roots.Select(root => (string)root!["slug"]!).Order());
        var apparel = roots.Single(root => (string?)root!["slug"] == "apparel")!;
        Assert.Equal("apparel", (string?)apparel["children"]![0]!["parent"]!["slug"]);
    }

    [Fact]
    public async Task A_product_is_found_by_slug_with_variants_and_its_lowest_price()
    {
        var merchant = await platform.NewMerchantWithCatalogAsync();

        var product = Data(await Catalog.GraphQLAsync(merchant,
            """{ product(slug: "shirt-1") { name priceFrom { amount currency } variants { sku options { name value } price { amount } } } }"""))["product"]!;

        Assert.Equal("Shirt 1", (string?)product["name"]);
        Assert.Equal(2500, (int)product["priceFrom"]!["amount"]!);
        Assert.Equal(2, product["variants"]!.AsArray().Count);
        Assert.Equal("Size", (string?)product["variants"]![0]!["options"]![0]!["name"]);
    }

    [Fact]
    public async Task An_unknown_slug_is_null_not_an_error()
    {
        var merchant = await platform.NewMerchantWithCatalogAsync();

        var result = await Catalog.GraphQLAsync(merchant, """{ product(slug: "no-such-thing") { name } }""");

        Assert.Null(result["errors"]);
        Assert.Null(Data(result)["product"]);
    }

    [Fact]
    public async Task A_forged_cursor_and_an_oversized_page_are_typed_input_errors()
    {
        var merchant = await platform.NewMerchantWithCatalogAsync();

        var forged = await Catalog.GraphQLAsync(merchant, ProductsQuery, new { after = "bm90LWEtY3Vyc29y" });
        var oversized = await Catalog.GraphQLAsync(merchant, ProductsQuery, new { first = 1000 });

        Assert.Equal("BAD_USER_INPUT", (string?)forged["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal("BAD_USER_INPUT", (string?)oversized["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task A_request_that_is_not_GraphQL_gets_a_problem_response()
    {
        var response = await Catalog.SendAsync(HttpMethod.Post, "/graphql", Guid.NewGuid(), new { nothing = true });

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_gateway_can_resolve_products_and_variants_by_key_in_one_request()
    {
        var merchant = await platform.NewMerchantWithCatalogAsync();
        var ids = Data(await Catalog.GraphQLAsync(merchant, "{ products { nodes { id variants { id } } } }"))["products"]!["nodes"]!.AsArray();
        var representations = ids.Select(node => new { __typename = "Product", id = (string)node!["id"]! })
            .Cast<object>()
            .Concat(ids.SelectMany(node => node!["variants"]!.AsArray()).Select(variant => new { __typename = "ProductVariant", id = (string)variant!["id"]! }))
            .ToArray();

        var entities = Data(await Catalog.GraphQLAsync(merchant,
            "query ($r: [_Any!]!) { _entities(representations: $r) { ... on Product { name } ... on ProductVariant { sku } } }",
            new { r = representations }))["_entities"]!.AsArray();

        Assert.Equal(representations.Length, entities.Count);
        Assert.All(entities, entity => Assert.NotNull(entity));
    }

    internal static JsonObject Data(JsonObject result)
    {
        Assert.True(result["errors"] is null, $"GraphQL errors: {result["errors"]}");
        return result["data"]!.AsObject();
    }
}
