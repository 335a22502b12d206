using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace UnifiedCommerce.Customers.Tests;

/// <summary>
/// A merchant's customers are that merchant's business: its staff and API clients read them with customers:read,
/// and see no other merchant's customers, by list, by id or through federation's entity lookup.
/// </summary>
[Collection(CustomersCollection.Name)]
public sealed class CustomerIsolationTests(CustomersPlatform platform)
{
    [Fact]
    public async Task A_merchants_client_sees_none_of_another_merchants_customers()
    {
        var (storeA, originA) = await platform.Identity.NewStoreAsync("Store A");
        var (_, originB) = await platform.Identity.NewStoreAsync("Store B");
        var (atA, _) = await platform.SignUpWithProfileAsync(originA, name: "Customer of A");
        var (atB, _) = await platform.SignUpWithProfileAsync(originB, name: "Customer of B");
        var clientOfA = await platform.Identity.MerchantTokenAsync(storeA, "customers:read");

        using var list = await platform.Customers.SendWithTokenAsync(HttpMethod.Get, "/api/v1/customers", clientOfA);
        var page = (await list.Content.ReadFromJsonAsync<JsonObject>())!;
        using var own = await platform.Customers.SendWithTokenAsync(HttpMethod.Get, $"/api/v1/customers/{atA.AccountId}", clientOfA);
        using var other = await platform.Customers.SendWithTokenAsync(HttpMethod.Get, $"/api/v1/customers/{atB.AccountId}", clientOfA);
        var graph = await platform.Customers.GraphQLWithTokenAsync(clientOfA,
            "query ($b: ID!, $r: [_Any!]!) { customers { totalCount nodes { id } } customer(id: $b) { id } _entities(representations: $r) { ... on Customer { id name } } }",
            new { b = atB.AccountId, r = new[] { new { __typename = "Customer", id = atB.AccountId.ToString() } } });

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal([atA.AccountId.ToString()], page["nodes"]!.AsArray().Select(n => (string)n!["id"]!));
        Assert.Equal(1, (int)page["totalCount"]!);
        Assert.Equal("Customer of A", (string?)(await own.Content.ReadFromJsonAsync<JsonObject>())!["name"]);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.True(graph["errors"] is null, graph.ToJsonString());
        Assert.Equal([atA.AccountId.ToString()], graph["data"]!["customers"]!["nodes"]!.AsArray().Select(n => (string)n!["id"]!));
        Assert.Null(graph["data"]!["customer"]);
        Assert.Null(graph["data"]!["_entities"]![0]);
    }

    [Fact]
    public async Task Reading_customers_needs_customers_read()
    {
        var (store, origin) = await platform.Identity.NewStoreAsync("Birch Toys");
        var (shopper, _) = await platform.SignUpWithProfileAsync(origin);
        var catalogOnly = await platform.Identity.MerchantTokenAsync(store, "products:read");

        using var list = await platform.Customers.SendWithTokenAsync(HttpMethod.Get, "/api/v1/customers", catalogOnly);
        using var byId = await platform.Customers.SendWithTokenAsync(HttpMethod.Get, $"/api/v1/customers/{shopper.AccountId}", catalogOnly);
        using var anonymous = await platform.Customers.SendAsync(HttpMethod.Get, "/api/v1/customers", store);
        var graph = await platform.Customers.GraphQLWithTokenAsync(catalogOnly, "{ customers { totalCount } }");

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Contains("customers:read", (string?)(await list.Content.ReadFromJsonAsync<JsonObject>())!["detail"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, byId.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("FORBIDDEN", (string?)graph["errors"]![0]!["extensions"]!["code"]);
        Assert.Contains("customers:read", (string?)graph["errors"]![0]!["message"], StringComparison.Ordinal);
        Assert.Null(graph["data"]);
    }
}
