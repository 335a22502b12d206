using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Identity.Tests;

/// <summary>
/// A signed-in shopper's code and the way back after sign-out go only to an address the store registered, exactly:
/// <c>{scheme}://{registered host}/auth/callback</c> and <c>{scheme}://{registered host}/</c>. Anything that merely
/// looks like it (another port, scheme, case, a trailing dot, dot segments, percent-encoding, a query) would hand
/// the victim's code to whoever listens there.
/// </summary>
[Collection(SignInCollection.Name)]
public sealed class StorefrontAddressesTests(SignInPlatform platform)
{
    private PlatformIdentity Identity => platform.Identity;

    [Theory]
    [InlineData("http://{host}:9999/auth/callback")]
    [InlineData("http://{host}:80/auth/callback")]
    [InlineData("ftp://{host}/auth/callback")]
    [InlineData("http://{HOST}/auth/callback")]
    [InlineData("http://{host}./auth/callback")]
    [InlineData("http://{host}/auth/../auth/callback")]
    [InlineData("http://{host}/auth/./callback")]
    [InlineData("http://{host}/auth%2Fcallback")]
    [InlineData("http://{host}/auth/%63allback")]
    [InlineData("http://{host}/auth/callback?next=/")]
    [InlineData("http://{host}/auth/callback#there")]
    [InlineData("http://someone@{host}/auth/callback")]
    public async Task A_signed_in_shopper_gets_no_code_for_anything_but_the_exact_registered_callback(string template)
    {
        var (_, origin) = await Identity.NewStoreAsync("Exact Shop");
        var storefront = Identity.StorefrontOf(origin);
        using var victim = Identity.NewBrowser();
        await new ShopperAccountsTests(platform).SignedUpAsync(storefront, ShopperAccountsTests.NewEmail(), victim);

        var lookalike = await victim.OpenAsync(storefront.AuthorizeUrl(redirectUri: Fill(template, origin)));

        Assert.Equal(HttpStatusCode.BadRequest, lookalike.Status);
        Assert.Null(victim.LeftFor);
        // The exact address still works for the same shopper.
        await victim.OpenAsync(storefront.AuthorizeUrl());
        Assert.NotEmpty(storefront.CodeFrom(victim.LeftFor));
    }

    [Fact]
    public async Task A_store_registered_with_a_port_gets_its_code_on_that_port_only()
    {
        var id = Guid.NewGuid();
        var host = $"ported-{id:N}.commerce.test";
        await Identity.PutMerchantAsync(id, "Ported Shop", hosts: [$"{host}:3000"]);
        var storefront = Identity.StorefrontOf($"http://{host}:3000");
        using var shopper = Identity.NewBrowser();
        await new ShopperAccountsTests(platform).SignedUpAsync(storefront, ShopperAccountsTests.NewEmail(), shopper);

        var withoutPort = await shopper.OpenAsync(storefront.AuthorizeUrl(redirectUri: $"http://{host}/auth/callback"));
        var otherPort = await shopper.OpenAsync(storefront.AuthorizeUrl(redirectUri: $"http://{host}:3001/auth/callback"));

        Assert.Equal(HttpStatusCode.BadRequest, withoutPort.Status);
        Assert.Equal(HttpStatusCode.BadRequest, otherPort.Status);
        Assert.Null(shopper.LeftFor);
        using var merchant = await Identity.AsOperatorAsync(HttpMethod.Get, $"/api/v1/merchants/{id}");
        Assert.Equal($"{host}:3000", (string?)(await merchant.Content.ReadFromJsonAsync<JsonObject>())!["hosts"]![0]);
    }

    [Theory]
    [InlineData("http://{host}:9999/")]
    [InlineData("http://{host}/account")]
    [InlineData("http://{host}")]
    [InlineData("http://{host}/?next=x")]
    [InlineData("http://{HOST}/")]
    public async Task Sign_out_returns_only_to_the_stores_registered_home(string template)
    {
        var (_, origin) = await Identity.NewStoreAsync("Goodbye Shop");
        using var browser = Identity.NewBrowser();

        var elsewhere = await browser.OpenAsync(SignOutUrl(Fill(template, origin)));

        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.Status);
        Assert.Null(browser.LeftFor);
        await browser.OpenAsync(SignOutUrl(origin + "/"));
        Assert.Equal(new Uri(origin + "/"), browser.LeftFor);
    }

    internal static string SignOutUrl(string postLogoutRedirectUri) =>
        $"/connect/endsession?client_id=storefront&post_logout_redirect_uri={Uri.EscapeDataString(postLogoutRedirectUri)}";

    private static string Fill(string template, string origin)
    {
        var host = new Uri(origin).Host;
        return template.Replace("{host}", host, StringComparison.Ordinal).Replace("{HOST}", host.ToUpperInvariant(), StringComparison.Ordinal);
    }
}
