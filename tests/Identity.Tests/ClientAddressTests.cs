using System.Net;
using UnifiedCommerce.Identity.Application;
using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Identity.Tests;

/// <summary>Identity reached directly, with no proxy configured as trusted (the default).</summary>
public sealed class DirectlyReachedIdentity : IAsyncLifetime
{
    public PlatformDatabase Database { get; } = new();
    public PlatformIdentity Identity { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Identity = await PlatformIdentity.StartAsync(Database, new Dictionary<string, string> { ["Identity__TrustedProxies"] = "" });
    }

    public async Task DisposeAsync()
    {
        await Identity.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>
/// The client address that throttling and security events use is the connection's, unless the connection comes
/// from a proxy Identity was told to trust: anyone else could name a new address per attempt.
/// </summary>
public sealed class ClientAddressTests(DirectlyReachedIdentity platform) : IClassFixture<DirectlyReachedIdentity>
{
    private PlatformIdentity Identity => platform.Identity;

    [Fact]
    public async Task Naming_a_new_forwarded_address_per_attempt_does_not_buy_a_new_budget()
    {
        var (store, origin) = await Identity.NewStoreAsync("Untrusting Shop");
        var storefront = Identity.StorefrontOf(origin);
        using var attacker = Identity.NewBrowser();
        var page = await attacker.OpenAsync(storefront.AuthorizeUrl());

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < SignInThrottle.AttemptsPerAddress + 1; attempt++)
        {
            attacker.ClientAddress = $"203.0.113.{attempt + 1}";
            statuses.Add((await attacker.SubmitAsync(page, ("email", ShopperAccountsTests.NewEmail()), ("password", "wrong password"))).Status);
        }

        Assert.All(statuses.Take(SignInThrottle.AttemptsPerAddress), status => Assert.Equal(HttpStatusCode.BadRequest, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(0, await platform.Database.ScalarAsync<long>("identity",
            "SELECT count(*) FROM security_events WHERE merchant_id = @store AND client_address LIKE '203.0.113.%'", ("store", store)));
    }
}
