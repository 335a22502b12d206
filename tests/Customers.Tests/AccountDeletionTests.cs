using System.Net;
using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Customers.Tests;

/// <summary>
/// A shopper who deletes their account in Identity loses their profile too, for good: a registration that is
/// delivered late or again afterwards does not bring it back.
/// </summary>
[Collection(CustomersCollection.Name)]
public sealed class AccountDeletionTests(CustomersPlatform platform)
{
    [Fact]
    public async Task Deleting_the_account_removes_the_profile()
    {
        var (store, origin) = await platform.Identity.NewStoreAsync("Oak Outdoors");
        var (shopper, _) = await platform.SignUpWithProfileAsync(origin, name: "Soon Gone");

        using var deleted = await platform.Identity.Process.SendWithTokenAsync(HttpMethod.Delete, "/api/v1/account", shopper.AccessToken);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        await Eventually.TrueAsync(async () => await platform.ProfileRowsAsync(shopper.AccountId) == 0, "the profile is deleted");
        var staff = await platform.Identity.MerchantTokenAsync(store, "customers:read");
        using var lookup = await platform.Customers.SendWithTokenAsync(HttpMethod.Get, $"/api/v1/customers/{shopper.AccountId}", staff);
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
        // What stays is the account id alone, to keep the profile deleted.
        Assert.Equal(1L, await platform.Database.ScalarAsync<long>("customers", "SELECT count(*) FROM deleted_customers WHERE id = @id", ("id", shopper.AccountId)));
    }

    [Fact]
    public async Task A_registration_delivered_again_after_the_deletion_does_not_bring_the_profile_back()
    {
        var (_, origin) = await platform.Identity.NewStoreAsync("Pine Pantry");
        var (shopper, _) = await platform.SignUpWithProfileAsync(origin);
        var registration = await platform.RegistrationEventAsync(shopper);
        using var deleted = await platform.Identity.Process.SendWithTokenAsync(HttpMethod.Delete, "/api/v1/account", shopper.AccessToken);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await Eventually.TrueAsync(async () => await platform.ProfileRowsAsync(shopper.AccountId) == 0, "the profile is deleted");

        // As if the registration arrived for the first time only now: only the tombstone can stop it.
        await platform.RedeliverAsync(registration, forgetDelivery: true);

        Assert.Equal(0L, await platform.ProfileRowsAsync(shopper.AccountId));
    }
}
