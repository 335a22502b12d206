using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using UnifiedCommerce.Admin.Session;
using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Admin.Tests;

/// <summary>
/// Staff sign in to the admin through Identity; the admin keeps their tokens behind an HttpOnly cookie session,
/// tells the SPA who is signed in for which merchant with which permissions, passes the SPA's calls on to the
/// platform with the session's token, switches merchant, and refuses calls a cross-site page could forge.
/// </summary>
[Collection(AdminCollection.Name)]
public sealed partial class StaffSessionTests(AdminPlatform platform)
{
    private static readonly string[] ReadingStock = ["inventory:read"];
    private static readonly string[] NoSuchPermission = ["no:such"];

    [Fact]
    public async Task Signed_out_the_session_is_401_and_screens_get_the_app()
    {
        using var browser = platform.NewBrowser();

        using var session = await browser.FetchAsync(HttpMethod.Get, "/bff/session");
        using var staff = await browser.FetchAsync(HttpMethod.Get, "/bff/api/identity/staff");
        var screen = await browser.NavigateAsync("/staff");

        Assert.Equal(HttpStatusCode.Unauthorized, session.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, staff.StatusCode);
        Assert.Equal(HttpStatusCode.OK, screen.Status);
        Assert.Equal(AdminPlatform.SpaPage, screen.Html);
    }

    [Fact]
    public async Task Calls_without_the_anti_forgery_header_are_refused_even_with_a_session()
    {
        using var browser = platform.NewBrowser();
        var person = await platform.NewOwnerAsync();
        await browser.SignInAsync(person.Email, StaffOnboarding.Password);

        using var proxied = await browser.FetchAsync(HttpMethod.Get, "/bff/api/identity/staff", csrf: false);
        using var session = await browser.FetchAsync(HttpMethod.Get, "/bff/session", csrf: false);
        using var switching = await browser.FetchAsync(HttpMethod.Post, "/bff/merchant", new { merchantId = platform.SecondStore }, csrf: false);
        using var logout = await browser.FetchAsync(HttpMethod.Post, "/bff/logout", csrf: false);

        Assert.All([proxied, session, switching, logout], response => Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode));
        Assert.Contains("x-csrf", await proxied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Nothing happened: still signed in, for the same merchant.
        var after = await browser.FetchJsonAsync(HttpMethod.Get, "/bff/session");
        Assert.Equal(platform.FirstStore.ToString(), (string)after["merchantId"]!);
    }

    [Fact]
    public async Task After_signing_in_through_Identity_the_session_names_the_merchant_role_and_permissions()
    {
        using var browser = platform.NewBrowser();

        var landing = await browser.SignInAsync(platform.Owner.Email, StaffOnboarding.Password, returnTo: "/roles");

        Assert.Equal(new Uri(platform.AdminAddress, "/roles"), landing.Address);
        var session = await browser.FetchJsonAsync(HttpMethod.Get, "/bff/session");
        Assert.Equal(platform.Owner.Email, (string)session["email"]!);
        Assert.Equal(platform.Owner.AccountId.ToString(), (string)session["accountId"]!);
        Assert.Equal(platform.FirstStore.ToString(), (string)session["merchantId"]!);
        Assert.Equal("Harbor Outfitters", (string)session["merchantName"]!);
        Assert.Equal("Owner", (string)session["role"]!);
        Assert.Equal(PlatformApi.Permissions.All.Order(StringComparer.Ordinal), session["permissions"]!.AsArray().Select(p => (string)p!));
        Assert.Equal(["Harbor Outfitters", "Meadow Home"], session["memberships"]!.AsArray().Select(m => (string)m!["merchantName"]!).Order(StringComparer.Ordinal));
        AssertNoTokenReached(browser);
    }

    [Fact]
    public async Task The_proxy_calls_Identity_and_the_gateway_with_the_sessions_token()
    {
        using var browser = platform.NewBrowser();
        var person = await platform.NewOwnerAsync();
        await browser.SignInAsync(person.Email, StaffOnboarding.Password);

        var staff = await browser.FetchJsonAsync(HttpMethod.Get, "/bff/api/identity/staff");
        var role = await browser.FetchJsonAsync(HttpMethod.Post, "/bff/api/identity/roles", new { name = $"Packer {Guid.NewGuid():N}", permissions = ReadingStock });
        var roles = await browser.FetchJsonAsync(HttpMethod.Get, "/bff/api/identity/roles");
        using var refused = await browser.FetchAsync(HttpMethod.Post, "/bff/api/identity/roles", new { name = "", permissions = NoSuchPermission });
        var graph = await browser.FetchJsonAsync(HttpMethod.Post, "/bff/graphql", new { query = "{ __typename }" });

        Assert.Contains(staff["members"]!.AsArray(), m => (string)m!["email"]! == person.Email);
        Assert.Contains(roles.AsArray(), r => (string)r!["id"]! == (string)role["id"]!);
        // Identity's problem details reach the SPA as they are.
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.NotNull(JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["errors"]);
        Assert.Equal("Query", (string)graph["data"]!["__typename"]!);
        AssertNoTokenReached(browser);
    }

    [Theory]
    [InlineData("/bff/api/identity/..%2F..%2Fconnect%2Ftoken")]
    [InlineData("/bff/api/identity/%2E%2E/%2E%2E/connect/token")]
    [InlineData("/bff/api/identity/staff/..%2F..%2F..%2Fdev/mailbox")]
    public async Task The_proxy_reaches_Identitys_REST_API_and_nothing_else(string path)
    {
        using var browser = platform.NewBrowser();
        var person = await platform.NewOwnerAsync();
        await browser.SignInAsync(person.Email, StaffOnboarding.Password);

        using var response = await browser.FetchAsync(HttpMethod.Get, path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Switching_merchant_changes_what_the_session_acts_for()
    {
        using var browser = platform.NewBrowser();
        await browser.SignInAsync(platform.Owner.Email, StaffOnboarding.Password);

        using var switched = await browser.FetchAsync(HttpMethod.Post, "/bff/merchant", new { merchantId = platform.SecondStore });
        var session = await browser.FetchJsonAsync(HttpMethod.Get, "/bff/session");
        using var staffAtSecond = await browser.FetchAsync(HttpMethod.Get, "/bff/api/identity/staff");
        using var elsewhere = await browser.FetchAsync(HttpMethod.Post, "/bff/merchant", new { merchantId = Guid.NewGuid() });
        var afterRefusal = await browser.FetchJsonAsync(HttpMethod.Get, "/bff/session");

        Assert.Equal(HttpStatusCode.OK, switched.StatusCode);
        Assert.Equal(platform.SecondStore.ToString(), (string)session["merchantId"]!);
        Assert.Equal("Meadow Home", (string)session["merchantName"]!);
        Assert.Equal("Staff", (string)session["role"]!);
        Assert.DoesNotContain("staff:manage", session["permissions"]!.AsArray().Select(p => (string)p!));
        // Staff at the second store: Identity refuses, and says which permission is missing.
        Assert.Equal(HttpStatusCode.Forbidden, staffAtSecond.StatusCode);
        Assert.Contains("staff:manage", await staffAtSecond.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        Assert.Contains("do not work for", await elsewhere.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(platform.SecondStore.ToString(), (string)afterRefusal["merchantId"]!);
        AssertNoTokenReached(browser);
    }

    [Fact]
    public async Task Signing_out_revokes_the_session_and_ends_Identitys_too()
    {
        using var browser = platform.NewBrowser();
        var person = await platform.NewOwnerAsync();
        await browser.SignInAsync(person.Email, StaffOnboarding.Password);

        var signedOut = await browser.FetchJsonAsync(HttpMethod.Post, "/bff/logout");
        using var session = await browser.FetchAsync(HttpMethod.Get, "/bff/session");
        var home = await browser.NavigateAsync((string)signedOut["signedOutUrl"]!);
        var signInAgain = await browser.NavigateAsync("/bff/login?returnTo=/");

        Assert.Equal(HttpStatusCode.Unauthorized, session.StatusCode);
        // Identity ended its own session and sent the browser back to the admin's home page ...
        Assert.Equal(new Uri(platform.AdminAddress, "/"), home.Address);
        // ... so signing in again asks for the password.
        Assert.Equal("Sign in", signInAgain.Title);
        AssertNoTokenReached(browser);
    }

    [Fact]
    public async Task A_restart_of_the_admin_keeps_everyones_session()
    {
        using var browser = platform.NewBrowser();
        var person = await platform.NewOwnerAsync();
        await browser.SignInAsync(person.Email, StaffOnboarding.Password);

        await platform.RestartAdminAsync();

        var session = await browser.FetchJsonAsync(HttpMethod.Get, "/bff/session");
        Assert.Equal(platform.FirstStore.ToString(), (string)session["merchantId"]!);
    }

    [Fact]
    public async Task Tokens_near_expiry_are_renewed_once_for_parallel_calls_and_the_session_goes_on()
    {
        // Access tokens live ten minutes: with a margin longer than that, every call finds its token about to expire.
        await platform.RestartAdminAsync(new Dictionary<string, string> { ["Admin__TokenRenewalMargin"] = "00:11:00" });
        try
        {
            using var browser = platform.NewBrowser();
            var person = await platform.NewOwnerAsync();
            await browser.SignInAsync(person.Email, StaffOnboarding.Password);
            var cookiesBefore = browser.AdminCookies.Count;

            var burst = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => browser.FetchAsync(HttpMethod.Get, "/bff/api/identity/staff")));
            var later = new List<HttpStatusCode>();
            for (var call = 0; call < 3; call++)
            {
                using var response = await browser.FetchAsync(HttpMethod.Get, "/bff/api/identity/roles");
                later.Add(response.StatusCode);
            }

            Assert.All(burst, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
            Assert.All(later, status => Assert.Equal(HttpStatusCode.OK, status));
            // Each renewal reissued the session cookie with the rotated tokens.
            Assert.Contains(browser.AdminCookies.Skip(cookiesBefore), cookie => cookie.StartsWith(SignInSetup.SessionCookieName, StringComparison.Ordinal));
            AssertNoTokenReached(browser);
            foreach (var response in burst)
            {
                response.Dispose();
            }
        }
        finally
        {
            await platform.RestartAdminAsync();
        }
    }

    [Fact]
    public async Task The_page_api_answers_404s_and_errors_carry_the_security_headers()
    {
        using var browser = platform.NewBrowser();
        await browser.SignInAsync(platform.Owner.Email, StaffOnboarding.Password);

        using var page = await browser.FetchAsync(HttpMethod.Get, "/staff", csrf: false);
        using var api = await browser.FetchAsync(HttpMethod.Get, "/bff/session");
        using var notFound = await browser.FetchAsync(HttpMethod.Get, "/bff/no-such-endpoint");
        using var refused = await browser.FetchAsync(HttpMethod.Post, "/bff/logout", csrf: false);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        SecurityHeaderChecks.AssertSecurityHeaders(page, html: true);
        foreach (var answer in new[] { api, notFound, refused })
        {
            SecurityHeaderChecks.AssertSecurityHeaders(answer, html: false);
        }
    }

    [Theory]
    [InlineData("/\t/evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("https://evil.example/")]
    public async Task A_sign_in_started_with_a_foreign_return_address_lands_on_the_admins_home(string returnTo)
    {
        using var browser = platform.NewBrowser();

        var landing = await browser.SignInAsync(platform.Owner.Email, StaffOnboarding.Password, returnTo);

        Assert.Equal(new Uri(platform.AdminAddress, "/"), landing.Address);
    }

    [Theory]
    [InlineData("/staff?x=1", "/staff?x=1")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("/\t/evil.example/", "/")]
    [InlineData("/\n/evil.example/", "/")]
    [InlineData(null, "/")]
    public void After_sign_in_the_browser_returns_to_a_page_of_the_admin_only(string? returnTo, string expected) =>
        Assert.Equal(expected, SessionEndpoints.LocalPath(returnTo));

    /// <summary>No answer of the admin carries a token (JWTs, access, identity and refresh alike, begin "eyJ"), and every cookie of the session is HttpOnly.</summary>
    internal static void AssertNoTokenReached(AdminBrowser browser)
    {
        Assert.All(browser.AdminBodies, body => Assert.DoesNotMatch(TokenPattern(), body));
        Assert.NotEmpty(browser.AdminCookies);
        Assert.All(browser.AdminCookies.Where(cookie => !cookie.Contains("httponly", StringComparison.OrdinalIgnoreCase)),
            cookie => Assert.DoesNotMatch(TokenPattern(), cookie));
        Assert.All(browser.AdminCookies.Where(cookie => cookie.StartsWith(SignInSetup.SessionCookieName, StringComparison.Ordinal)),
            cookie => Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{8,}\.")]
    private static partial Regex TokenPattern();
}
