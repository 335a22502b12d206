using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Identity.Tests;

/// <summary>
/// Identity with its public address as issuer, so the links it mails work as they would in production. One process
/// serves every class of <see cref="SignInCollection"/>: each test makes its own store, accounts and client address.
/// </summary>
public sealed class SignInPlatform : IAsyncLifetime
{
    public PlatformDatabase Database { get; } = new();
    public PlatformIdentity Identity { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Identity = await PlatformIdentity.StartAsync(Database);
    }

    public async Task DisposeAsync()
    {
        await Identity.DisposeAsync();
        await Database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SignInCollection : ICollectionFixture<SignInPlatform>
{
    public const string Name = "sign-in platform";
}

/// <summary>
/// Shoppers create an account at a store through Identity's hosted pages, confirm their address from the mail,
/// and the storefront gets short-lived tokens for that store (authorization code with PKCE), refreshes and
/// revokes them. An account belongs to one store: the same address elsewhere is somebody else.
/// </summary>
[Collection(SignInCollection.Name)]
public sealed class ShopperAccountsTests(SignInPlatform platform)
{
    private const string Password = "correct horse battery";
    private PlatformIdentity Identity => platform.Identity;
    private HttpClient Http => Identity.Process.Http;

    [Fact]
    public async Task A_shopper_signs_up_confirms_the_address_and_the_storefront_gets_tokens_for_that_store()
    {
        var (store, origin) = await Identity.NewStoreAsync("Juniper Books");
        var storefront = Identity.StorefrontOf(origin);
        using var browser = Identity.NewBrowser();
        var email = NewEmail();

        var signUp = await browser.OpenAsync(storefront.AuthorizeUrl(prompt: "create"));
        Assert.Equal("Create an account", signUp.Title);
        Assert.Contains("Juniper Books", signUp.Text, StringComparison.Ordinal);
        var sent = await browser.SubmitAsync(signUp, ("email", email), ("password", Password));
        Assert.Equal("Check your inbox", sent.Title);

        var confirm = await browser.OpenAsync(await Mailbox.LatestLinkAsync(Http, email, "Confirm your email"));
        await browser.SubmitAsync(confirm);
        var tokens = await storefront.RedeemCodeAsync(storefront.CodeFrom(browser.LeftFor));

        var access = new JsonWebToken((string)tokens["access_token"]!);
        Assert.Equal(store.ToString(), access.GetClaim("merchant_id").Value);
        Assert.Equal(email, access.GetClaim("email").Value);
        Assert.Equal("customer", access.GetClaim("account_kind").Value);
        Assert.Contains("commerce-api", access.Audiences);
        Assert.InRange(access.ValidTo - access.IssuedAt, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(15));
        var identityToken = new JsonWebToken((string)tokens["id_token"]!);
        Assert.Equal(access.Subject, identityToken.Subject);
        Assert.Equal(store.ToString(), identityToken.GetClaim("merchant_id").Value);

        // The account API knows the shopper by the token alone.
        using var me = await Identity.Process.SendWithTokenAsync(HttpMethod.Get, "/api/v1/account", access.EncodedToken);
        var account = (await me.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(email, (string?)account["email"]);
        Assert.True((bool)account["emailVerified"]!);
    }

    [Fact]
    public async Task Refresh_tokens_renew_access_and_stop_working_once_revoked()
    {
        var (_, origin) = await Identity.NewStoreAsync("Fern Gardens");
        var storefront = Identity.StorefrontOf(origin);
        var tokens = await SignedUpAsync(storefront, NewEmail());

        using var refreshed = await storefront.RefreshResponseAsync((string)tokens["refresh_token"]!);
        var renewed = (await refreshed.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.NotEqual((string)tokens["refresh_token"]!, (string)renewed["refresh_token"]!);
        Assert.Equal(new JsonWebToken((string)tokens["access_token"]!).Subject, new JsonWebToken((string)renewed["access_token"]!).Subject);

        await storefront.RevokeAsync((string)renewed["refresh_token"]!);

        using var afterRevocation = await storefront.RefreshResponseAsync((string)renewed["refresh_token"]!);
        Assert.Equal(HttpStatusCode.BadRequest, afterRevocation.StatusCode);
        Assert.Equal("invalid_grant", (string?)(await afterRevocation.Content.ReadFromJsonAsync<JsonObject>())!["error"]);
    }

    [Fact]
    public async Task The_same_address_at_two_stores_is_two_unrelated_accounts()
    {
        var (storeA, originA) = await Identity.NewStoreAsync("Store A");
        var (storeB, originB) = await Identity.NewStoreAsync("Store B");
        var email = NewEmail();
        using var browser = Identity.NewBrowser();

        var atA = await SignedUpAsync(Identity.StorefrontOf(originA), email, browser);
        // Signed in at store A, the shopper is a stranger at store B: B's storefront gets the sign-in page, not a code.
        var storefrontB = Identity.StorefrontOf(originB);
        var atBPage = await browser.OpenAsync(storefrontB.AuthorizeUrl());
        Assert.Equal("Sign in", atBPage.Title);
        Assert.Contains("Store B", atBPage.Text, StringComparison.Ordinal);
        var refused = await browser.SubmitAsync(atBPage, ("email", email), ("password", Password));
        Assert.Equal("The email or password is not correct.", refused.Alert);

        var atB = await SignedUpAsync(storefrontB, email);

        var subjectA = new JsonWebToken((string)atA["access_token"]!);
        var subjectB = new JsonWebToken((string)atB["access_token"]!);
        Assert.NotEqual(subjectA.Subject, subjectB.Subject);
        Assert.Equal(storeA.ToString(), subjectA.GetClaim("merchant_id").Value);
        Assert.Equal(storeB.ToString(), subjectB.GetClaim("merchant_id").Value);
    }

    [Fact]
    public async Task A_signed_in_shopper_returning_to_the_same_store_gets_a_code_without_the_password()
    {
        var (_, origin) = await Identity.NewStoreAsync("Willow Tea");
        var storefront = Identity.StorefrontOf(origin);
        using var browser = Identity.NewBrowser();
        await SignedUpAsync(storefront, NewEmail(), browser);

        var again = Identity.StorefrontOf(origin);
        await browser.OpenAsync(again.AuthorizeUrl());
        var tokens = await again.RedeemCodeAsync(again.CodeFrom(browser.LeftFor));

        Assert.NotNull(tokens["access_token"]);
    }

    [Fact]
    public async Task Only_the_stores_own_host_names_are_accepted_as_the_way_back()
    {
        var (_, origin) = await Identity.NewStoreAsync("Aster Shoes");
        var storefront = Identity.StorefrontOf(origin);
        using var browser = Identity.NewBrowser();

        var elsewhere = await browser.OpenAsync(storefront.AuthorizeUrl(redirectUri: "http://attacker.example/auth/callback"));
        var otherPath = await browser.OpenAsync(storefront.AuthorizeUrl(redirectUri: origin + "/somewhere-else"));

        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.Status);
        Assert.Null(browser.LeftFor);
        Assert.Equal(HttpStatusCode.BadRequest, otherPath.Status);
    }

    [Fact]
    public async Task A_shopper_who_is_not_signed_in_and_may_not_be_asked_gets_login_required()
    {
        var (_, origin) = await Identity.NewStoreAsync("Birch Toys");
        var storefront = Identity.StorefrontOf(origin);
        using var browser = Identity.NewBrowser();

        await browser.OpenAsync(storefront.AuthorizeUrl(prompt: "none"));

        Assert.StartsWith(storefront.RedirectUri + "?", browser.LeftFor?.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains("error=login_required", browser.LeftFor!.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unconfirmed_address_cannot_sign_in_and_gets_a_fresh_link()
    {
        var (_, origin) = await Identity.NewStoreAsync("Cedar Kitchen");
        var storefront = Identity.StorefrontOf(origin);
        using var browser = Identity.NewBrowser();
        var email = NewEmail();
        var signUp = await browser.OpenAsync(storefront.AuthorizeUrl(prompt: "create"));
        await browser.SubmitAsync(signUp, ("email", email), ("password", Password));

        var signIn = await browser.OpenAsync(storefront.AuthorizeUrl());
        var answer = await browser.SubmitAsync(signIn, ("email", email), ("password", Password));

        Assert.Equal("Confirm your email address", answer.Title);
        Assert.Null(browser.LeftFor);
        Assert.Equal(2, (await Mailbox.MessagesToAsync(Http, email)).Count(m => ((string)m!["subject"]!).StartsWith("Confirm", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Signing_up_with_bad_input_says_what_is_wrong_and_creates_nothing()
    {
        var (_, origin) = await Identity.NewStoreAsync("Maple Paper");
        var storefront = Identity.StorefrontOf(origin);
        using var browser = Identity.NewBrowser();
        var signUp = await browser.OpenAsync(storefront.AuthorizeUrl(prompt: "create"));

        var shortPassword = await browser.SubmitAsync(signUp, ("email", "ok@example.com"), ("password", "short"));
        var badEmail = await browser.SubmitAsync(signUp, ("email", "not an address"), ("password", Password));

        Assert.Equal(HttpStatusCode.BadRequest, shortPassword.Status);
        Assert.Contains("at least 10 characters", shortPassword.Text, StringComparison.Ordinal);
        Assert.Contains("valid email address", badEmail.Text, StringComparison.Ordinal);
        Assert.Empty(await Mailbox.MessagesToAsync(Http, "ok@example.com"));
    }

    [Fact]
    public async Task A_form_without_its_antiforgery_token_changes_nothing()
    {
        var (_, origin) = await Identity.NewStoreAsync("Linden Linen");
        var authorize = Identity.StorefrontOf(origin).AuthorizeUrl();
        var email = NewEmail();

        using var forged = await Http.PostAsync("/account/sign-up", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = Password,
            ["returnUrl"] = authorize,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Empty(await Mailbox.MessagesToAsync(Http, email));
    }

    /// <summary>Signs a new shopper up at the store and returns the storefront's tokens.</summary>
    internal async Task<JsonObject> SignedUpAsync(CodeFlowClient storefront, string email, SignInBrowser? browser = null)
    {
        using var ownBrowser = browser is null ? Identity.NewBrowser() : null;
        return await storefront.SignUpAsync(browser ?? ownBrowser!, email, Password);
    }

    internal static string NewEmail() => $"shopper-{Guid.NewGuid():N}@example.com";
}
