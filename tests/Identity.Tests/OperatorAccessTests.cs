using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Xunit;

namespace UnifiedCommerce.Identity.Tests;

/// <summary>Merchant administration is for the platform operators' credential only; merchants' clients cannot reach it.</summary>
[Collection(IdentityCollection.Name)]
public sealed class OperatorAccessTests(IdentityPlatform platform)
{
    private static readonly string[] WritePermission = ["products:write"];

    [Fact]
    public async Task Without_a_token_merchant_administration_is_refused_and_nothing_changes()
    {
        var id = Guid.NewGuid();

        var response = await platform.Identity.Process.SendAsync(HttpMethod.Put, $"/api/v1/merchants/{id}", null,
            new { name = "Uninvited", defaultCurrency = "USD", hosts = Array.Empty<string>() });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0L, await platform.Database.ScalarAsync<long>("identity", "SELECT count(*) FROM merchants WHERE id = @m", ("m", id)));
    }

    [Fact]
    public async Task A_merchants_own_client_cannot_administer_merchants_not_even_its_own()
    {
        var merchant = Guid.NewGuid();
        await platform.Identity.PutMerchantAsync(merchant, "Ambitious Shop");
        var token = await platform.Identity.MerchantTokenAsync(merchant);

        var suspendOwn = await platform.Identity.Process.SendWithTokenAsync(HttpMethod.Post, $"/api/v1/merchants/{merchant}/suspend", token, new { reason = "x" });
        var mintClient = await platform.Identity.Process.SendWithTokenAsync(HttpMethod.Post, $"/api/v1/merchants/{merchant}/api-clients", token,
            new { name = "More", permissions = WritePermission });
        var createOther = await platform.Identity.Process.SendWithTokenAsync(HttpMethod.Put, $"/api/v1/merchants/{Guid.NewGuid()}", token,
            new { name = "Shadow", defaultCurrency = "USD", hosts = Array.Empty<string>() });

        Assert.All([suspendOwn, mintClient, createOther], response => Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode));
        Assert.Contains("platform:administer", (string?)(await suspendOwn.Content.ReadFromJsonAsync<JsonObject>())!["detail"], StringComparison.Ordinal);
        Assert.Equal("Active", await platform.Database.ScalarAsync<string>("identity", "SELECT status FROM merchants WHERE id = @m", ("m", merchant)));
    }

    [Fact]
    public async Task The_operators_token_carries_no_merchant_and_a_merchant_client_cannot_ask_for_the_platform_permission()
    {
        var operatorToken = new JsonWebToken(await platform.Identity.OperatorTokenAsync());
        var client = await platform.Identity.CreateApiClientAsync(Guid.NewGuid(), "products:read");

        using var escalation = await platform.Identity.RequestTokenResponseAsync(client.ClientId, client.ClientSecret, "platform:administer");

        Assert.False(operatorToken.TryGetClaim("merchant_id", out _));
        Assert.Equal("platform:administer", operatorToken.GetClaim("scope").Value);
        Assert.Contains("commerce-api", operatorToken.Audiences);
        Assert.Equal(HttpStatusCode.BadRequest, escalation.StatusCode);
    }

    [Fact]
    public async Task A_deleted_client_gets_no_more_tokens_and_only_its_own_merchant_can_lose_it()
    {
        var merchant = Guid.NewGuid();
        var client = await platform.Identity.CreateApiClientAsync(merchant, "products:read");
        await platform.Identity.RequestTokenAsync(client.ClientId, client.ClientSecret, scope: null);

        var wrongMerchant = await platform.Identity.AsOperatorAsync(HttpMethod.Delete, $"/api/v1/merchants/{Guid.NewGuid()}/api-clients/{client.ClientId}");
        var deleted = await platform.Identity.AsOperatorAsync(HttpMethod.Delete, $"/api/v1/merchants/{merchant}/api-clients/{client.ClientId}");
        using var afterwards = await platform.Identity.RequestTokenResponseAsync(client.ClientId, client.ClientSecret, scope: null);

        Assert.Equal(HttpStatusCode.NotFound, wrongMerchant.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterwards.StatusCode);
    }

    [Fact]
    public async Task Identity_refuses_a_deleted_clients_token_at_once()
    {
        var merchant = Guid.NewGuid();
        var client = await platform.Identity.CreateApiClientAsync(merchant, "staff:manage", "security:read");
        var token = await platform.Identity.RequestTokenAsync(client.ClientId, client.ClientSecret, scope: null);
        using (var before = await platform.Identity.Process.SendWithTokenAsync(HttpMethod.Get, "/api/v1/staff", token))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using (var deleted = await platform.Identity.AsOperatorAsync(HttpMethod.Delete, $"/api/v1/merchants/{merchant}/api-clients/{client.ClientId}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using var read = await platform.Identity.Process.SendWithTokenAsync(HttpMethod.Get, "/api/v1/security-events", token);
        using var write = await platform.Identity.Process.SendWithTokenAsync(HttpMethod.Post, "/api/v1/roles", token,
            new { name = "After deletion", permissions = WritePermission });

        Assert.All([read, write], response =>
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        });
        Assert.Contains("deleted", (string?)(await read.Content.ReadFromJsonAsync<JsonObject>())!["detail"], StringComparison.Ordinal);
        Assert.Equal(0L, await platform.Database.ScalarAsync<long>("identity",
            "SELECT count(*) FROM custom_roles WHERE merchant_id = @m", ("m", merchant)));
    }
}
