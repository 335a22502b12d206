using System.Text.Json.Nodes;
using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Catalog.Tests;

/// <summary>
/// The category tree's edits over GraphQL: siblings keep a dense order, a move under the category's own subtree is
/// refused naming parentId, and a deletion releases or moves the category's products under a clear rule.
/// </summary>
[Collection(CatalogCollection.Name)]
public sealed class CategoryTreeGraphTests(CatalogPlatform platform)
{
    private const string Fields = "id slug name description position parent { id }";

    private const string Create = $$"""mutation($input: CategoryCreateInput!) { categoryCreate(input: $input) { {{Fields}} } }""";
    private const string Move = $$"""mutation($id: ID!, $parentId: ID, $position: Int!) { categoryMove(id: $id, parentId: $parentId, position: $position) { {{Fields}} } }""";
    private const string Delete = """mutation($id: ID!, $to: ID) { categoryDelete(id: $id, productsTo: $to) { deletedCategoryId } }""";

    private ServiceProcess Catalog => platform.Catalog;

    private static readonly string[] ShirtsAndSale = ["shirts", "sale"];

    private async Task<JsonObject> AsMerchantAsync(Guid merchant, string query, object? variables = null) =>
        await Catalog.GraphQLWithTokenAsync(await platform.Identity.MerchantTokenAsync(merchant), query, variables);

    private async Task<string> CreateAsync(Guid merchant, string name, string? parentId = null)
    {
        var result = await AsMerchantAsync(merchant, Create, new { input = new { name, parentId, description = $"<p>{name}</p><script>x()</script>" } });
        Assert.Null(result["errors"]);
        return (string)result["data"]!["categoryCreate"]!["id"]!;
    }

    private async Task<List<string>> ChildrenAsync(Guid merchant, string? parentSlug)
    {
        var tree = await AsMerchantAsync(merchant, "{ categories { slug position children { slug position } } }");
        var level = parentSlug is null
            ? tree["data"]!["categories"]!.AsArray()
            : tree["data"]!["categories"]!.AsArray().Single(c => (string?)c!["slug"] == parentSlug)!["children"]!.AsArray();
        Assert.Equal(Enumerable.Range(0, level.Count), level.Select(c => (int)c!["position"]!));
        return level.Select(c => (string)c!["slug"]!).ToList();
    }

    [Fact]
    public async Task A_new_category_gets_a_slug_from_its_name_a_sanitised_description_and_the_last_place_among_its_siblings()
    {
        var merchant = Guid.NewGuid();
        await CreateAsync(merchant, "Outdoor Gear");
        var result = await AsMerchantAsync(merchant, Create, new { input = new { name = "Rain & Snow", description = "<p>Dry</p><img src=x onerror=alert(1)>" } });

        var category = result["data"]!["categoryCreate"]!;
        Assert.Equal("rain-snow", (string?)category["slug"]);
        Assert.Equal(1, (int)category["position"]!);
        Assert.DoesNotContain("onerror", (string?)category["description"], StringComparison.Ordinal);
        Assert.Equal(["outdoor-gear", "rain-snow"], await ChildrenAsync(merchant, null));
        Assert.Equal(2L, await platform.Database.ScalarAsync<long>("catalog",
            "SELECT count(*) FROM outbox_messages WHERE merchant_id = @m AND message_type LIKE '%CategoryChanged'", ("m", merchant)));
    }

    [Fact]
    public async Task Moving_reorders_the_siblings_and_moving_under_another_parent_closes_the_gap_left_behind()
    {
        var merchant = Guid.NewGuid();
        var apparel = await CreateAsync(merchant, "Apparel");
        var first = await CreateAsync(merchant, "First", apparel);
        await CreateAsync(merchant, "Second", apparel);
        await CreateAsync(merchant, "Third", apparel);

        var moved = await AsMerchantAsync(merchant, Move, new { id = first, parentId = apparel, position = 2 });
        Assert.Null(moved["errors"]);
        Assert.Equal(["second", "third", "first"], await ChildrenAsync(merchant, "apparel"));

        await AsMerchantAsync(merchant, Move, new { id = first, parentId = (string?)null, position = 0 });
        Assert.Equal(["first", "apparel"], await ChildrenAsync(merchant, null));
        Assert.Equal(["second", "third"], await ChildrenAsync(merchant, "apparel"));
    }

    [Fact]
    public async Task A_move_under_itself_or_its_own_descendant_is_refused_naming_parentId_and_changes_nothing()
    {
        var merchant = Guid.NewGuid();
        var apparel = await CreateAsync(merchant, "Apparel");
        var shirts = await CreateAsync(merchant, "Shirts", apparel);
        var tees = await CreateAsync(merchant, "Tees", shirts);

        foreach (var target in new[] { apparel, shirts, tees })
        {
            var result = await AsMerchantAsync(merchant, Move, new { id = apparel, parentId = target, position = 0 });
            Assert.Equal("BAD_USER_INPUT", (string?)result["errors"]![0]!["extensions"]!["code"]);
            Assert.NotNull(result["errors"]![0]!["extensions"]!["fields"]!["parentId"]);
        }

        Assert.Equal(["apparel"], await ChildrenAsync(merchant, null));
    }

    [Fact]
    public async Task A_category_with_children_cannot_be_deleted_until_they_are_gone()
    {
        var merchant = Guid.NewGuid();
        var apparel = await CreateAsync(merchant, "Apparel");
        var shirts = await CreateAsync(merchant, "Shirts", apparel);

        var refused = await AsMerchantAsync(merchant, Delete, new { id = apparel });
        Assert.Equal("CONFLICT", (string?)refused["errors"]![0]!["extensions"]!["code"]);

        Assert.Null((await AsMerchantAsync(merchant, Delete, new { id = shirts }))["errors"]);
        Assert.Null((await AsMerchantAsync(merchant, Delete, new { id = apparel }))["errors"]);
        Assert.Empty(await ChildrenAsync(merchant, null));
    }

    [Fact]
    public async Task Deleting_a_category_releases_its_products_and_their_next_category_becomes_primary_or_moves_them_when_asked()
    {
        var merchant = Guid.NewGuid();
        var shirts = await CreateAsync(merchant, "Shirts");
        var sale = await CreateAsync(merchant, "Sale");
        var archive = await CreateAsync(merchant, "Archive");
        await platform.PutAsync(merchant, "/api/v1/products/tee", new
        {
            name = "Tee", categorySlug = "shirts", categorySlugs = ShirtsAndSale, isPublished = true,
            variants = new[] { new { sku = $"TEE-{merchant:N}", title = "One", priceAmount = 1000, currency = "USD" } },
        });
        await platform.PutAsync(merchant, "/api/v1/products/mug", new
        {
            name = "Mug", categorySlug = "sale", isPublished = true,
            variants = new[] { new { sku = $"MUG-{merchant:N}", title = "One", priceAmount = 1000, currency = "USD" } },
        });

        Assert.Null((await AsMerchantAsync(merchant, Delete, new { id = shirts }))["errors"]);
        var tee = await CatalogPlatform.ReadAsync<JsonObject>(await Catalog.AsMerchantAsync(HttpMethod.Get, "/api/v1/products/tee", merchant));
        Assert.Equal(sale, (string?)tee["categoryId"]);
        Assert.Equal([sale], tee["categoryIds"]!.AsArray().Select(id => (string?)id));
        Assert.Equal(2L, (long)tee["version"]!);

        Assert.Null((await AsMerchantAsync(merchant, Delete, new { id = sale, to = archive }))["errors"]);
        foreach (var slug in new[] { "tee", "mug" })
        {
            var product = await CatalogPlatform.ReadAsync<JsonObject>(await Catalog.AsMerchantAsync(HttpMethod.Get, $"/api/v1/products/{slug}", merchant));
            Assert.Equal(archive, (string?)product["categoryId"]);
        }
    }

    [Fact]
    public async Task Another_merchants_category_is_not_found_and_stays_as_it_was()
    {
        var owner = Guid.NewGuid();
        var category = await CreateAsync(owner, "Private");

        foreach (var (query, variables) in new (string, object)[]
        {
            (Move, new { id = category, parentId = (string?)null, position = 3 }),
            (Delete, new { id = category }),
            ("mutation($id: ID!) { categoryUpdate(id: $id, input: { name: \"Taken\" }) { id } }", new { id = category }),
        })
        {
            var result = await AsMerchantAsync(Guid.NewGuid(), query, variables);
            Assert.Equal("NOT_FOUND", (string?)result["errors"]![0]!["extensions"]!["code"]);
        }

        Assert.Equal("Private", await platform.Database.ScalarAsync<string>("catalog", "SELECT name FROM categories WHERE merchant_id = @m", ("m", owner)));
    }

    [Fact]
    public async Task Bad_input_is_refused_before_anything_is_written()
    {
        var merchant = Guid.NewGuid();
        foreach (var input in new object[]
        {
            new { name = "" },
            new { name = "Bad\u0000Name" },
            new { name = new string('x', 201) },
            new { name = "Fine", slug = "Not A Slug" },
            new { name = "Fine", parentId = Guid.NewGuid() },
            new { name = "Fine", description = new string('x', 5_001) },
        })
        {
            var result = await AsMerchantAsync(merchant, Create, new { input });
            Assert.Equal("BAD_USER_INPUT", (string?)result["errors"]![0]!["extensions"]!["code"]);
        }

        var tooFar = await AsMerchantAsync(merchant, Move, new { id = await CreateAsync(merchant, "Only"), parentId = (string?)null, position = -1 });
        Assert.Equal("BAD_USER_INPUT", (string?)tooFar["errors"]![0]!["extensions"]!["code"]);
        var pastInt = await AsMerchantAsync(merchant, "mutation($id: ID!) { categoryMove(id: $id, position: 2147483648) { id } }", new { id = Guid.NewGuid() });
        Assert.NotNull(pastInt["errors"]);
        Assert.Equal(1L, await platform.Database.ScalarAsync<long>("catalog", "SELECT count(*) FROM categories WHERE merchant_id = @m", ("m", merchant)));
    }

    [Fact]
    public async Task Without_products_write_the_edits_are_refused()
    {
        var result = await Catalog.GraphQLAsync(Guid.NewGuid(), Create, new { input = new { name = "Anon" } });

        Assert.Equal("UNAUTHENTICATED", (string?)result["errors"]![0]!["extensions"]!["code"]);
    }
}
