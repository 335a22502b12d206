using System.Net;
using System.Text.Json.Nodes;
using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Catalog.Tests;

/// <summary>
/// The product model over REST: the validation rules with their field names, versioned edits (428 without a version,
/// 409 with the current one when stale), archive, restore and delete, bulk actions with per-product results, the
/// publishing window, and what shoppers never see (drafts, scheduled products, costs).
/// </summary>
[Collection(CatalogCollection.Name)]
public sealed class ProductLifecycleTests(CatalogPlatform platform)
{
    private ServiceProcess Catalog => platform.Catalog;

    /// <summary>A product with Size (S, M) x Colour (Red, Blue): four variants, each with a compare-at price and a cost.</summary>
    public static JsonObject Tee(string skuPrefix, string status = "active") => new()
    {
        ["name"] = "Trail Tee",
        ["description"] = "<p>Merino <strong>soft</strong>.</p><script>alert(1)</script><a href=\"javascript:alert(2)\" onclick=\"x()\">size chart</a>",
        ["status"] = status,
        ["brand"] = "Northwind",
        ["productType"] = "T-shirt",
        ["tags"] = new JsonArray("Summer", " NEW  in "),
        ["seoTitle"] = "Trail Tee in merino",
        ["seoDescription"] = "A soft tee for long days.",
        ["options"] = new JsonArray(
            new JsonObject { ["name"] = "Size", ["values"] = new JsonArray("S", "M") },
            new JsonObject { ["name"] = "Colour", ["values"] = new JsonArray("Red", "Blue") }),
        ["variants"] = new JsonArray(
            TeeVariant($"{skuPrefix}-S-R", "S", "Red", 2500),
            TeeVariant($"{skuPrefix}-S-B", "S", "Blue", 2500),
            TeeVariant($"{skuPrefix}-M-R", "M", "Red", 2700),
            TeeVariant($"{skuPrefix}-M-B", "M", "Blue", 2700)),
    };

    private static JsonObject TeeVariant(string sku, string size, string colour, long price) => new()
    {
        ["sku"] = sku,
        ["title"] = $"{size} / {colour}",
        ["options"] = new JsonObject { ["Size"] = size, ["Colour"] = colour },
        ["priceAmount"] = price,
        ["compareAtPriceAmount"] = price + 500,
        ["costAmount"] = 900,
        ["barcode"] = "4006381333931",
        ["weightGrams"] = 180,
        ["currency"] = "USD",
    };

    [Fact]
    public async Task A_complete_product_is_stored_normalised_with_a_sanitised_description()
    {
        var merchant = Guid.NewGuid();
        var response = await Catalog.AsMerchantAsync(HttpMethod.Put, "/api/v1/products/trail-tee", merchant, Tee($"TT-{merchant:N}"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag?.ToString());
        var product = await CatalogPlatform.ReadAsync<JsonObject>(response);
        var description = (string)product["description"]!;
        Assert.Contains("<strong>soft</strong>", description, StringComparison.Ordinal);
        Assert.DoesNotContain("script", description, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", description, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", description, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["summer", "new in"], product["tags"]!.AsArray().Select(t => (string?)t));
        Assert.Equal("active", (string?)product["status"]);
        Assert.True((bool)product["isPublished"]!);
        Assert.Equal(["Size", "Colour"], product["options"]!.AsArray().Select(o => (string?)o!["name"]));
        var variant = product["variants"]![3]!;
        Assert.Equal(3200L, (long)variant["compareAtPriceAmount"]!);
        Assert.Equal(900L, (long)variant["costAmount"]!);
        Assert.Equal(3, (int)variant["position"]!);

        var payload = await platform.Database.ScalarAsync<string>("catalog", "SELECT payload::text FROM outbox_messages WHERE merchant_id = @m", ("m", merchant));
        var change = JsonNode.Parse(payload!)!;
        Assert.Equal("active", (string?)change["status"]);
        Assert.Equal("Northwind", (string?)change["brand"]);
        Assert.Equal(["created"], change["changes"]!.AsArray().Select(c => (string?)c));
        Assert.Equal(3200L, (long)change["variants"]![3]!["compareAtPriceAmount"]!);
    }

    public static TheoryData<string, string> BrokenRules() => new()
    {
        { "same option values", "variants[1].options" },
        { "missing value", "variants[0].options.Colour" },
        { "value not among the option's", "variants[0].options.Size" },
        { "negative price", "variants[0].priceAmount" },
        { "compare-at below price", "variants[0].compareAtPriceAmount" },
        { "duplicate SKU in the product", "variants[1].sku" },
        { "unknown category", "categorySlug" },
        { "too many tags", "tags" },
    };

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public async Task Each_rule_is_a_field_error_and_nothing_is_written(string rule, string field)
    {
        var merchant = Guid.NewGuid();
        var body = Tee($"BR-{merchant:N}");
        var variants = body["variants"]!.AsArray();
        switch (rule)
        {
            case "same option values":
                variants[1]!["options"] = new JsonObject { ["Size"] = "S", ["Colour"] = "Red" };
                break;
            case "missing value":
                variants[0]!["options"] = new JsonObject { ["Size"] = "S" };
                break;
            case "value not among the option's":
                variants[0]!["options"] = new JsonObject { ["Size"] = "XXL", ["Colour"] = "Red" };
                break;
            case "negative price":
                variants[0]!["priceAmount"] = -1;
                break;
            case "compare-at below price":
                variants[0]!["compareAtPriceAmount"] = 100;
                break;
            case "duplicate SKU in the product":
                variants[1]!["sku"] = (string)variants[0]!["sku"]!;
                break;
            case "unknown category":
                body["categorySlug"] = "nowhere";
                break;
            case "too many tags":
                body["tags"] = new JsonArray([.. Enumerable.Range(0, 26).Select(i => (JsonNode)$"tag {i}")]);
                break;
        }

        var response = await Catalog.AsMerchantAsync(HttpMethod.Put, "/api/v1/products/broken", merchant, body);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{rule}: {(int)response.StatusCode} {text}");
        Assert.Contains(field, JsonNode.Parse(text)!["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(0L, await CountAsync(merchant, "products"));
        Assert.Equal(0L, await CountAsync(merchant, "outbox_messages"));
    }

    [Fact]
    public async Task A_currency_other_than_the_stores_is_a_field_error()
    {
        var merchant = Guid.NewGuid();
        await platform.PutAsync(merchant, "/api/v1/products/in-dollars", Tee($"CU-{merchant:N}"));
        var euros = Tee($"EU-{merchant:N}");
        foreach (var variant in euros["variants"]!.AsArray())
        {
            variant!["currency"] = "EUR";
        }

        var response = await Catalog.AsMerchantAsync(HttpMethod.Put, "/api/v1/products/in-euros", merchant, euros);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("USD", (string?)(await CatalogPlatform.ReadAsync<JsonObject>(response))["errors"]!["variants[0].currency"]![0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_an_existing_product_without_its_version_is_428_and_changes_nothing()
    {
        var merchant = Guid.NewGuid();
        var body = Tee($"PR-{merchant:N}");
        await platform.PutAsync(merchant, "/api/v1/products/tee", body);
        body["name"] = "Renamed";

        var response = await Catalog.AsMerchantAsync(HttpMethod.Put, "/api/v1/products/tee", merchant, body);

        Assert.Equal((HttpStatusCode)428, response.StatusCode);
        Assert.Contains("If-Match", (string?)(await CatalogPlatform.ReadAsync<JsonObject>(response))["detail"], StringComparison.Ordinal);
        Assert.Equal("Trail Tee", await platform.Database.ScalarAsync<string>("catalog", "SELECT name FROM products WHERE merchant_id = @m", ("m", merchant)));
    }

    [Fact]
    public async Task An_edit_based_on_an_old_version_is_409_with_the_current_version()
    {
        var merchant = Guid.NewGuid();
        var body = Tee($"ST-{merchant:N}");
        await platform.PutAsync(merchant, "/api/v1/products/tee", body);
        body["name"] = "First editor";
        Assert.Equal(HttpStatusCode.OK, (await Catalog.AsMerchantAsync(HttpMethod.Put, "/api/v1/products/tee", merchant, body, "\"1\"")).StatusCode);
        body["name"] = "Second editor, from version 1";

        var stale = await Catalog.AsMerchantAsync(HttpMethod.Put, "/api/v1/products/tee", merchant, body, "\"1\"");

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await CatalogPlatform.ReadAsync<JsonObject>(stale);
        Assert.Equal(2L, (long)problem["currentVersion"]!);
        Assert.Contains("changed since version 1", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal("First editor", await platform.Database.ScalarAsync<string>("catalog", "SELECT name FROM products WHERE merchant_id = @m", ("m", merchant)));
    }

    [Fact]
    public async Task An_active_product_is_archived_before_it_can_be_deleted_and_a_restored_one_is_a_draft()
    {
        var merchant = Guid.NewGuid();
        await platform.PutAsync(merchant, "/api/v1/products/tee", Tee($"AR-{merchant:N}"));

        var refused = await Catalog.AsMerchantAsync(HttpMethod.Delete, "/api/v1/products/tee", merchant);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("archive it first", (string?)(await CatalogPlatform.ReadAsync<JsonObject>(refused))["detail"], StringComparison.Ordinal);

        var archived = await CatalogPlatform.ReadAsync<JsonObject>(await Catalog.AsMerchantAsync(HttpMethod.Post, "/api/v1/products/tee/archive", merchant, ifMatch: "\"1\""));
        Assert.Equal("archived", (string?)archived["status"]);
        Assert.Equal(HttpStatusCode.NotFound, (await Catalog.SendAsync(HttpMethod.Get, "/api/v1/products/tee", merchant)).StatusCode);

        var restored = await CatalogPlatform.ReadAsync<JsonObject>(await Catalog.AsMerchantAsync(HttpMethod.Post, "/api/v1/products/tee/restore", merchant));
        Assert.Equal("draft", (string?)restored["status"]);
        Assert.Equal(HttpStatusCode.Conflict, (await Catalog.AsMerchantAsync(HttpMethod.Post, "/api/v1/products/tee/restore", merchant)).StatusCode);

        Assert.Equal(HttpStatusCode.Conflict, (await Catalog.AsMerchantAsync(HttpMethod.Delete, "/api/v1/products/tee", merchant, ifMatch: "\"1\"")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Catalog.AsMerchantAsync(HttpMethod.Delete, "/api/v1/products/tee", merchant, ifMatch: "\"3\"")).StatusCode);
        Assert.Equal(0L, await CountAsync(merchant, "products"));
        Assert.Equal(0L, await CountAsync(merchant, "variants"));
        Assert.Equal(1L, await platform.Database.ScalarAsync<long>("catalog",
            "SELECT count(*) FROM outbox_messages WHERE merchant_id = @m AND message_type LIKE '%ProductDeleted'", ("m", merchant)));
        // No service subscribes to deletions yet: the relay publishes it to no queue and moves on, holding nothing up.
        await Eventually.TrueAsync(async () => await platform.Database.ScalarAsync<long>("catalog",
            "SELECT count(*) FROM outbox_messages WHERE merchant_id = @m AND dispatched_at IS NULL", ("m", merchant)) == 0,
            "every event of the product, its deletion too, relayed");
    }

    [Fact]
    public async Task A_bulk_action_reports_each_product_and_leaves_the_failed_ones_untouched()
    {
        var merchant = Guid.NewGuid();
        var stranger = Guid.NewGuid();
        var active = await IdOfAsync(merchant, "active-tee", Tee($"BA-{merchant:N}"));
        var draft = await IdOfAsync(merchant, "draft-tee", Tee($"BD-{merchant:N}", status: "draft"));
        var strangers = await IdOfAsync(stranger, "their-tee", Tee($"BS-{stranger:N}", status: "draft"));
        var unknown = Guid.NewGuid();

        var response = await Catalog.AsMerchantAsync(HttpMethod.Post, "/api/v1/products/bulk", merchant,
            new { action = "delete", ids = new[] { active, draft, strangers, unknown } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await CatalogPlatform.ReadAsync<JsonObject>(response))["results"]!.AsArray().ToDictionary(r => Guid.Parse((string)r!["productId"]!));
        Assert.Equal("CONFLICT", (string?)results[active]!["code"]);
        Assert.True((bool)results[draft]!["ok"]!);
        Assert.Equal("NOT_FOUND", (string?)results[strangers]!["code"]);
        Assert.Equal("NOT_FOUND", (string?)results[unknown]!["code"]);
        Assert.Equal(1L, await CountAsync(merchant, "products"));
        Assert.Equal(4L, await CountAsync(merchant, "variants"));
        Assert.Equal(1L, await CountAsync(stranger, "products"));
    }

    [Fact]
    public async Task A_bulk_tag_goes_to_every_product_that_can_take_it_and_no_further()
    {
        var merchant = Guid.NewGuid();
        var roomy = await IdOfAsync(merchant, "roomy", Tee($"RO-{merchant:N}"));
        var full = Tee($"FU-{merchant:N}");
        full["tags"] = new JsonArray([.. Enumerable.Range(0, 25).Select(i => (JsonNode)$"tag {i}")]);
        var crowded = await IdOfAsync(merchant, "crowded", full);

        var response = await Catalog.AsMerchantAsync(HttpMethod.Post, "/api/v1/products/bulk", merchant,
            new { action = "addTag", ids = new[] { roomy, crowded }, tag = "  Clearance " });

        var results = (await CatalogPlatform.ReadAsync<JsonObject>(response))["results"]!.AsArray().ToDictionary(r => Guid.Parse((string)r!["productId"]!));
        Assert.True((bool)results[roomy]!["ok"]!);
        Assert.Equal(2L, (long)results[roomy]!["version"]!);
        Assert.Equal("BAD_USER_INPUT", (string?)results[crowded]!["code"]);
        Assert.Equal(1L, await platform.Database.ScalarAsync<long>("catalog",
            "SELECT count(*) FROM products WHERE merchant_id = @m AND 'clearance' = ANY(tags)", ("m", merchant)));
        Assert.Equal(1L, await platform.Database.ScalarAsync<long>("catalog", "SELECT version FROM products WHERE id = @id", ("id", crowded)));
        // Two creations and one change: the refused product published nothing.
        Assert.Equal(3L, await CountAsync(merchant, "outbox_messages"));
    }

    [Fact]
    public async Task A_bulk_action_names_at_most_250_products()
    {
        var response = await Catalog.AsMerchantAsync(HttpMethod.Post, "/api/v1/products/bulk", Guid.NewGuid(),
            new { action = "archive", ids = Enumerable.Range(0, 251).Select(_ => Guid.NewGuid()).ToArray() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ids", (await CatalogPlatform.ReadAsync<JsonObject>(response))["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task A_scheduled_product_is_public_only_inside_its_window()
    {
        var merchant = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        await Scheduled(merchant, "upcoming", now.AddDays(1), null);
        await Scheduled(merchant, "current", now.AddDays(-1), now.AddDays(1));
        await Scheduled(merchant, "ended", now.AddDays(-2), now.AddDays(-1));

        var listed = (await CatalogPlatform.ReadAsync<JsonObject>(await Catalog.SendAsync(HttpMethod.Get, "/api/v1/products", merchant)))["nodes"]!
            .AsArray().Select(p => (string?)p!["slug"]).ToList();
        Assert.Equal(["current"], listed);
        Assert.Equal(HttpStatusCode.NotFound, (await Catalog.SendAsync(HttpMethod.Get, "/api/v1/products/upcoming", merchant)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Catalog.SendAsync(HttpMethod.Get, "/api/v1/products/ended", merchant)).StatusCode);
        var graph = await Catalog.GraphQLAsync(merchant, "{ upcoming: product(slug: \"upcoming\") { slug } current: product(slug: \"current\") { slug isPublished } }");
        Assert.Null(graph["data"]!["upcoming"]);
        Assert.True((bool)graph["data"]!["current"]!["isPublished"]!);

        var staff = await CatalogPlatform.ReadAsync<JsonObject>(await Catalog.AsMerchantAsync(HttpMethod.Get, "/api/v1/products/upcoming?status=any", merchant));
        Assert.Equal("active", (string?)staff["status"]);
        Assert.False((bool)staff["isPublished"]!);
    }

    [Fact]
    public async Task Drafts_and_costs_are_never_shown_to_shoppers()
    {
        var merchant = Guid.NewGuid();
        await platform.PutAsync(merchant, "/api/v1/products/draft-tee", Tee($"DR-{merchant:N}", status: "draft"));
        await platform.PutAsync(merchant, "/api/v1/products/live-tee", Tee($"LV-{merchant:N}"));

        var list = await Catalog.GraphQLAsync(merchant, "{ products { nodes { slug } } }");
        Assert.Equal(["live-tee"], list["data"]!["products"]!["nodes"]!.AsArray().Select(p => (string?)p!["slug"]));
        Assert.Null((await Catalog.GraphQLAsync(merchant, "{ product(slug: \"draft-tee\") { slug } }"))["data"]!["product"]);

        var cost = await Catalog.GraphQLAsync(merchant, "{ product(slug: \"live-tee\") { variants { cost { amount } } } }");
        Assert.Equal("UNAUTHENTICATED", (string?)cost["errors"]![0]!["extensions"]!["code"]);
        Assert.Null(cost["data"]);
        var rest = await CatalogPlatform.ReadAsync<JsonObject>(await Catalog.SendAsync(HttpMethod.Get, "/api/v1/products/live-tee", merchant));
        Assert.All(rest["variants"]!.AsArray(), variant => Assert.Null(variant!["costAmount"]));

        var staff = await Catalog.GraphQLWithTokenAsync(await platform.Identity.MerchantTokenAsync(merchant),
            "{ product(slug: \"live-tee\") { variants { cost { amount } compareAtPrice { amount } } } }");
        Assert.Equal(900L, (long)staff["data"]!["product"]!["variants"]![0]!["cost"]!["amount"]!);
    }

    private async Task Scheduled(Guid merchant, string slug, DateTimeOffset publishAt, DateTimeOffset? unpublishAt)
    {
        var body = Tee($"{slug.ToUpperInvariant()}-{merchant:N}");
        body["publishAt"] = publishAt;
        body["unpublishAt"] = unpublishAt;
        await platform.PutAsync(merchant, $"/api/v1/products/{slug}", body);
    }

    private async Task<Guid> IdOfAsync(Guid merchant, string slug, JsonObject body) =>
        Guid.Parse((string)(await CatalogPlatform.ReadAsync<JsonObject>(await platform.PutAsync(merchant, $"/api/v1/products/{slug}", body)))["id"]!);

    private async Task<long> CountAsync(Guid merchant, string table) =>
        await platform.Database.ScalarAsync<long>("catalog", $"SELECT count(*) FROM {table} WHERE merchant_id = @m", ("m", merchant));
}
