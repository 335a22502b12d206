using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Customers.Tests;

/// <summary>An operator suspends a store: within seconds Customers refuses its shoppers and staff, until it is reactivated.</summary>
[Collection(CustomersCollection.Name)]
public sealed class SuspendedStoreTests(CustomersPlatform platform)
{
    [Fact]
    public async Task A_suspended_stores_profiles_and_customers_are_closed_until_it_is_reactivated()
    {
        var (store, origin) = await platform.Identity.NewStoreAsync("Soon Suspended");
        var (shopper, _) = await platform.SignUpWithProfileAsync(origin);
        var staff = await platform.Identity.MerchantTokenAsync(store, "customers:read");

        using var suspended = await platform.Identity.AsOperatorAsync(HttpMethod.Post, $"/api/v1/merchants/{store}/suspend", new { reason = "Fraud review" });
        Assert.Equal(HttpStatusCode.OK, suspended.StatusCode);

        foreach (var (name, call) in Surfaces())
        {
            var refused = await Eventually.GetAsync(async () =>
            {
                var response = await call();
                return response.StatusCode == HttpStatusCode.Forbidden ? response : null;
            }, $"{name} refuses the suspended store", timeoutSeconds: 15);
            Assert.Equal("This store is suspended.", (string?)(await refused.Content.ReadFromJsonAsync<JsonObject>())!["title"]);
        }

        using var reactivated = await platform.Identity.AsOperatorAsync(HttpMethod.Post, $"/api/v1/merchants/{store}/reactivate");
        Assert.Equal(HttpStatusCode.OK, reactivated.StatusCode);
        foreach (var (name, call) in Surfaces())
        {
            await Eventually.TrueAsync(async () => (await call()).IsSuccessStatusCode, $"{name} serves the reactivated store", timeoutSeconds: 15);
        }

        IEnumerable<(string Name, Func<Task<HttpResponseMessage>> Call)> Surfaces() =>
        [
            ("The shopper's profile", () => platform.Customers.SendWithTokenAsync(HttpMethod.Get, "/api/v1/profile", shopper.AccessToken)),
            ("The staff's customer list", () => platform.Customers.SendWithTokenAsync(HttpMethod.Get, "/api/v1/customers", staff)),
        ];
    }
}
