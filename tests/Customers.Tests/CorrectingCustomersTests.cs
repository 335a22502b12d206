using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Customers.Tests;

/// <summary>
/// Staff correct a customer's name and phone with customers:write (by REST and GraphQL); customers:read alone is
/// told which permission is missing, bad input changes nothing, and another merchant's customer is not found.
/// </summary>
[Collection(CustomersCollection.Name)]
public sealed class CorrectingCustomersTests(CustomersPlatform platform)
{
    [Fact]
    public async Task Staff_with_customers_write_correct_a_customers_details_and_readers_are_refused()
    {
        var (store, origin) = await platform.Identity.NewStoreAsync("Correcting Shop");
        var (shopper, _) = await platform.SignUpWithProfileAsync(origin, name: "Jo Smiht");
        var support = await platform.Identity.StaffWithAsync(store, "customers:read", "customers:write");
        var reader = await platform.Identity.StaffWithAsync(store, "customers:read");

        using var corrected = await platform.Customers.SendWithTokenAsync(HttpMethod.Put, $"/api/v1/customers/{shopper.AccountId}", support.AccessToken,
            new { name = "Jo Smith", phone = "+1 555 010 2030" });
        using var refused = await platform.Customers.SendWithTokenAsync(HttpMethod.Put, $"/api/v1/customers/{shopper.AccountId}", reader.AccessToken,
            new { name = "Someone else" });
        using var invalid = await platform.Customers.SendWithTokenAsync(HttpMethod.Put, $"/api/v1/customers/{shopper.AccountId}", support.AccessToken,
            new { name = "Jo Smith", phone = "call me" });
        var graph = await platform.Customers.GraphQLWithTokenAsync(support.AccessToken,
            "mutation ($id: ID!) { updateCustomer(id: $id, input: { name: \"Jo Q. Smith\", phone: \"+1 555 010 2030\" }) { name phone } }",
            new { id = shopper.AccountId });

        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("customers:write", (string?)(await refused.Content.ReadFromJsonAsync<JsonObject>())!["detail"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.NotNull((await invalid.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["phone"]);
        Assert.True(graph["errors"] is null, graph.ToJsonString());
        Assert.Equal("Jo Q. Smith", (string?)graph["data"]!["updateCustomer"]!["name"]);
        var profile = (await platform.ProfileAsync(shopper))!;
        Assert.Equal("Jo Q. Smith", (string?)profile["name"]);
        Assert.Equal("+1 555 010 2030", (string?)profile["phone"]);
    }

    [Fact]
    public async Task Another_merchants_customer_cannot_be_corrected()
    {
        var (storeA, _) = await platform.Identity.NewStoreAsync("Corrector A");
        var (_, originB) = await platform.Identity.NewStoreAsync("Corrector B");
        var (shopperOfB, _) = await platform.SignUpWithProfileAsync(originB, name: "Customer of B");
        var clientOfA = await platform.Identity.MerchantTokenAsync(storeA, "customers:read", "customers:write");

        using var attempt = await platform.Customers.SendWithTokenAsync(HttpMethod.Put, $"/api/v1/customers/{shopperOfB.AccountId}", clientOfA,
            new { name = "Taken over" });

        Assert.Equal(HttpStatusCode.NotFound, attempt.StatusCode);
        Assert.Equal("Customer of B", (string?)(await platform.ProfileAsync(shopperOfB))!["name"]);
    }
}
