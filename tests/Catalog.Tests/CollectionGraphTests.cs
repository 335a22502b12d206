using System.Text.Json.Nodes;
using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Catalog.Tests;

/// <summary>
/// Collections over GraphQL: manual ones in the merchant's order, rule ones evaluated when read (so a product change
/// shows at once), shoppers seeing published products only, typed errors, and nothing of another merchant.
/// </summary>
[Collection(CatalogCollection.Name)]
public sealed class CollectionGraphTests(CatalogPlatform platform)
{
    private const string CollectionFields = "id slug title description kind version products(first: 10) { totalCount nodes { slug } pageInfo { hasNextPage endCursor } }";
    private const string Create = $$"""mutation($input: CollectionInput!) { collectionCreate(input: $input) { {{CollectionFields}} } }""";

    private ServiceProcess Catalog => platform.Catalog;

    private static readonly string[] Summer = ["summer"];

    private async Task<JsonObject> AsMerchantAsync(Guid merchant, string query, object? variables = null) =>
        await Catalog.GraphQLWithTokenAsync(await platform.Identity.MerchantTokenAsync(merchant), query, variables);

    private static string? Code(JsonObject result) => (string?)result["errors"]?[0]?["extensions"]?["code"];

    private static List<string> Slugs(JsonNode? connection) => connection!["nodes"]!.AsArray().Select(n => (string)n!["slug"]!).ToList();

    /// <summary>A product through REST; returns its id.</summary>
    private async Task<string> ProductAsync(Guid merchant, string slug, long price, string[]? tags = null, string? brand = null,
        string status = "active", long? compareAt = null, string? category = null)
    {
        var response = await platform.PutAsync(merchant, $"/api/v1/products/{slug}", new
        {
            name = slug.Replace('-', ' '),
            status,
            brand,
            tags,
            categorySlug = category,
            variants = new[] { new { sku = $"{slug}-{merchant:N}", title = "One", priceAmount = price, compareAtPriceAmount = compareAt, currency = "USD" } },
        });
        return (string)(await CatalogPlatform.ReadAsync<JsonObject>(response))["id"]!;
    }

    [Fact]
    public async Task A_manual_collection_lists_its_products_in_the_merchants_order_and_shoppers_see_only_the_published_ones()
    {
        var merchant = Guid.NewGuid();
        var tent = await ProductAsync(merchant, "tent", 20000);
        var stove = await ProductAsync(merchant, "stove", 5000);
        var draft = await ProductAsync(merchant, "lantern", 3000, status: "draft");

        var created = await AsMerchantAsync(merchant, Create, new
        {
            input = new { slug = "camp-kit", title = "Camp kit", description = "<p>All you need</p><script>x()</script>", kind = "MANUAL", productIds = new[] { tent, draft } },
        });
        Assert.Null(created["errors"]);
        var id = (string)created["data"]!["collectionCreate"]!["id"]!;
        Assert.DoesNotContain("script", (string?)created["data"]!["collectionCreate"]!["description"], StringComparison.Ordinal);

        var added = await AsMerchantAsync(merchant, "mutation($id: ID!, $ids: [ID!]!) { collectionProductsAdd(id: $id, productIds: $ids) { version } }", new { id, ids = new[] { stove, tent } });
        Assert.Null(added["errors"]);
        var reordered = await AsMerchantAsync(merchant, "mutation($id: ID!, $ids: [ID!]!) { collectionProductsReorder(id: $id, productIds: $ids) { products(first: 10, includeUnpublished: true) { nodes { slug } } } }",
            new { id, ids = new[] { stove, draft, tent } });
        Assert.Equal(["stove", "lantern", "tent"], Slugs(reordered["data"]!["collectionProductsReorder"]!["products"]));

        var shopper = await Catalog.GraphQLAsync(merchant, "{ collection(slug: \"camp-kit\") { title products(first: 1) { totalCount nodes { slug } pageInfo { hasNextPage endCursor } } } }");
        var page = shopper["data"]!["collection"]!["products"]!;
        Assert.Equal(["stove"], Slugs(page));
        Assert.Equal(2, (int)page["totalCount"]!);
        var next = await Catalog.GraphQLAsync(merchant, "query($after: String) { collection(slug: \"camp-kit\") { products(first: 5, after: $after) { nodes { slug } pageInfo { hasNextPage } } } }",
            new { after = (string?)page["pageInfo"]!["endCursor"] });
        Assert.Equal(["tent"], Slugs(next["data"]!["collection"]!["products"]));

        var removed = await AsMerchantAsync(merchant, "mutation($id: ID!, $ids: [ID!]!) { collectionProductsRemove(id: $id, productIds: $ids) { products(first: 10, includeUnpublished: true) { nodes { slug } } } }",
            new { id, ids = new[] { draft } });
        Assert.Equal(["stove", "tent"], Slugs(removed["data"]!["collectionProductsRemove"]!["products"]));
        Assert.True(await platform.Database.ScalarAsync<long>("catalog",
            "SELECT count(*) FROM outbox_messages WHERE merchant_id = @m AND message_type LIKE '%CollectionChanged'", ("m", merchant)) >= 4);
    }

    [Fact]
    public async Task A_rule_collection_matches_when_read_so_a_product_change_shows_at_once()
    {
        var merchant = Guid.NewGuid();
        await ProductAsync(merchant, "cheap-tee", 1500, tags: ["Summer"], brand: "Harbour");
        await ProductAsync(merchant, "dear-tee", 9000, tags: ["summer"], brand: "Harbour");
        await ProductAsync(merchant, "cheap-mug", 900, tags: ["kitchen"], brand: "Harbour", compareAt: 1200);

        var created = await AsMerchantAsync(merchant, Create, new
        {
            input = new
            {
                slug = "summer-under-50", title = "Summer under 50", kind = "RULES",
                rules = new { match = "ALL", conditions = new object[] { new { field = "TAG", @operator = "EQUALS", value = "summer" }, new { field = "PRICE", @operator = "LESS_THAN", value = "5000" } } },
            },
        });
        Assert.Null(created["errors"]);
        Assert.Equal(["cheap-tee"], Slugs(created["data"]!["collectionCreate"]!["products"]));

        var updated = await Catalog.AsMerchantAsync(HttpMethod.Put, "/api/v1/products/dear-tee", merchant, new
        {
            name = "dear tee", status = "active", brand = "Harbour", tags = Summer,
            variants = new[] { new { sku = $"dear-tee-{merchant:N}", title = "One", priceAmount = 4000, currency = "USD" } },
        }, ifMatch: "\"1\"");
        Assert.True(updated.IsSuccessStatusCode);

        var read = await Catalog.GraphQLAsync(merchant, "{ collection(slug: \"summer-under-50\") { products { nodes { slug collections { slug } } } } }");
        var nodes = read["data"]!["collection"]!["products"]!["nodes"]!.AsArray();
        Assert.Equal(["dear-tee", "cheap-tee"], nodes.Select(n => (string)n!["slug"]!));
        Assert.All(nodes, node => Assert.Contains("summer-under-50", node!["collections"]!.AsArray().Select(c => (string?)c!["slug"])));

        var onSale = await AsMerchantAsync(merchant, "query($rules: CollectionRulesInput!) { collectionRulesPreview(rules: $rules) { count publishedCount products { slug } } }",
            new { rules = new { match = "ANY", conditions = new object[] { new { field = "COMPARE_AT", @operator = "EQUALS", value = "true" }, new { field = "TITLE", @operator = "CONTAINS", value = "DEAR" } } } });
        Assert.Equal(2, (int)onSale["data"]!["collectionRulesPreview"]!["count"]!);
        Assert.Equal(["cheap-mug", "dear-tee"], onSale["data"]!["collectionRulesPreview"]!["products"]!.AsArray().Select(p => (string)p!["slug"]!).Order());
    }

    [Fact]
    public async Task A_rule_collection_refuses_product_moves_with_a_typed_error()
    {
        var merchant = Guid.NewGuid();
        var tee = await ProductAsync(merchant, "tee", 1000, tags: ["x"]);
        var created = await AsMerchantAsync(merchant, Create, new
        {
            input = new { slug = "x", title = "X", kind = "RULES", rules = new { match = "ALL", conditions = new[] { new { field = "TAG", @operator = "EQUALS", value = "x" } } } },
        });
        var id = (string)created["data"]!["collectionCreate"]!["id"]!;

        foreach (var mutation in new[] { "collectionProductsAdd", "collectionProductsRemove", "collectionProductsReorder" })
        {
            var result = await AsMerchantAsync(merchant, $"mutation($id: ID!, $ids: [ID!]!) {{ {mutation}(id: $id, productIds: $ids) {{ id }} }}", new { id, ids = new[] { tee } });
            Assert.Equal("CONFLICT", Code(result));
            Assert.Equal("NOT_MANUAL", (string?)result["errors"]![0]!["extensions"]!["reason"]);
        }
    }

    [Theory]
    [InlineData("PRICE", "LESS_THAN", "-5", "rules.conditions[0].value")]
    [InlineData("PRICE", "LESS_THAN", "12.50", "rules.conditions[0].value")]
    [InlineData("PRICE", "GREATER_THAN", "99999999999999999999", "rules.conditions[0].value")]
    [InlineData("TAG", "LESS_THAN", "summer", "rules.conditions[0].operator")]
    [InlineData("CATEGORY", "EQUALS", "not-an-id", "rules.conditions[0].value")]
    [InlineData("BRAND", "EQUALS", "a\u0001b", null)]
    public async Task Invalid_rules_are_refused_naming_the_condition_and_nothing_is_written(string field, string op, string value, string? error)
    {
        var merchant = Guid.NewGuid();
        var result = await AsMerchantAsync(merchant, Create, new
        {
            input = new { slug = "bad", title = "Bad", kind = "RULES", rules = new { match = "ALL", conditions = new[] { new { field, @operator = op, value } } } },
        });

        Assert.Equal("BAD_USER_INPUT", Code(result));
        if (error is not null)
        {
            // A control character is refused by the GraphQL string scalar itself, before the rules are read.
            Assert.NotNull(result["errors"]![0]!["extensions"]!["fields"]![error]);
        }

        Assert.Equal(0L, await platform.Database.ScalarAsync<long>("catalog", "SELECT count(*) FROM collections WHERE merchant_id = @m", ("m", merchant)));
    }

    [Fact]
    public async Task Slugs_are_unique_per_merchant_and_an_edit_on_an_old_version_is_a_conflict()
    {
        var merchant = Guid.NewGuid();
        var first = await AsMerchantAsync(merchant, Create, new { input = new { slug = "new-in", title = "New in", kind = "MANUAL" } });
        var id = (string)first["data"]!["collectionCreate"]!["id"]!;
        Assert.Equal("BAD_USER_INPUT", Code(await AsMerchantAsync(merchant, Create, new { input = new { slug = "new-in", title = "Again", kind = "MANUAL" } })));
        Assert.Null((await AsMerchantAsync(Guid.NewGuid(), Create, new { input = new { slug = "new-in", title = "Elsewhere", kind = "MANUAL" } }))["errors"]);

        const string Update = "mutation($id: ID!, $version: Long, $title: String) { collectionUpdate(id: $id, version: $version, input: { title: $title }) { title version } }";
        var updated = await AsMerchantAsync(merchant, Update, new { id, version = 1L, title = "Just in" });
        Assert.Equal(2L, (long)updated["data"]!["collectionUpdate"]!["version"]!);
        var stale = await AsMerchantAsync(merchant, Update, new { id, version = 1L, title = "Lost edit" });
        Assert.Equal("CONFLICT", Code(stale));
        Assert.Equal(2L, (long)stale["errors"]![0]!["extensions"]!["currentVersion"]!);
    }

    [Fact]
    public async Task The_staff_product_list_filters_by_collection()
    {
        var merchant = Guid.NewGuid();
        var tent = await ProductAsync(merchant, "tent", 20000, status: "draft");
        await ProductAsync(merchant, "stove", 5000);
        var created = await AsMerchantAsync(merchant, Create, new { input = new { slug = "kit", title = "Kit", kind = "MANUAL", productIds = new[] { tent } } });
        var id = (string)created["data"]!["collectionCreate"]!["id"]!;

        var list = await AsMerchantAsync(merchant, "query($c: ID) { adminProducts(collection: $c) { totalCount nodes { slug } } }", new { c = id });
        Assert.Equal(["tent"], Slugs(list["data"]!["adminProducts"]));
        var rest = await CatalogPlatform.ReadAsync<JsonObject>(await Catalog.AsMerchantAsync(HttpMethod.Get, $"/api/v1/admin/products?collection={id}", merchant));
        Assert.Equal(1, (int)rest["totalCount"]!);
        var unknown = await AsMerchantAsync(merchant, "query($c: ID) { adminProducts(collection: $c) { totalCount } }", new { c = Guid.NewGuid() });
        Assert.Equal(0, (int)unknown["data"]!["adminProducts"]!["totalCount"]!);
    }

    [Fact]
    public async Task Another_merchants_collections_and_products_are_out_of_reach()
    {
        var owner = Guid.NewGuid();
        var ownProduct = await ProductAsync(owner, "secret-tent", 20000);
        var created = await AsMerchantAsync(owner, Create, new { input = new { slug = "private", title = "Private", kind = "MANUAL", productIds = new[] { ownProduct } } });
        var id = (string)created["data"]!["collectionCreate"]!["id"]!;
        var stranger = Guid.NewGuid();
        var strangersProduct = await ProductAsync(stranger, "own-tent", 100);

        Assert.Null((await Catalog.GraphQLAsync(stranger, "{ collection(slug: \"private\") { id } }"))["data"]!["collection"]);
        Assert.Empty((await Catalog.GraphQLAsync(stranger, "{ collections { nodes { id } } }"))["data"]!["collections"]!["nodes"]!.AsArray());
        foreach (var mutation in new[] { "collectionProductsAdd", "collectionProductsRemove", "collectionProductsReorder" })
        {
            var result = await AsMerchantAsync(stranger, $"mutation($id: ID!, $ids: [ID!]!) {{ {mutation}(id: $id, productIds: $ids) {{ id }} }}", new { id, ids = new[] { strangersProduct } });
            Assert.Equal("NOT_FOUND", Code(result));
        }

        Assert.Equal("NOT_FOUND", Code(await AsMerchantAsync(stranger, "mutation($id: ID!) { collectionDelete(id: $id) { deletedCollectionId } }", new { id })));
        // The owner cannot list the stranger's product in its own collection either.
        var foreign = await AsMerchantAsync(owner, "mutation($id: ID!, $ids: [ID!]!) { collectionProductsAdd(id: $id, productIds: $ids) { id } }", new { id, ids = new[] { strangersProduct } });
        Assert.Equal("BAD_USER_INPUT", Code(foreign));
        Assert.Equal(1L, await platform.Database.ScalarAsync<long>("catalog", "SELECT count(*) FROM collection_products WHERE collection_id = @c", ("c", Guid.Parse(id))));
    }

    [Fact]
    public async Task Staff_only_parts_need_their_permission_and_shoppers_never_see_drafts()
    {
        var merchant = Guid.NewGuid();
        var draft = await ProductAsync(merchant, "draft-tent", 20000, status: "draft");
        await AsMerchantAsync(merchant, Create, new { input = new { slug = "kit", title = "Kit", kind = "MANUAL", productIds = new[] { draft } } });

        var preview = await Catalog.GraphQLAsync(merchant, "{ collectionRulesPreview(rules: { match: ALL, conditions: [{ field: TAG, operator: EQUALS, value: \"x\" }] }) { count } }");
        Assert.Equal("UNAUTHENTICATED", Code(preview));
        var create = await Catalog.GraphQLAsync(merchant, "mutation { collectionCreate(input: { slug: \"a\", title: \"A\", kind: MANUAL }) { id } }");
        Assert.Equal("UNAUTHENTICATED", Code(create));
        var rules = await Catalog.GraphQLAsync(merchant, "{ collection(slug: \"kit\") { rules { match } } }");
        Assert.Equal("UNAUTHENTICATED", Code(rules));
        var drafts = await Catalog.GraphQLAsync(merchant, "{ collection(slug: \"kit\") { products(includeUnpublished: true) { totalCount } } }");
        Assert.Equal(0, (int)drafts["data"]!["collection"]!["products"]!["totalCount"]!);
        var staff = await AsMerchantAsync(merchant, "{ collection(slug: \"kit\") { products(includeUnpublished: true) { totalCount } } }");
        Assert.Equal(1, (int)staff["data"]!["collection"]!["products"]!["totalCount"]!);
    }
}
