using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace UnifiedCommerce.Customers.Tests;

/// <summary>Staff and API clients page through the merchant's customers, newest first, a bounded page at a time.</summary>
[Collection(CustomersCollection.Name)]
public sealed class BrowsingCustomersTests(CustomersPlatform platform)
{
    [Fact]
    public async Task Customers_come_newest_first_one_page_at_a_time()
    {
        var (store, origin) = await platform.Identity.NewStoreAsync("Linden Linen");
        var (first, _) = await platform.SignUpWithProfileAsync(origin, name: "First");
        var (second, _) = await platform.SignUpWithProfileAsync(origin, name: "Second");
        var (third, _) = await platform.SignUpWithProfileAsync(origin, name: "Third");
        var token = await platform.Identity.MerchantTokenAsync(store, "customers:read");

        var pageOne = await PageAsync(token, "/api/v1/customers?first=2");
        var pageTwo = await PageAsync(token, $"/api/v1/customers?first=2&after={Uri.EscapeDataString((string)pageOne["endCursor"]!)}");
        var graph = await platform.Customers.GraphQLWithTokenAsync(token,
            "query ($after: String) { customers(first: 2, after: $after) { totalCount nodes { name } pageInfo { hasNextPage endCursor } } }",
            new { after = (string?)pageOne["endCursor"] });

        Assert.Equal([third.AccountId, second.AccountId], Ids(pageOne));
        Assert.True((bool)pageOne["hasNextPage"]!);
        Assert.Equal(3, (int)pageOne["totalCount"]!);
        Assert.Equal([first.AccountId], Ids(pageTwo));
        Assert.False((bool)pageTwo["hasNextPage"]!);
        Assert.True(graph["errors"] is null, graph.ToJsonString());
        Assert.Equal("First", (string?)graph["data"]!["customers"]!["nodes"]![0]!["name"]);
        Assert.False((bool)graph["data"]!["customers"]!["pageInfo"]!["hasNextPage"]!);
    }

    [Fact]
    public async Task An_oversized_page_and_a_forged_cursor_are_refused()
    {
        var (store, _) = await platform.Identity.NewStoreAsync("Rowan Rugs");
        var token = await platform.Identity.MerchantTokenAsync(store, "customers:read");

        using var oversized = await platform.Customers.SendWithTokenAsync(HttpMethod.Get, "/api/v1/customers?first=101", token);
        using var forged = await platform.Customers.SendWithTokenAsync(HttpMethod.Get, "/api/v1/customers?after=bm9wZQ==", token);
        var graph = await platform.Customers.GraphQLWithTokenAsync(token, "{ customers(first: 0) { totalCount } }");

        Assert.Equal(HttpStatusCode.BadRequest, oversized.StatusCode);
        Assert.Contains("first", (await oversized.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("BAD_USER_INPUT", (string?)graph["errors"]![0]!["extensions"]!["code"]);
    }

    private async Task<JsonObject> PageAsync(string token, string path)
    {
        using var response = await platform.Customers.SendWithTokenAsync(HttpMethod.Get, path, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static IEnumerable<Guid> Ids(JsonObject page) => page["nodes"]!.AsArray().Select(node => Guid.Parse((string)node!["id"]!));
}
