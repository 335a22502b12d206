using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Identity.Tests;

/// <summary>
/// Identity's text input refuses control characters with a 400 naming the field, whether it arrives as JSON
/// (merchant and role names) or as a form on its own pages (sign-in email, sign-up name), and nothing is written.
/// </summary>
[Collection(SignInCollection.Name)]
public sealed class TextInputRulesTests(SignInPlatform platform)
{
    private static readonly string[] ReadingProducts = ["products:read"];

    private PlatformIdentity Identity => platform.Identity;

    [Theory]
    [InlineData("Null\u0000Store")]
    [InlineData("Two\nLines")]
    [InlineData("Escape\u001b[2J")]
    public async Task A_merchant_name_with_control_characters_is_refused(string name)
    {
        var merchant = Guid.NewGuid();

        using var response = await Identity.AsOperatorAsync(HttpMethod.Put, $"/api/v1/merchants/{merchant}", new { name, defaultCurrency = "USD", hosts = Array.Empty<string>() });
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, problem?.ToJsonString());
        Assert.Contains("name", problem!["errors"]!.AsObject().Select(e => e.Key));
        using var read = await Identity.AsOperatorAsync(HttpMethod.Get, $"/api/v1/merchants/{merchant}");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Theory]
    [InlineData("Role\u0000")]
    [InlineData("Two\nLines")]
    public async Task A_role_name_with_control_characters_is_refused(string name)
    {
        var (store, _) = await Identity.NewStoreAsync("Role Text Shop");
        var owner = await Identity.OwnerOfAsync(store);
        var before = await RolesAsync(owner.AccessToken);

        using var response = await Identity.Process.SendWithTokenAsync(HttpMethod.Post, "/api/v1/roles", owner.AccessToken, new { name, permissions = ReadingProducts });
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, problem?.ToJsonString());
        Assert.Contains("name", problem!["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(before, await RolesAsync(owner.AccessToken));
    }

    private static string Tail(string output) => output.Length > 4000 ? output[^4000..] : output;

    private async Task<string> RolesAsync(string accessToken)
    {
        using var roles = await Identity.Process.SendWithTokenAsync(HttpMethod.Get, "/api/v1/roles", accessToken);
        return await roles.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task A_sign_in_email_with_a_null_character_is_refused_not_a_server_error()
    {
        var (_, origin) = await Identity.NewStoreAsync("Null Mail Shop");
        using var browser = Identity.NewBrowser();
        var signIn = await browser.OpenAsync(Identity.StorefrontOf(origin).AuthorizeUrl());

        var sent = await browser.SubmitAsync(signIn, ("email", "jamie\u0000@example.com"), ("password", "commerce-demo-2026"));

        Assert.True(sent.Status == HttpStatusCode.BadRequest, $"{(int)sent.Status}: {sent.Html}\n{Tail(Identity.Process.Output)}");
        Assert.Contains("invalid", sent.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Jamie\u0000")]
    [InlineData("Jamie\nSmith")]
    public async Task A_sign_up_name_with_control_characters_is_refused_and_no_account_is_made(string name)
    {
        var (_, origin) = await Identity.NewStoreAsync("Null Name Shop");
        using var browser = Identity.NewBrowser();
        var signUp = await browser.OpenAsync(Identity.StorefrontOf(origin).AuthorizeUrl(prompt: "create"));
        var email = $"shopper-{Guid.NewGuid():N}@example.com";

        var sent = await browser.SubmitAsync(signUp, ("name", name), ("email", email), ("password", "correct horse battery"));

        Assert.True(sent.Status == HttpStatusCode.BadRequest, $"{(int)sent.Status}: {sent.Html}\n{Tail(Identity.Process.Output)}");
        Assert.Equal(0L, await platform.Database.ScalarAsync<long>("identity", "SELECT count(*) FROM accounts WHERE email = @e", ("e", email)));
    }
}
