using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Identity.Tests;

/// <summary>
/// Identity's pages send the browser on only to a path of Identity itself, whatever return address a link carries:
/// a foreign one is dropped (no open redirect), a local one is followed after signing in.
/// </summary>
public sealed class BrowserSafetyTests(SignInPlatform platform) : IClassFixture<SignInPlatform>
{
    [Theory]
    [InlineData("/\t/evil.example")]
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
