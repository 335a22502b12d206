using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Catalog.Tests;

/// <summary>
/// Bad input to the catalog is a 400 naming the field (REST) or BAD_USER_INPUT (GraphQL), never a 500, and nothing
/// is written: control characters, prices beyond the documented maximum, values that would break later reads,
/// oversized fields and bodies, and category trees that would loop.
/// </summary>
[Collection(CatalogCollection.Name)]
public sealed class CatalogInputRulesTests(CatalogPlatform platform)
{
    private const long MaxPrice = 9_999_999_999_999;

    private ServiceProcess Catalog => platform.Catalog;

    public static TheoryData<string, string> TextFields() => new()
    {
        { "name", "\u0000" },
        { "description", "\u0000" },
        { "variants[0].sku", "\u0000" },
        { "variants[0].title", "\u0000" },
        { "variants[0].options.Size", "\u0000" },
        { "name", "\u001b[31m" },
        { "name", "\u0085" },
        { "name", "\u007f" },
        { "name", "line\nbreak" },
        { "variants[0].sku", "two\nlines" },
        { "variants[0].options.Size", "tab\there" },
    };

    [Theory]
    [MemberData(nameof(TextFields))]
    public async Task Control_characters_in_product_text_are_refused_naming_the_field(string field, string bad)
    {
        var merchant = Guid.NewGuid();
        var body = Body(merchant);
        Set(body, field, "bad " + bad);

        var response = await PutJsonAsync(merchant, "/api/v1/products/tainted", body.ToJsonString());

        await AssertFieldRefusedAsync(response, field);
        Assert.Equal(0L, await ProductCountAsync(merchant));
    }

    [Fact]
    public async Task A_control_character_in_an_option_name_is_refused()
    {
        var merchant = Guid.NewGuid();
        var body = Body(merchant);
        body["variants"]![0]!["options"] = new JsonObject { ["Si\u0000ze"] = "S" };

        var response = await PutJsonAsync(merchant, "/api/v1/products/tainted", body.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("variants[0].options", string.Join(",", (await ErrorsAsync(response)).Select(e => e.Key)), StringComparison.Ordinal);
        Assert.Equal(0L, await ProductCountAsync(merchant));
    }

    [Fact]
    public async Task A_lone_surrogate_is_refused_naming_the_field()
    {
        var merchant = Guid.NewGuid();
        var json = Body(merchant).ToJsonString().Replace("\"name\":\"Lamp\"", "\"name\":\"Lamp \\ud800\"", StringComparison.Ordinal);

        var response = await PutJsonAsync(merchant, "/api/v1/products/surrogate", json);

        await AssertFieldRefusedAsync(response, "name");
        Assert.Equal(0L, await ProductCountAsync(merchant));
    }

    [Fact]
    public async Task A_multi_line_description_is_kept()
    {
        var merchant = Guid.NewGuid();
        var body = Body(merchant);
        body["description"] = "First line.\r\nSecond line,\twith a tab.";

        var response = await PutJsonAsync(merchant, "/api/v1/products/lamp", body.ToJsonString());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("parentSlug")]
    public async Task Control_characters_in_category_text_are_refused_naming_the_field(string field)
    {
        var merchant = Guid.NewGuid();
        var body = new JsonObject { ["name"] = "Lamps", [field] = "bad\u0000" };

        var response = await PutJsonAsync(merchant, "/api/v1/categories/lamps", body.ToJsonString());

        await AssertFieldRefusedAsync(response, field);
        Assert.Equal(0L, await platform.Database.ScalarAsync<long>("catalog", "SELECT count(*) FROM categories WHERE merchant_id = @m", ("m", merchant)));
    }

    [Theory]
    [InlineData("/api/v1/products?category=a%00b", "category")]
    [InlineData("/api/v1/products?after=%00", "after")]
    [InlineData("/api/v1/products/lamp?status=%00", "status")]
    public async Task Control_characters_in_query_values_are_refused_naming_the_parameter(string path, string field)
    {
        var response = await Catalog.SendAsync(HttpMethod.Get, path, Guid.NewGuid());

        await AssertFieldRefusedAsync(response, field);
    }

    [Fact]
    public async Task Control_characters_in_GraphQL_text_arguments_are_bad_user_input()
    {
        var merchant = Guid.NewGuid();
        var inline = await Catalog.GraphQLAsync(merchant, "{ products(categorySlug: \"a\\u0000b\") { totalCount } }");
        var variable = await Catalog.GraphQLAsync(merchant, "query ($slug: String!) { product(slug: $slug) { id } }", new { slug = "x\u0000" });

        foreach (var result in new[] { inline, variable })
        {
            var error = Assert.Single(result["errors"]?.AsArray() ?? throw new Xunit.Sdk.XunitException(result.ToJsonString()));
            Assert.True("BAD_USER_INPUT" == (string?)error!["extensions"]?["code"], result.ToJsonString());
        }

        Assert.Contains("categorySlug", (string?)inline["errors"]![0]!["message"], StringComparison.Ordinal);
        Assert.Contains("$slug", (string?)variable["errors"]![0]!["message"], StringComparison.Ordinal);
    }

    // Money beyond 32 bits.

    [Fact]
    public async Task A_price_beyond_32_bits_reads_back_exactly_through_every_surface()
    {
        var merchant = Guid.NewGuid();
        const long price = 2_147_483_648;
        await platform.PutAsync(merchant, "/api/v1/products/yacht", CatalogPlatform.Product("Yacht", null, $"YT-{merchant:N}", price: price));

        var listing = await Catalog.GraphQLAsync(merchant, "{ products { nodes { priceFrom { amount } variants { price { amount } } } } }");
        var page = await Catalog.SendAsync(HttpMethod.Get, "/api/v1/products/yacht", merchant);
        var product = await Catalog.GraphQLAsync(merchant, "{ product(slug: \"yacht\") { priceFrom { amount currency } } }");

        Assert.Null(listing["errors"]);
        Assert.Equal(price, (long)listing["data"]!["products"]!["nodes"]![0]!["priceFrom"]!["amount"]!);
        Assert.Equal(price + 100, (long)listing["data"]!["products"]!["nodes"]![0]!["variants"]![1]!["price"]!["amount"]!);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(price, (long)product["data"]!["product"]!["priceFrom"]!["amount"]!);
    }

    [Fact]
    public async Task A_price_above_the_documented_maximum_is_refused()
    {
        var merchant = Guid.NewGuid();

        var response = await Catalog.AsMerchantAsync(HttpMethod.Put, "/api/v1/products/too-dear", merchant,
            CatalogPlatform.Product("Too dear", null, $"TD-{merchant:N}", price: MaxPrice));

        await AssertFieldRefusedAsync(response, "variants[1].priceAmount");
        Assert.Equal(0L, await ProductCountAsync(merchant));
    }

    [Fact]
    public async Task The_money_maximum_is_documented_in_GraphQL_and_OpenAPI()
    {
        var introspection = await Catalog.GraphQLAsync(null, "{ __type(name: \"Money\") { fields { name description type { ofType { name } } } } }");
        var amount = introspection["data"]!["__type"]!["fields"]!.AsArray().Single(f => (string?)f!["name"] == "amount")!;
        var openApi = await (await Catalog.SendAsync(HttpMethod.Get, "/openapi/v1.json", null)).Content.ReadAsStringAsync();

        Assert.Equal("Long", (string?)amount["type"]!["ofType"]!["name"]);
        Assert.Contains(MaxPrice.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), (string?)amount["description"], StringComparison.Ordinal);
        var priceAmount = JsonNode.Parse(openApi)!["components"]!["schemas"]!["VariantInput"]!["properties"]!["priceAmount"]!;
        Assert.Equal(MaxPrice, (long)priceAmount["maximum"]!);
    }

    // Category cycles.

    [Fact]
    public async Task A_category_cannot_move_under_its_own_descendant()
    {
        var merchant = Guid.NewGuid();
        await platform.PutAsync(merchant, "/api/v1/categories/a", new { name = "A" });
        await platform.PutAsync(merchant, "/api/v1/categories/b", new { name = "B", parentSlug = "a" });
        await platform.PutAsync(merchant, "/api/v1/categories/c", new { name = "C", parentSlug = "b" });

        var direct = await Catalog.AsMerchantAsync(HttpMethod.Put, "/api/v1/categories/a", merchant, new { name = "A", parentSlug = "b" });
        var deep = await Catalog.AsMerchantAsync(HttpMethod.Put, "/api/v1/categories/a", merchant, new { name = "A", parentSlug = "c" });
        var self = await Catalog.AsMerchantAsync(HttpMethod.Put, "/api/v1/categories/a", merchant, new { name = "A", parentSlug = "a" });

        await AssertFieldRefusedAsync(direct, "parentSlug");
        await AssertFieldRefusedAsync(deep, "parentSlug");
        await AssertFieldRefusedAsync(self, "parentSlug");
        Assert.Equal(0L, await platform.Database.ScalarAsync<long>("catalog",
            "SELECT count(*) FROM categories WHERE merchant_id = @m AND slug = 'a' AND parent_id IS NOT NULL", ("m", merchant)));
    }

    [Fact]
    public async Task A_cycle_already_in_the_data_cannot_make_reads_loop()
    {
        var merchant = await platform.NewMerchantWithCatalogAsync(productsInShirts: 1);
        // apparel -> shirts -> apparel, written past the API as bad data could be.
        await platform.Database.ExecuteAsync("catalog",
            "UPDATE categories SET parent_id = (SELECT id FROM categories WHERE merchant_id = @m AND slug = 'shirts') WHERE merchant_id = @m AND slug = 'apparel'",
            ("m", merchant));

        var tree = await Catalog.SendAsync(HttpMethod.Get, "/api/v1/categories", merchant);
        var listing = await Catalog.SendAsync(HttpMethod.Get, "/api/v1/products?category=apparel", merchant);
        var graph = await Catalog.GraphQLAsync(merchant, "{ products(categorySlug: \"shirts\") { totalCount } categories { slug } }");

        Assert.Equal(HttpStatusCode.OK, tree.StatusCode);
        Assert.Equal(HttpStatusCode.OK, listing.StatusCode);
        Assert.Equal(1, (int)(await CatalogPlatform.ReadAsync<JsonObject>(listing))["totalCount"]!);
        Assert.Null(graph["errors"]);
        Assert.Equal(1, (int)graph["data"]!["products"]!["totalCount"]!);
    }

    // Values that would break later reads.

    [Fact]
    public async Task A_null_variant_is_refused_naming_it()
    {
        var merchant = Guid.NewGuid();
        var body = Body(merchant);
        body["variants"]!.AsArray().Add(null);

        var response = await PutJsonAsync(merchant, "/api/v1/products/holes", body.ToJsonString());

        await AssertFieldRefusedAsync(response, "variants[1]");
        Assert.Equal(0L, await ProductCountAsync(merchant));
    }

    [Fact]
    public async Task An_option_without_a_value_is_refused_naming_it()
    {
        var merchant = Guid.NewGuid();
        var body = Body(merchant);
        body["variants"]![0]!["options"]!["Size"] = null;

        var response = await PutJsonAsync(merchant, "/api/v1/products/holes", body.ToJsonString());

        await AssertFieldRefusedAsync(response, "variants[0].options.Size");
        Assert.Equal(0L, await ProductCountAsync(merchant));
    }

    [Fact]
    public async Task A_currency_that_is_not_ISO_4217_is_refused()
    {
        var merchant = Guid.NewGuid();

        var response = await Catalog.AsMerchantAsync(HttpMethod.Put, "/api/v1/products/play-money", merchant,
            CatalogPlatform.Product("Play money", null, $"PM-{merchant:N}", currency: "XYZ"));

        await AssertFieldRefusedAsync(response, "variants[0].currency");
        Assert.Equal(0L, await ProductCountAsync(merchant));
    }

    [Fact]
    public async Task A_currency_other_than_the_stores_is_refused()
    {
        var merchant = Guid.NewGuid();
        await platform.PutAsync(merchant, "/api/v1/products/in-dollars", CatalogPlatform.Product("In dollars", null, $"USD-{merchant:N}", currency: "USD"));

        var response = await Catalog.AsMerchantAsync(HttpMethod.Put, "/api/v1/products/in-euros", merchant,
            CatalogPlatform.Product("In euros", null, $"EUR-{merchant:N}", currency: "EUR"));

        await AssertFieldRefusedAsync(response, "variants[0].currency");
        Assert.Equal(1L, await ProductCountAsync(merchant));
    }

    // Sizes.

    [Fact]
    public async Task A_one_megabyte_option_value_is_refused_naming_it()
    {
        var merchant = Guid.NewGuid();
        var body = Body(merchant);
        body["variants"]![0]!["options"]!["Size"] = new string('x', 1024 * 1024);

        var response = await PutJsonAsync(merchant, "/api/v1/products/huge", body.ToJsonString());

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"Got {(int)response.StatusCode}");
        Assert.Equal(0L, await ProductCountAsync(merchant));
    }

    [Fact]
    public async Task An_option_value_over_its_limit_is_refused_naming_it()
    {
        var merchant = Guid.NewGuid();
        var body = Body(merchant);
        body["variants"]![0]!["options"]!["Size"] = new string('x', 101);

        var response = await PutJsonAsync(merchant, "/api/v1/products/long-option", body.ToJsonString());

        await AssertFieldRefusedAsync(response, "variants[0].options.Size");
        Assert.Equal(0L, await ProductCountAsync(merchant));
    }

    [Fact]
    public async Task A_ten_megabyte_body_is_too_large_and_nothing_is_written()
    {
        var merchant = Guid.NewGuid();
        var body = Body(merchant);
        body["description"] = new string('x', 10 * 1024 * 1024);

        var response = await PutJsonAsync(merchant, "/api/v1/products/huge", body.ToJsonString());
        using var graphRequest = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { query = "{ products { totalCount } } #" + new string('x', 1024 * 1024) }),
        };
        graphRequest.Headers.Add("x-merchant-id", merchant.ToString());
        graphRequest.Headers.ExpectContinue = true;
        await graphRequest.Content.LoadIntoBufferAsync();
        var graph = await Catalog.Http.SendAsync(graphRequest);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, graph.StatusCode);
        Assert.Equal(0L, await ProductCountAsync(merchant));
    }

    [Fact]
    public async Task Field_limits_are_described_in_OpenAPI()
    {
        var openApi = JsonNode.Parse(await (await Catalog.SendAsync(HttpMethod.Get, "/openapi/v1.json", null)).Content.ReadAsStringAsync())!;
        var schemas = openApi["components"]!["schemas"]!;

        Assert.Equal(200, (int)schemas["ProductInput"]!["properties"]!["name"]!["maxLength"]!);
        Assert.Equal(100, (int)schemas["ProductInput"]!["properties"]!["variants"]!["maxItems"]!);
        Assert.Equal(64, (int)schemas["VariantInput"]!["properties"]!["sku"]!["maxLength"]!);
    }

    // Changing a product's variants.

    [Fact]
    public async Task A_variant_can_be_added_to_and_replaced_in_an_existing_product()
    {
        var merchant = Guid.NewGuid();
        var sku = $"GR-{merchant:N}";
        await platform.PutAsync(merchant, "/api/v1/products/growing", CatalogPlatform.Product("Growing", null, sku));
        var added = Body(merchant, sku);
        added["variants"] = new JsonArray(
            Variant($"{sku}-S", "S", 2500), Variant($"{sku}-M", "M", 2600), Variant($"{sku}-L", "L", 2700));
        var replaced = Body(merchant, sku);
        replaced["variants"] = new JsonArray(Variant($"{sku}-S", "S", 2500), Variant($"{sku}-XL", "XL", 2900));

        var afterAdding = await PutJsonAsync(merchant, "/api/v1/products/growing", added.ToJsonString(), ifMatch: "\"1\"");
        var afterReplacing = await PutJsonAsync(merchant, "/api/v1/products/growing", replaced.ToJsonString(), ifMatch: "\"2\"");

        Assert.Equal(HttpStatusCode.OK, afterAdding.StatusCode);
        Assert.Equal(3, (await CatalogPlatform.ReadAsync<JsonObject>(afterAdding))["variants"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.OK, afterReplacing.StatusCode);
        var skus = (await CatalogPlatform.ReadAsync<JsonObject>(afterReplacing))["variants"]!.AsArray().Select(v => (string?)v!["sku"]).ToList();
        Assert.Equal([$"{sku}-S", $"{sku}-XL"], skus);
        Assert.Equal(2L, await platform.Database.ScalarAsync<long>("catalog", "SELECT count(*) FROM variants WHERE merchant_id = @m", ("m", merchant)));
    }

    private static JsonObject Body(Guid merchant, string? sku = null) => new()
    {
        ["name"] = "Lamp",
        ["description"] = "A lamp.",
        ["isPublished"] = true,
        ["variants"] = new JsonArray(Variant(sku is null ? $"LP-{merchant:N}" : $"{sku}-S", "S", 2500)),
    };

    private static JsonObject Variant(string sku, string size, long price) => new()
    {
        ["sku"] = sku,
        ["title"] = size,
        ["options"] = new JsonObject { ["Size"] = size },
        ["priceAmount"] = price,
        ["currency"] = "USD",
    };

    /// <summary>Sets a field named like the validation errors name it (variants[0].options.Size).</summary>
    private static void Set(JsonObject body, string field, string value)
    {
        var parts = field.Replace("[0]", ".0", StringComparison.Ordinal).Split('.');
        JsonNode node = body;
        foreach (var part in parts[..^1])
        {
            node = int.TryParse(part, out var index) ? node[index]! : node[part]!;
        }

        node[parts[^1]] = value;
    }

    private async Task<HttpResponseMessage> PutJsonAsync(Guid merchant, string path, string json, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        request.Headers.Authorization = new("Bearer", await platform.Identity.MerchantTokenAsync(merchant));
        // As well-behaved clients do with large bodies: a refusal arrives before the body is sent.
        request.Headers.ExpectContinue = true;
        return await Catalog.Http.SendAsync(request);
    }

    private static async Task<JsonObject> ErrorsAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text)?["errors"]?.AsObject() ?? throw new Xunit.Sdk.XunitException($"No field errors in {(int)response.StatusCode}: {text}");
    }

    private static async Task AssertFieldRefusedAsync(HttpResponseMessage response, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400 naming {field}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(field, (await ErrorsAsync(response)).Select(e => e.Key));
    }

    private async Task<long> ProductCountAsync(Guid merchant) =>
        await platform.Database.ScalarAsync<long>("catalog", "SELECT count(*) FROM products WHERE merchant_id = @m", ("m", merchant));
}
