using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Identity.Tests;

/// <summary>Identity configured to rotate its keys at every start, so a restart is a rotation.</summary>
public sealed class RotatingKeysPlatform : IAsyncLifetime
{
    public PlatformDatabase Database { get; } = new();
    public PlatformIdentity Identity { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Identity = await PlatformIdentity.StartAsync(Database, new Dictionary<string, string> { ["Identity__SigningKeys__RotateAfterDays"] = "0" });
    }

    public async Task DisposeAsync()
    {
        await Identity.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>
/// Keys rotate: after a rotation new tokens are signed with a new key, while everything issued before it (access
/// tokens, a shopper's refresh token) keeps working until it expires, because the retired keys stay published.
/// </summary>
public sealed class RotatingKeysTests(RotatingKeysPlatform platform) : IClassFixture<RotatingKeysPlatform>
{
    [Fact]
    public async Task Tokens_issued_before_a_rotation_keep_working_and_new_ones_use_the_new_key()
    {
        var identity = platform.Identity;
        var merchant = Guid.NewGuid();
        var client = await identity.CreateApiClientAsync(merchant, "products:read");
        var before = await identity.RequestTokenAsync(client.ClientId, client.ClientSecret, scope: null);
        var (_, origin) = await identity.NewStoreAsync("Rotation Shop");
        var storefront = identity.StorefrontOf(origin);
        var shopperTokens = await SignUpAsync(identity, storefront);

        await identity.RestartAsync();

        var after = await identity.RequestTokenAsync(client.ClientId, client.ClientSecret, scope: null);
        Assert.NotEqual(new JsonWebToken(before).Kid, new JsonWebToken(after).Kid);
        Assert.True((await ValidateAsync(identity, before)).IsValid, "A token signed before the rotation must still validate.");
        Assert.True((await ValidateAsync(identity, after)).IsValid);
        // A new client object: the restarted process has a new HTTP client.
        using var refreshed = await identity.StorefrontOf(origin).RefreshResponseAsync((string)shopperTokens["refresh_token"]!);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
    }

    private static async Task<JsonObject> SignUpAsync(PlatformIdentity identity, CodeFlowClient storefront)
    {
        var email = $"rotation-{Guid.NewGuid():N}@example.com";
        using var browser = identity.NewBrowser();
        return await storefront.SignUpAsync(browser, email, "correct horse battery");
    }

    private static async Task<TokenValidationResult> ValidateAsync(PlatformIdentity identity, string token)
    {
        var discovery = (await identity.Process.Http.GetFromJsonAsync<JsonObject>("/.well-known/openid-configuration"))!;
        var keys = new JsonWebKeySet(await identity.Process.Http.GetStringAsync((string)discovery["jwks_uri"]!));
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = (string)discovery["issuer"]!,
            IssuerSigningKeys = keys.GetSigningKeys(),
            ValidateAudience = false,
        });
    }
}
