using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Identity.Tests;

/// <summary>
/// Identity's pages send the browser on only to a path of Identity itself, whatever return address a link carries:
/// a foreign one is dropped (no open redirect), a local one is followed after signing in. Every answer, pages, API
/// answers, 404s and errors alike, carries the security headers that keep browsers from sniffing, framing or
/// loading anything foreign.
/// </summary>
[Collection(SignInCollection.Name)]
public sealed class BrowserSafetyTests(SignInPlatform platform)
{
    [Fact]
    public async Task Pages_api_answers_404s_and_errors_carry_the_security_headers()
    {
        var merchant = Guid.NewGuid();
        await platform.Identity.PutMerchantAsync(merchant, "Headers Shop");
        var http = platform.Identity.Process.Http;

        using var page = await http.GetAsync("/account/sign-in");
        using var mailbox = await http.GetAsync("/dev/mailbox");
        using var api = await platform.Identity.AsOperatorAsync(HttpMethod.Get, $"/api/v1/merchants/{merchant}");
        using var notFound = await http.GetAsync("/no-such-page");
        using var refused = await http.GetAsync($"/api/v1/merchants/{merchant}");
        using var invalid = await http.PostAsync("/graphql", new StringContent("not json", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, mailbox.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, invalid.StatusCode);
        SecurityHeaderChecks.AssertSecurityHeaders(page, html: true);
        SecurityHeaderChecks.AssertSecurityHeaders(mailbox, html: true);
        foreach (var answer in new[] { api, notFound, refused, invalid })
        {
            SecurityHeaderChecks.AssertSecurityHeaders(answer, html: false);
        }
    }

    [Fact]
    public async Task A_return_address_with_a_control_character_is_refused_before_any_page_is_shown()
    {
        // "/%09/evil.example": browsers drop the tab and go to //evil.example. The text rule refuses it outright.
        using var answer = await platform.Identity.Process.Http.GetAsync($"/account/sign-in?returnUrl={Uri.EscapeDataString("/\t/evil.example")}");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Null(answer.Headers.Location);
        Assert.Contains("returnUrl", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example")]
    public async Task Signing_in_never_sends_the_browser_to_a_foreign_return_address(string returnUrl)
    {
        var staff = await platform.Identity.OwnerOfAsync(Guid.NewGuid());
        using var browser = platform.Identity.NewBrowser();

        var form = await browser.OpenAsync($"/account/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}");
        Assert.DoesNotContain("evil.example", form.Html, StringComparison.Ordinal);
        var after = await browser.SubmitAsync(form, ("email", staff.Email), ("password", StaffOnboarding.Password));

        Assert.Null(browser.LeftFor);
        Assert.Equal(platform.Identity.BaseAddress.Authority, after.Address.Authority);
        Assert.Equal("You are signed in", after.Title);
    }

    [Fact]
    public async Task Signing_in_returns_to_a_local_return_address()
    {
        var staff = await platform.Identity.OwnerOfAsync(Guid.NewGuid());
        using var browser = platform.Identity.NewBrowser();

        var form = await browser.OpenAsync($"/account/sign-in?returnUrl={Uri.EscapeDataString("/account/forgot-password")}");
        var after = await browser.SubmitAsync(form, ("email", staff.Email), ("password", StaffOnboarding.Password));

        Assert.Null(browser.LeftFor);
        Assert.Equal("/account/forgot-password", after.Address.AbsolutePath);
    }
}
