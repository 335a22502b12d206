using System.Net;
using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Identity.Tests;

/// <summary>Identity started as a production deployment is (behind a trusted proxy, mail through SMTP).</summary>
public sealed class ProductionIdentity : IAsyncLifetime
{
    public PlatformDatabase Database { get; } = new();
    public PlatformIdentity Identity { get; private set; } = null!;

    /// <summary>Production, with the developer mailbox asked for: it must stay off whatever the configuration says.</summary>
    public static Dictionary<string, string> Settings() => new()
    {
        ["DOTNET_ENVIRONMENT"] = "Production",
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Identity__Mailbox__Enabled"] = "true",
        ["Identity__TrustedProxies"] = "127.0.0.1",
        ["Identity__Email__Smtp__Host"] = "127.0.0.1",
        ["Identity__Email__Smtp__Port"] = PlatformDatabase.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Identity__Email__From"] = "Unified Commerce <no-reply@commerce.test>",
    };

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Identity = await PlatformIdentity.StartAsync(Database, Settings());
    }

    public async Task DisposeAsync()
    {
        await Identity.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>What a production deployment refuses that a developer's machine allows.</summary>
public sealed class ProductionSettingsTests(ProductionIdentity platform) : IClassFixture<ProductionIdentity>
{
    private PlatformIdentity Identity => platform.Identity;

    [Fact]
    public async Task In_production_a_store_is_signed_in_to_over_https_only()
    {
        var id = Guid.NewGuid();
        var host = $"secure-{id:N}.commerce.test";
        await Identity.PutMerchantAsync(id, "Secure Shop", hosts: [host]);
        var storefront = Identity.StorefrontOf($"https://{host}");
        using var browser = Identity.NewBrowser();

        var plain = await browser.OpenAsync(storefront.AuthorizeUrl(redirectUri: $"http://{host}/auth/callback"));
        var plainSignOut = await browser.OpenAsync(StorefrontAddressesTests.SignOutUrl($"http://{host}/"));
        var secure = await browser.OpenAsync(storefront.AuthorizeUrl());

        Assert.Equal(HttpStatusCode.BadRequest, plain.Status);
        Assert.Equal(HttpStatusCode.BadRequest, plainSignOut.Status);
        Assert.Equal(HttpStatusCode.OK, secure.Status);
        Assert.Equal("Sign in", secure.Title);
    }

    [Theory]
    [InlineData("/dev/mailbox")]
    [InlineData("/dev/mailbox/messages")]
    public async Task In_production_there_is_no_developer_mailbox(string path)
    {
        using var response = await Identity.Process.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task In_production_Identity_does_not_start_without_knowing_its_proxies_unless_told_it_is_exposed_directly()
    {
        // A database of its own: another Identity with other client secrets would rotate the fixture's.
        var database = new PlatformDatabase();
        await database.InitializeAsync();
        try
        {
            await RefusedThenStartedAsync(database);
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    private static async Task RefusedThenStartedAsync(PlatformDatabase database)
    {
        var withoutProxies = ProductionIdentity.Settings();
        withoutProxies["Identity__TrustedProxies"] = "";

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => PlatformIdentity.StartAsync(database, withoutProxies));

        Assert.Contains("Identity:TrustedProxies", refused.Message, StringComparison.Ordinal);
        withoutProxies["Identity__ExposedDirectly"] = "true";
        await using var exposed = await PlatformIdentity.StartAsync(database, withoutProxies);
        using var health = await exposed.Process.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
