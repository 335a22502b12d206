using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Identity.Tests;

/// <summary>
/// Guessing passwords is throttled per client address and per account and locks the account for a while; answers
/// never tell whether an address has an account; a forgotten password is reset by a single-use link; every step
/// is recorded as a security event with where it came from.
/// </summary>
[Collection(SignInCollection.Name)]
public sealed class SigningInSafelyTests(SignInPlatform platform)
{
    private const string Password = "correct horse battery";
    private PlatformIdentity Identity => platform.Identity;
    private HttpClient Http => Identity.Process.Http;

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_for_a_while_even_against_the_right_one()
    {
        var (store, origin) = await Identity.NewStoreAsync("Lock Shop");
        var storefront = Identity.StorefrontOf(origin);
        var email = ShopperAccountsTests.NewEmail();
        await new ShopperAccountsTests(platform).SignedUpAsync(storefront, email);
        using var attacker = Identity.NewBrowser();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var page = await attacker.OpenAsync(storefront.AuthorizeUrl());
            var refused = await attacker.SubmitAsync(page, ("email", email), ("password", $"guess number {attempt}"));
            Assert.Equal("The email or password is not correct.", refused.Alert);
        }

        using var owner = Identity.NewBrowser();
        var signIn = await owner.OpenAsync(storefront.AuthorizeUrl());
        var locked = await owner.SubmitAsync(signIn, ("email", email), ("password", Password));

        Assert.Equal("The email or password is not correct.", locked.Alert);
        Assert.Null(owner.LeftFor);
        await Mailbox.LatestLinkAsync(Http, email, "locked");
        var lockouts = await platform.Database.ScalarAsync<long>("identity",
            "SELECT count(*) FROM security_events WHERE merchant_id = @store AND email = @email AND kind = 'LockedOut' AND client_address = @address",
            ("store", store), ("email", email), ("address", attacker.ClientAddress));
        Assert.Equal(1, lockouts);
        var lockedUntil = await platform.Database.ScalarAsync<DateTime>("identity",
            "SELECT locked_until FROM accounts WHERE merchant_id = @store AND email = @email", ("store", store), ("email", email));
        Assert.InRange(lockedUntil - DateTime.UtcNow, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(16));
    }

    [Fact]
    public async Task Sign_in_attempts_from_one_address_are_throttled_whatever_account_they_try()
    {
        var (_, origin) = await Identity.NewStoreAsync("Throttle Shop");
        var storefront = Identity.StorefrontOf(origin);
        using var attacker = Identity.NewBrowser();
        var page = await attacker.OpenAsync(storefront.AuthorizeUrl());

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 31; attempt++)
        {
            statuses.Add((await attacker.SubmitAsync(page, ("email", ShopperAccountsTests.NewEmail()), ("password", "wrong password"))).Status);
        }

        using var bystander = Identity.NewBrowser();
        var bystanderPage = await bystander.OpenAsync(storefront.AuthorizeUrl());
        var bystanderAnswer = await bystander.SubmitAsync(bystanderPage, ("email", ShopperAccountsTests.NewEmail()), ("password", "wrong password"));

        Assert.All(statuses.Take(30), status => Assert.Equal(HttpStatusCode.BadRequest, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[30]);
        Assert.Equal(HttpStatusCode.BadRequest, bystanderAnswer.Status);
    }

    [Fact]
    public async Task Attempts_are_counted_in_the_database_so_a_restart_or_another_instance_forgets_none()
    {
        var (_, origin) = await Identity.NewStoreAsync("Counted Shop");
        var storefront = Identity.StorefrontOf(origin);
        var statuses = new List<HttpStatusCode>();
        async Task AttemptAsync(int count)
        {
            using var attacker = new SignInBrowser(Identity.BaseAddress, "203.0.113.99");
            var page = await attacker.OpenAsync(storefront.AuthorizeUrl());
            for (var attempt = 0; attempt < count; attempt++)
            {
                statuses.Add((await attacker.SubmitAsync(page, ("email", ShopperAccountsTests.NewEmail()), ("password", "wrong password"))).Status);
            }
        }

        await AttemptAsync(20);
        await Identity.RestartAsync();
        await AttemptAsync(11);

        Assert.All(statuses.Take(30), status => Assert.Equal(HttpStatusCode.BadRequest, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[30]);
    }

    [Theory]
    [InlineData("203.0.113.77")]
    [InlineData("2001:db8::77")]
    public async Task The_client_address_comes_from_the_trusted_proxys_forwarded_header(string clientAddress)
    {
        var (store, origin) = await Identity.NewStoreAsync("Address Shop");
        var storefront = Identity.StorefrontOf(origin);
        using var browser = new SignInBrowser(Identity.BaseAddress, clientAddress);
        var email = ShopperAccountsTests.NewEmail();

        await browser.SubmitAsync(await browser.OpenAsync(storefront.AuthorizeUrl()), ("email", email), ("password", "wrong password"));

        Assert.Equal(clientAddress, await platform.Database.ScalarAsync<string>("identity",
            "SELECT client_address FROM security_events WHERE merchant_id = @store AND email = @email", ("store", store), ("email", email)));
    }

    [Fact]
    public async Task An_unknown_address_and_a_wrong_password_get_the_same_answer()
    {
        var (_, origin) = await Identity.NewStoreAsync("Quiet Shop");
        var storefront = Identity.StorefrontOf(origin);
        var email = ShopperAccountsTests.NewEmail();
        await new ShopperAccountsTests(platform).SignedUpAsync(storefront, email);
        using var browser = Identity.NewBrowser();
        var page = await browser.OpenAsync(storefront.AuthorizeUrl());

        var wrongPassword = await browser.SubmitAsync(page, ("email", email), ("password", "not the password"));
        var unknown = await browser.SubmitAsync(page, ("email", ShopperAccountsTests.NewEmail()), ("password", "not the password"));
        var forgotKnown = await browser.SubmitAsync(await browser.OpenAsync(page.Link("Forgot your password?")), ("email", email));
        var forgotUnknown = await browser.SubmitAsync(await browser.OpenAsync(page.Link("Forgot your password?")), ("email", "nobody@example.com"));

        Assert.Equal(wrongPassword.Status, unknown.Status);
        Assert.Equal(wrongPassword.Alert, unknown.Alert);
        Assert.Equal(forgotKnown.Status, forgotUnknown.Status);
        Assert.Equal(forgotKnown.Text.Replace(email, "X", StringComparison.Ordinal), forgotUnknown.Text.Replace("nobody@example.com", "X", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_by_a_link_that_works_once()
    {
        var (_, origin) = await Identity.NewStoreAsync("Reset Shop");
        var storefront = Identity.StorefrontOf(origin);
        var email = ShopperAccountsTests.NewEmail();
        var before = await new ShopperAccountsTests(platform).SignedUpAsync(storefront, email);
        using var browser = Identity.NewBrowser();
        var signIn = await browser.OpenAsync(storefront.AuthorizeUrl());

        await browser.SubmitAsync(await browser.OpenAsync(signIn.Link("Forgot your password?")), ("email", email));
        var link = await Mailbox.LatestLinkAsync(Http, email, "Choose a new password");
        var reset = await browser.OpenAsync(link);
        await browser.SubmitAsync(reset, ("password", "a brand new passphrase"));
        var tokens = await storefront.RedeemCodeAsync(storefront.CodeFrom(browser.LeftFor));

        Assert.NotNull(tokens["access_token"]);
        var usedAgain = await Identity.NewBrowser().OpenAsync(link);
        Assert.Equal("This link no longer works", usedAgain.Title);
        // Every device was signed out: the refresh token from before the reset is dead.
        using var oldRefresh = await storefront.RefreshResponseAsync((string)before["refresh_token"]!);
        Assert.Equal(HttpStatusCode.BadRequest, oldRefresh.StatusCode);
        using var another = Identity.NewBrowser();
        var oldPassword = await another.SubmitAsync(await another.OpenAsync(storefront.AuthorizeUrl()), ("email", email), ("password", Password));
        Assert.Equal("The email or password is not correct.", oldPassword.Alert);
    }

    [Fact]
    public async Task A_shopper_changes_the_password_and_every_device_is_signed_out()
    {
        var (_, origin) = await Identity.NewStoreAsync("Change Shop");
        var storefront = Identity.StorefrontOf(origin);
        var tokens = await new ShopperAccountsTests(platform).SignedUpAsync(storefront, ShopperAccountsTests.NewEmail());
        var access = (string)tokens["access_token"]!;

        using var wrongCurrent = await Identity.Process.SendWithTokenAsync(HttpMethod.Post, "/api/v1/account/password", access,
            new { currentPassword = "not it at all", newPassword = "another long passphrase" });
        using var tooShort = await Identity.Process.SendWithTokenAsync(HttpMethod.Post, "/api/v1/account/password", access,
            new { currentPassword = Password, newPassword = "short" });
        using var changed = await Identity.Process.SendWithTokenAsync(HttpMethod.Post, "/api/v1/account/password", access,
            new { currentPassword = Password, newPassword = "another long passphrase" });

        Assert.Equal(HttpStatusCode.BadRequest, wrongCurrent.StatusCode);
        Assert.NotNull((await wrongCurrent.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["currentPassword"]);
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.NotNull((await tooShort.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["newPassword"]);
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        using var refresh = await storefront.RefreshResponseAsync((string)tokens["refresh_token"]!);
        Assert.Equal(HttpStatusCode.BadRequest, refresh.StatusCode);
    }

    [Fact]
    public async Task Wrong_current_passwords_are_throttled_and_lock_the_account_like_sign_in_failures()
    {
        var (store, origin) = await Identity.NewStoreAsync("Guarded Shop");
        var storefront = Identity.StorefrontOf(origin);
        var email = ShopperAccountsTests.NewEmail();
        var access = (string)(await new ShopperAccountsTests(platform).SignedUpAsync(storefront, email))["access_token"]!;

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 12; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/account/password")
            {
                Content = JsonContent.Create(new { currentPassword = $"guess number {attempt}", newPassword = "another long passphrase" }),
            };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", access);
            request.Headers.Add("X-Forwarded-For", "203.0.113.44");
            using var response = await Http.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        // The same budget as signing in (the sign-up took one attempt of it): refused before anything is checked.
        Assert.All(statuses.Take(UnifiedCommerce.Identity.Application.Accounts.MaxFailedSignIns), status => Assert.Equal(HttpStatusCode.BadRequest, status));
        Assert.All(statuses.Skip(UnifiedCommerce.Identity.Application.SignInThrottle.AttemptsPerAccount), status => Assert.Equal(HttpStatusCode.TooManyRequests, status));
        Assert.All(statuses, status => Assert.Contains(status, new[] { HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests }));
        Assert.Equal(1, await platform.Database.ScalarAsync<long>("identity",
            "SELECT count(*) FROM security_events WHERE merchant_id = @store AND email = @email AND kind = 'LockedOut'", ("store", store), ("email", email)));
        Assert.True(await platform.Database.ScalarAsync<bool>("identity",
            "SELECT locked_until > now() FROM accounts WHERE merchant_id = @store AND email = @email", ("store", store), ("email", email)));
        // Locked: the right password does not sign in either.
        using var owner = Identity.NewBrowser();
        var signIn = await owner.SubmitAsync(await owner.OpenAsync(storefront.AuthorizeUrl()), ("email", email), ("password", Password));
        Assert.Null(owner.LeftFor);
        Assert.NotEqual(HttpStatusCode.OK, signIn.Status);
    }

    [Fact]
    public async Task Signing_up_with_a_known_address_looks_and_works_like_signing_up_with_a_new_one()
    {
        var (_, origin) = await Identity.NewStoreAsync("Even Shop");
        var storefront = Identity.StorefrontOf(origin);
        var known = ShopperAccountsTests.NewEmail();
        var fresh = ShopperAccountsTests.NewEmail();
        await new ShopperAccountsTests(platform).SignedUpAsync(storefront, known);
        var mailsBefore = (await Mailbox.MessagesToAsync(Http, known)).Count;

        using var browser = Identity.NewBrowser();
        var again = await browser.SubmitAsync(await browser.OpenAsync(storefront.AuthorizeUrl(prompt: "create")), ("email", known), ("password", "someone else's passphrase"));
        var first = await browser.SubmitAsync(await browser.OpenAsync(storefront.AuthorizeUrl(prompt: "create")), ("email", fresh), ("password", "someone else's passphrase"));

        Assert.Equal(first.Status, again.Status);
        Assert.Equal(first.Html.Replace(fresh, "X", StringComparison.Ordinal), again.Html.Replace(known, "X", StringComparison.Ordinal));
        // One email each: a confirmation for the new address, a notice to the owner of the known one.
        await Mailbox.LatestLinkAsync(Http, fresh, "Confirm your email");
        var notice = await Mailbox.LatestLinkAsync(Http, known, "already have an account");
        Assert.Contains("/account/forgot-password", notice.AbsolutePath, StringComparison.Ordinal);
        Assert.Single(await Mailbox.MessagesToAsync(Http, fresh));
        Assert.Equal(mailsBefore + 1, (await Mailbox.MessagesToAsync(Http, known)).Count);
    }

    [Fact]
    public async Task A_deleted_account_gets_no_more_tokens_and_cannot_sign_in()
    {
        var (store, origin) = await Identity.NewStoreAsync("Delete Shop");
        var storefront = Identity.StorefrontOf(origin);
        var email = ShopperAccountsTests.NewEmail();
        var tokens = await new ShopperAccountsTests(platform).SignedUpAsync(storefront, email);

        using var deleted = await Identity.Process.SendWithTokenAsync(HttpMethod.Delete, "/api/v1/account", (string)tokens["access_token"]!);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var refresh = await storefront.RefreshResponseAsync((string)tokens["refresh_token"]!);
        Assert.Equal(HttpStatusCode.BadRequest, refresh.StatusCode);
        using var browser = Identity.NewBrowser();
        var signIn = await browser.SubmitAsync(await browser.OpenAsync(storefront.AuthorizeUrl()), ("email", email), ("password", Password));
        Assert.Equal("The email or password is not correct.", signIn.Alert);
        Assert.Equal(0, await platform.Database.ScalarAsync<long>("identity",
            "SELECT count(*) FROM accounts WHERE merchant_id = @store", ("store", store)));
        Assert.Equal(1, await platform.Database.ScalarAsync<long>("identity",
            "SELECT count(*) FROM security_events WHERE merchant_id = @store AND kind = 'AccountDeleted'", ("store", store)));
    }

    [Fact]
    public async Task An_api_clients_token_has_no_account_to_manage()
    {
        var merchant = Guid.NewGuid();
        var token = await Identity.MerchantTokenAsync(merchant, "products:read");

        using var response = await Identity.Process.SendWithTokenAsync(HttpMethod.Get, "/api/v1/account", token);
        using var anonymous = await Identity.Process.SendWithTokenAsync(HttpMethod.Delete, "/api/v1/account", accessToken: null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
