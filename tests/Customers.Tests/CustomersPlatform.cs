using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Customers.Tests;

/// <summary>A shopper signed in at a store: their account (the profile's id) and the storefront's access token.</summary>
public sealed record Shopper(Guid StoreId, Guid AccountId, string Email, string AccessToken);

/// <summary>
/// A real PostgreSQL with Identity and Customers running as processes, joined by the message bus. Shoppers sign up
/// through Identity's pages exactly as at a storefront; each test works in stores of its own.
/// </summary>
public sealed class CustomersPlatform : IAsyncLifetime
{
    public const string Password = "correct horse battery";

    public PlatformDatabase Database { get; } = new();
    public PlatformIdentity Identity { get; private set; } = null!;
    public ServiceProcess Customers { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Identity = await PlatformIdentity.StartAsync(Database);
        Customers = await ServiceProcess.StartAsync("Customers", Database, identity: Identity);
    }

    public async Task DisposeAsync()
    {
        await Customers.DisposeAsync();
        await Identity.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>Signs a new shopper up at the store through Identity's pages (confirming the address) and returns them signed in.</summary>
    public async Task<Shopper> SignUpAsync(string storeOrigin, string? name = null)
    {
        var storefront = Identity.StorefrontOf(storeOrigin);
        using var browser = Identity.NewBrowser();
        var email = $"shopper-{Guid.NewGuid():N}@example.com";
        var tokens = await storefront.SignUpAsync(browser, email, Password, name);
        var access = new JsonWebToken((string)tokens["access_token"]!);
        return new Shopper(Guid.Parse(access.GetClaim("merchant_id").Value), Guid.Parse(access.Subject), email, access.EncodedToken);
    }

    /// <summary>A shopper whose profile has reached Customers.</summary>
    public async Task<(Shopper Shopper, JsonObject Profile)> SignUpWithProfileAsync(string storeOrigin, string? name = null)
    {
        var shopper = await SignUpAsync(storeOrigin, name);
        return (shopper, await ProfileArrivesAsync(shopper));
    }

    /// <summary>The shopper's own profile, or null while Customers has none.</summary>
    public async Task<JsonObject?> ProfileAsync(Shopper shopper)
    {
        using var response = await Customers.SendWithTokenAsync(HttpMethod.Get, "/api/v1/profile", shopper.AccessToken);
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonObject>() : null;
    }

    public Task<JsonObject> ProfileArrivesAsync(Shopper shopper) =>
        Eventually.GetAsync(() => ProfileAsync(shopper), $"the profile of {shopper.Email} in Customers");

    public Task<long> ProfileRowsAsync(Guid accountId) =>
        Database.ScalarAsync<long>("customers", "SELECT count(*) FROM customer_profiles WHERE id = @id", ("id", accountId));

    /// <summary>The id of the CustomerRegistered event Identity wrote for the account.</summary>
    public Task<Guid> RegistrationEventAsync(Shopper shopper) =>
        Database.ScalarAsync<Guid>("identity",
            "SELECT id FROM outbox_messages WHERE message_type LIKE '%.CustomerRegistered' AND payload->>'aggregateId' = @account",
            ("account", shopper.AccountId.ToString()));

    /// <summary>
    /// Sends an event Identity already delivered once more, as if its relay had crashed after sending. With
    /// <paramref name="forgetDelivery"/> Customers also forgets having handled it, so only its own state can stop it.
    /// </summary>
    public async Task RedeliverAsync(Guid eventId, bool forgetDelivery)
    {
        if (forgetDelivery)
        {
            await Database.ExecuteAsync("customers", "DELETE FROM processed_events WHERE event_id = @id", ("id", eventId));
        }

        var duplicatesBefore = await ServiceMetrics.CounterAsync(Customers.Http, "messaging_events_duplicates_total");
        await Database.ExecuteAsync("identity", "UPDATE outbox_messages SET dispatched_at = NULL WHERE id = @id", ("id", eventId));
        await Eventually.TrueAsync(async () => await Database.ScalarAsync<long>("identity",
            "SELECT count(*) FROM outbox_messages WHERE id = @id AND dispatched_at IS NULL", ("id", eventId)) == 0, $"event {eventId} is sent again");
        if (forgetDelivery)
        {
            await Eventually.TrueAsync(async () => await Database.ScalarAsync<long>("customers",
                "SELECT count(*) FROM processed_events WHERE event_id = @id", ("id", eventId)) == 1, $"event {eventId} is handled again");
        }
        else
        {
            // A duplicate changes nothing: what shows it was handled is the service counting it as dropped.
            await ServiceMetrics.CountedAsync(Customers.Http, "messaging_events_duplicates_total", "event_type=", duplicatesBefore, $"event {eventId} is dropped as a duplicate");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class CustomersCollection : ICollectionFixture<CustomersPlatform>
{
    public const string Name = "customers platform";
}
