using System.Net;
using System.Text.Json.Nodes;
using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Catalog.Tests;

/// <summary>
/// The staff list in the order asked for, paged with cursors that carry the order's key: every product once, in order,
/// and a cursor from another order (or none this API gave) is refused, naming <c>after</c>.
/// </summary>
[Collection(CatalogCollection.Name)]
public sealed class StaffListOrderTests(CatalogPlatform platform)
{
    private const string List = """
        query($sort: ProductSort, $after: String) {
          adminProducts(first: 2, sort: $sort, after: $after) { pageInfo { hasNextPage endCursor } nodes { name } }
        }
        """;

    // Capitalised alike, so any collation orders them as ordinal comparison does; two alike, so the id breaks the tie.
    private static readonly string[] Names = ["Mug", "Apron", "Bowl", "Zest", "Cup", "Bowl"];

    [Theory]
    [InlineData("TITLE")]
    [InlineData("TITLE_DESCENDING")]
    [InlineData("OLDEST")]
    [InlineData("NEWEST")]
    [InlineData("RECENTLY_UPDATED")]
    public async Task Every_page_follows_the_one_before_in_the_order_asked(string sort)
    {
        var (merchant, token) = await MerchantWithProductsAsync();
        // The first one created is edited again, so it is the last edited.
        using var first = await platform.Catalog.AsMerchantAsync(HttpMethod.Get, "/api/v1/products/p-0?status=any", merchant);
        var firstId = Guid.Parse((string)JsonNode.Parse(await first.Content.ReadAsStringAsync())!["id"]!);
        using var edited = await platform.Catalog.AsMerchantAsync(HttpMethod.Post, "/api/v1/products/bulk", merchant, new { action = "addTag", ids = new[] { firstId }, tag = "edited" });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);

        var names = new List<string>();
        string? after = null;
        do
        {
            var result = await platform.Catalog.GraphQLWithTokenAsync(token, List, new { sort, after });
            var page = result["data"]?["adminProducts"] ?? throw new Xunit.Sdk.XunitException(result.ToJsonString());
            names.AddRange(page["nodes"]!.AsArray().Select(node => (string)node!["name"]!));
            after = (bool)page["pageInfo"]!["hasNextPage"]! ? (string?)page["pageInfo"]!["endCursor"] : null;
        }
        while (after is not null);

        string[] expected = sort switch
        {
            "TITLE" => [.. Names.Order(StringComparer.Ordinal)],
            "TITLE_DESCENDING" => [.. Names.OrderDescending(StringComparer.Ordinal)],
            "OLDEST" => Names,
            "NEWEST" => [.. Names.Reverse()],
            // The first one created was edited last.
            _ => ["Mug", .. Names.Skip(1).Reverse()],
        };
        Assert.Equal(expected, names);
    }

    [Fact]
    public async Task A_cursor_of_another_order_or_a_made_up_one_is_refused_naming_after()
    {
        var (merchant, token) = await MerchantWithProductsAsync();
        var newest = await platform.Catalog.GraphQLWithTokenAsync(token, List, new { sort = "NEWEST", after = (string?)null });
        var cursor = (string)newest["data"]!["adminProducts"]!["pageInfo"]!["endCursor"]!;

        foreach (var (sort, after) in new[] { ("TITLE", cursor), ("TITLE", Convert.ToBase64String("s:Title:zz:x"u8.ToArray())), ("RECENTLY_UPDATED", Convert.ToBase64String("s:RecentlyUpdated:00000000000000000000000000000000:yesterday"u8.ToArray())) })
        {
            var refused = await platform.Catalog.GraphQLWithTokenAsync(token, List, new { sort, after });
            Assert.NotNull(refused["errors"]);
            Assert.Contains("after", refused["errors"]!.ToJsonString(), StringComparison.Ordinal);
        }

        using var rest = await platform.Catalog.AsMerchantAsync(HttpMethod.Get, "/api/v1/admin/products?sort=title-descending&first=3", merchant);
        Assert.Equal(HttpStatusCode.OK, rest.StatusCode);
        var restNames = JsonNode.Parse(await rest.Content.ReadAsStringAsync())!["nodes"]!.AsArray().Select(node => (string)node!["name"]!).ToList();
        Assert.Equal(["Zest", "Mug", "Cup"], restNames);
        foreach (var wrong in new[] { "cheapest", "2", "title;drop", new string('t', 3000) })
        {
            using var refused = await platform.Catalog.AsMerchantAsync(HttpMethod.Get, $"/api/v1/admin/products?sort={Uri.EscapeDataString(wrong)}", merchant);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("sort", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    private async Task<(Guid Merchant, string Token)> MerchantWithProductsAsync()
    {
        var merchant = Guid.NewGuid();
        for (var index = 0; index < Names.Length; index++)
        {
            await platform.PutAsync(merchant, $"/api/v1/products/p-{index}", CatalogPlatform.Product(Names[index], null, $"P{index}-{merchant:N}"));
        }

        return (merchant, await platform.Identity.MerchantTokenAsync(merchant));
    }
}
