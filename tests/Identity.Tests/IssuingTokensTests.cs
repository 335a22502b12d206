using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace UnifiedCommerce.Identity.Tests;

/// <summary>
/// A merchant's API client obtains short-lived access tokens (client credentials) that any service can verify on
/// its own with the published keys; the keys survive a restart of Identity.
/// </summary>
[Collection(IdentityCollection.Name)]
public sealed class IssuingTokensTests(IdentityPlatform platform)
{
    private static readonly string[] ReadProducts = ["products:read"];
    private static readonly string[] NoSuchPermission = ["everything:write"];

    [Fact]
    public async Task A_client_gets_a_signed_token_naming_its_merchant_and_permissions()
    {
        var merchant = await NewMerchantAsync();
        var client = await NewClientAsync(merchant, "products:read", "inventory:read");

        var token = await TokenAsync(client, scope: null);

        var validated = await ValidateAsync(token);
        Assert.True(validated.IsValid, validated.Exception?.Message);
        var jwt = new JsonWebToken(token);
        Assert.Equal((string)client["clientId"]!, jwt.Subject);
        Assert.Equal(merchant.ToString(), jwt.GetClaim("merchant_id").Value);
        Assert.Equal(["inventory:read", "products:read"], jwt.GetClaim("scope").Value.Split(' ').Order());
        Assert.InRange(jwt.ValidTo - jwt.IssuedAt, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task A_client_may_ask_for_less_but_never_for_more_than_it_was_granted()
    {
        var client = await NewClientAsync(await NewMerchantAsync(), "products:read");

        var narrower = await TokenAsync(client, "products:read");
        var wider = await RequestTokenAsync(client, "products:read products:write");

        Assert.Equal("products:read", new JsonWebToken(narrower).GetClaim("scope").Value);
        Assert.Equal(HttpStatusCode.BadRequest, wider.StatusCode);
        var refusal = (await wider.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains("scope", (string?)refusal["error_description"], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_wrong_secret_gets_no_token()
    {
        var client = await NewClientAsync(await NewMerchantAsync(), "products:read");
        client["clientSecret"] = "not-the-secret";

        var response = await RequestTokenAsync(client, scope: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]);
    }

    [Fact]
    public async Task Clients_are_refused_for_unknown_merchants_and_unknown_permissions()
    {
        var unknownMerchant = await platform.Identity.AsOperatorAsync(HttpMethod.Post, $"/api/v1/merchants/{Guid.NewGuid()}/api-clients",
            new { name = "Ghost", permissions = ReadProducts });
        var unknownPermission = await platform.Identity.AsOperatorAsync(HttpMethod.Post, $"/api/v1/merchants/{await NewMerchantAsync()}/api-clients",
            new { name = "Greedy", permissions = NoSuchPermission });

        Assert.Equal(HttpStatusCode.NotFound, unknownMerchant.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownPermission.StatusCode);
    }

    [Fact]
    public async Task Tokens_issued_before_a_restart_stay_valid_after_it()
    {
        var client = await NewClientAsync(await NewMerchantAsync(), "inventory:write");
        var before = await TokenAsync(client, scope: null);

        await platform.RestartIdentityAsync();

        var validated = await ValidateAsync(before);
        Assert.True(validated.IsValid, validated.Exception?.Message);
        Assert.Equal(new JsonWebToken(before).Kid, new JsonWebToken(await TokenAsync(client, scope: null)).Kid);
    }

    private async Task<Guid> NewMerchantAsync()
    {
        var id = Guid.NewGuid();
        var response = await platform.Identity.AsOperatorAsync(HttpMethod.Put, $"/api/v1/merchants/{id}",
            new { name = "Token Shop", defaultCurrency = "USD", hosts = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return id;
    }

    private async Task<JsonObject> NewClientAsync(Guid merchant, params string[] permissions)
    {
        var response = await platform.Identity.AsOperatorAsync(HttpMethod.Post, $"/api/v1/merchants/{merchant}/api-clients",
            new { name = "Warehouse sync", permissions });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<HttpResponseMessage> RequestTokenAsync(JsonObject client, string? scope)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = (string)client["clientId"]!,
            ["client_secret"] = (string)client["clientSecret"]!,
        };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        return await platform.Identity.Process.Http.PostAsync("/connect/token", new FormUrlEncodedContent(form));
    }

    private async Task<string> TokenAsync(JsonObject client, string? scope)
    {
        var response = await RequestTokenAsync(client, scope);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        return (string)body["access_token"]!;
    }

    /// <summary>Validates the way a resource server does: keys from the discovery document, nothing shared in advance.</summary>
    private async Task<TokenValidationResult> ValidateAsync(string token)
    {
        var discovery = (await platform.Identity.Process.Http.GetFromJsonAsync<JsonObject>("/.well-known/openid-configuration"))!;
        var keys = new JsonWebKeySet(await platform.Identity.Process.Http.GetStringAsync((string)discovery["jwks_uri"]!));
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = (string)discovery["issuer"]!,
            IssuerSigningKeys = keys.GetSigningKeys(),
            ValidateAudience = false,
        });
    }
}
