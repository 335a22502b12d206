using System.Text.Json.Nodes;
using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Catalog.Tests;

/// <summary>
/// The admin's product operations in the Catalog subgraph: the same rules as REST, errors typed and naming fields,
/// CONFLICT with the current version on a stale edit, and the staff views that see drafts.
/// </summary>
[Collection(CatalogCollection.Name)]
public sealed class ProductGraphTests(CatalogPlatform platform)
{
    private const string ProductFields = "id slug name status isPublished version tags brand options { name values } variants { sku position price { amount } compareAtPrice { amount } cost { amount } }";

    private const string Create = $$"""
        mutation Create($input: ProductInput!) { productCreate(input: $input) { {{ProductFields}} } }
        """;

    private const string Update = $$"""
        mutation Update($id: ID!, $version: Long!, $input: ProductInput!) { productUpdate(id: $id, version: $version, input: $input) { {{ProductFields}} } }
        """;

    private ServiceProcess Catalog => platform.Catalog;

    private static object Input(string slug, string skuPrefix, string? status = "DRAFT", string name = "Canvas Tote", long price = 3000) => new
    {
        slug,
        name,
        description = "<p>Heavy canvas.</p><img src=x onerror=alert(1)>",
        status,
        brand = "Harbour",
        tags = new[] { "Bags", "bags", " Canvas " },
        options = new object[]
        {
            new { name = "Size", values = new[] { "S", "L" } },
            new { name = "Colour", values = new[] { "Sand", "Navy" } },
        },
        variants = new[] { ("S", "Sand"), ("S", "Navy"), ("L", "Sand"), ("L", "Navy") }.Select((v, i) => new
        {
            sku = $"{skuPrefix}-{v.Item1}-{v.Item2}",
            title = $"{v.Item1} / {v.Item2}",
            options = new object[] { new { name = "Size", value = v.Item1 }, new { name = "Colour", value = v.Item2 } },
            priceAmount = price + i * 100,
            compareAtPriceAmount = price + i * 100 + 1000,
            costAmount = 1200,
            currency = "USD",
        }).ToArray(),
    };

    private async Task<JsonObject> AsMerchantAsync(Guid merchant, string query, object? variables = null) =>
        await Catalog.GraphQLWithTokenAsync(await platform.Identity.MerchantTokenAsync(merchant), query, variables);

    private static string? Code(JsonObject result) => (string?)result["errors"]?[0]?["extensions"]?["code"];

    [Fact]
    public async Task A_product_with_two_options_and_four_variants_is_created_as_a_draft_the_admin_sees_and_shoppers_do_not()
    {
        var merchant = Guid.NewGuid();
        var created = await AsMerchantAsync(merchant, Create, new { input = Input("canvas-tote", $"CT-{merchant:N}") });

        Assert.Null(created["errors"]);
        var product = created["data"]!["productCreate"]!;
        Assert.Equal("DRAFT", (string?)product["status"]);
        Assert.False((bool)product["isPublished"]!);
        Assert.Equal(["bags", "canvas"], product["tags"]!.AsArray().Select(t => (string?)t));
        Assert.Equal(4, product["variants"]!.AsArray().Count);
        Assert.Equal(1200L, (long)product["variants"]![0]!["cost"]!["amount"]!);

        var id = (string)product["id"]!;
        var adminView = await AsMerchantAsync(merchant, "query($id: ID!) { adminProduct(id: $id) { slug description } }", new { id });
        Assert.Equal("<p>Heavy canvas.</p>", (string?)adminView["data"]!["adminProduct"]!["description"]);
        Assert.Null((await Catalog.GraphQLAsync(merchant, "{ product(slug: \"canvas-tote\") { id } }"))["data"]!["product"]);
        var anonymous = await Catalog.GraphQLAsync(merchant, "query($id: ID!) { adminProduct(id: $id) { id } }", new { id });
        Assert.Equal("UNAUTHENTICATED", Code(anonymous));
    }

    [Fact]
    public async Task Repeating_a_create_returns_the_product_and_another_product_under_the_slug_is_a_field_error()
    {
        var merchant = Guid.NewGuid();
        var first = await AsMerchantAsync(merchant, Create, new { input = Input("tote", $"T1-{merchant:N}") });
        var repeat = await AsMerchantAsync(merchant, Create, new { input = Input("tote", $"T1-{merchant:N}") });
        Assert.Equal((string?)first["data"]!["productCreate"]!["id"], (string?)repeat["data"]!["productCreate"]!["id"]);
        Assert.Equal(1L, (long)repeat["data"]!["productCreate"]!["version"]!);

        var other = await AsMerchantAsync(merchant, Create, new { input = Input("tote", $"T2-{merchant:N}", name: "Another tote") });

        Assert.Equal("BAD_USER_INPUT", Code(other));
        Assert.NotNull(other["errors"]![0]!["extensions"]!["fields"]!["slug"]);
    }

    [Fact]
    public async Task A_refused_write_leaves_nothing_behind_for_the_next_mutation_of_the_same_request()
    {
        var merchant = Guid.NewGuid();
        await AsMerchantAsync(merchant, Create, new { input = Input("tote", $"RW-{merchant:N}") });
        var other = (string)(await AsMerchantAsync(merchant, Create, new { input = Input("bag", $"RB-{merchant:N}") }))["data"]!["productCreate"]!["id"]!;

        var result = await AsMerchantAsync(merchant, """
            mutation($input: ProductInput!, $other: ID!) {
              refused: productCreate(input: $input) { id }
              archived: productArchive(id: $other) { status }
            }
            """, new { input = Input("tote", $"RW-{merchant:N}", name: "Taken over"), other });

        Assert.Equal("BAD_USER_INPUT", Code(result));
        Assert.Equal("archived", await platform.Database.ScalarAsync<string>("catalog", "SELECT status FROM products WHERE id = @id", ("id", Guid.Parse(other))));
        Assert.Equal("Canvas Tote", await platform.Database.ScalarAsync<string>("catalog",
            "SELECT name FROM products WHERE merchant_id = @m AND slug = 'tote'", ("m", merchant)));
    }

    [Fact]
    public async Task A_stale_edit_is_a_CONFLICT_with_the_current_version_and_changes_nothing()
    {
        var merchant = Guid.NewGuid();
        var id = (string)(await AsMerchantAsync(merchant, Create, new { input = Input("tote", $"ST-{merchant:N}") }))["data"]!["productCreate"]!["id"]!;
        var first = await AsMerchantAsync(merchant, Update, new { id, version = 1, input = Input("tote", $"ST-{merchant:N}", name: "First edit") });
        Assert.Equal(2L, (long)first["data"]!["productUpdate"]!["version"]!);

        var stale = await AsMerchantAsync(merchant, Update, new { id, version = 1, input = Input("tote", $"ST-{merchant:N}", name: "Stale edit") });

        Assert.Equal("CONFLICT", Code(stale));
        Assert.Equal(2L, (long)stale["errors"]![0]!["extensions"]!["currentVersion"]!);
        Assert.Contains("changed since version 1", (string?)stale["errors"]![0]!["message"], StringComparison.Ordinal);
        Assert.Equal("First edit", await platform.Database.ScalarAsync<string>("catalog", "SELECT name FROM products WHERE id = @id", ("id", Guid.Parse(id))));
    }

    [Fact]
    public async Task Field_errors_name_the_variant_and_option_at_fault()
    {
        var merchant = Guid.NewGuid();
        var input = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Input("tote", $"FE-{merchant:N}")))!;
        input["variants"]![1]!["options"] = new JsonArray(new JsonObject { ["name"] = "Size", ["value"] = "S" }, new JsonObject { ["name"] = "Colour", ["value"] = "Sand" });
        input["variants"]![2]!["options"] = new JsonArray(new JsonObject { ["name"] = "Size", ["value"] = "XL" }, new JsonObject { ["name"] = "Colour", ["value"] = "Sand" });
        input["variants"]![3]!["compareAtPriceAmount"] = 1;

        var result = await AsMerchantAsync(merchant, Create, new { input });

        Assert.Equal("BAD_USER_INPUT", Code(result));
        var fields = result["errors"]![0]!["extensions"]!["fields"]!.AsObject().Select(f => f.Key).ToList();
        Assert.Contains("variants[1].options", fields);
        Assert.Contains("variants[2].options.Size", fields);
        Assert.Contains("variants[3].compareAtPriceAmount", fields);
        Assert.Equal(0L, await platform.Database.ScalarAsync<long>("catalog", "SELECT count(*) FROM products WHERE merchant_id = @m", ("m", merchant)));
    }

    [Fact]
    public async Task Archive_restore_and_delete_follow_the_status_rules()
    {
        var merchant = Guid.NewGuid();
        var id = (string)(await AsMerchantAsync(merchant, Create, new { input = Input("tote", $"AD-{merchant:N}", status: "ACTIVE") }))["data"]!["productCreate"]!["id"]!;

        var refused = await AsMerchantAsync(merchant, "mutation($id: ID!) { productDelete(id: $id) { deletedProductId } }", new { id });
        Assert.Equal("CONFLICT", Code(refused));

        var archived = await AsMerchantAsync(merchant, "mutation($id: ID!) { productArchive(id: $id, version: 1) { status version } }", new { id });
        Assert.Equal("ARCHIVED", (string?)archived["data"]!["productArchive"]!["status"]);
        var restored = await AsMerchantAsync(merchant, "mutation($id: ID!) { productRestore(id: $id) { status } }", new { id });
        Assert.Equal("DRAFT", (string?)restored["data"]!["productRestore"]!["status"]);

        var deleted = await AsMerchantAsync(merchant, "mutation($id: ID!) { productDelete(id: $id, version: 3) { deletedProductId } }", new { id });
        Assert.Equal(id, (string?)deleted["data"]!["productDelete"]!["deletedProductId"]);
        Assert.Equal("NOT_FOUND", Code(await AsMerchantAsync(merchant, "mutation($id: ID!) { productArchive(id: $id) { id } }", new { id })));
    }

    [Fact]
    public async Task A_bulk_publish_reports_per_product_and_the_staff_list_filters_and_searches()
    {
        var merchant = Guid.NewGuid();
        var ids = new List<string>();
        foreach (var (slug, brand) in new[] { ("tote-a", "Harbour"), ("tote-b", "Harbour"), ("tote-c", "Quay") })
        {
            var input = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Input(slug, $"{slug.ToUpperInvariant()}-{merchant:N}")))!;
            input["brand"] = brand;
            ids.Add((string)(await AsMerchantAsync(merchant, Create, new { input }))["data"]!["productCreate"]!["id"]!);
        }

        var bulk = await AsMerchantAsync(merchant, "mutation($ids: [ID!]!) { productsBulk(action: PUBLISH, ids: $ids) { productId ok code version } }",
            new { ids = new[] { ids[0], ids[1], Guid.NewGuid().ToString() } });

        var results = bulk["data"]!["productsBulk"]!.AsArray();
        Assert.Equal([true, true, false], results.Select(r => (bool)r!["ok"]!));
        Assert.Equal("NOT_FOUND", (string?)results[2]!["code"]);

        const string list = "query($status: ProductStatus, $brand: String, $search: String) { adminProducts(status: $status, brand: $brand, search: $search) { totalCount nodes { slug } } }";
        Assert.Equal(["tote-c"], Slugs(await AsMerchantAsync(merchant, list, new { status = "DRAFT" })));
        Assert.Equal(["tote-b", "tote-a"], Slugs(await AsMerchantAsync(merchant, list, new { status = "ACTIVE", brand = "Harbour" })));
        Assert.Equal(["tote-b"], Slugs(await AsMerchantAsync(merchant, list, new { search = $"TOTE-B-{merchant:N}-S-Sand" })));
        Assert.Equal(3, Slugs(await AsMerchantAsync(merchant, list, new { search = "canvas TOTE" })).Count);
        Assert.Equal(2, (await Catalog.GraphQLAsync(merchant, "{ products { nodes { slug } } }"))["data"]!["products"]!["nodes"]!.AsArray().Count);
    }

    private static List<string?> Slugs(JsonObject result) =>
        result["data"]?["adminProducts"]?["nodes"]?.AsArray().Select(n => (string?)n!["slug"]).ToList()
        ?? throw new Xunit.Sdk.XunitException(result.ToJsonString());
}
