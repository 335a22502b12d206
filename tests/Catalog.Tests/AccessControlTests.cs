using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Catalog.Tests;

/// <summary>
/// Catalog trusts only access tokens it validates itself: a write needs products:write on a token of the
/// merchant written to; headers, forged or altered tokens and the operators' credential change nothing.
/// </summary>
[Collection(CatalogCollection.Name)]
public sealed class AccessControlTests(CatalogPlatform platform)
{
    private ServiceProcess Catalog => platform.Catalog;

    [Fact]
    public async Task A_token_without_products_write_cannot_change_the_catalog()
    {
        var merchant = Guid.NewGuid();
        var readOnly = await platform.Identity.MerchantTokenAsync(merchant, "products:read", "inventory:write");

        var response = await Catalog.SendWithTokenAsync(HttpMethod.Put, "/api/v1/products/denied", readOnly, CatalogPlatform.Product("Denied", null, $"DN-{merchant:N}"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await CatalogPlatform.ReadAsync<JsonObject>(response);
        Assert.Equal("Permission denied.", (string?)problem["title"]);
        Assert.Contains("products:write", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal(0L, await ProductCountAsync(merchant));
    }

    [Fact]
    public async Task A_token_of_one_merchant_cannot_act_for_another_through_the_header()
    {
        var owner = Guid.NewGuid();
        var victim = Guid.NewGuid();
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/products/hijack")
        {
            Content = System.Net.Http.Json.JsonContent.Create(CatalogPlatform.Product("Hijack", null, $"HJ-{victim:N}")),
        };
        request.Headers.Authorization = new("Bearer", await platform.Identity.MerchantTokenAsync(owner));
        request.Headers.Add("x-merchant-id", victim.ToString());

        var response = await Catalog.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("The merchant header does not match your credentials.", (string?)(await CatalogPlatform.ReadAsync<JsonObject>(response))["title"]);
        Assert.Equal(0L, await ProductCountAsync(victim));
        Assert.Equal(0L, await ProductCountAsync(owner));
    }

    [Fact]
    public async Task A_token_signed_with_any_other_key_is_rejected()
    {
        var merchant = Guid.NewGuid();
        var genuine = new JsonWebToken(await platform.Identity.MerchantTokenAsync(merchant));
        using var rsa = RSA.Create(2048);
        var forged = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = genuine.Issuer,
            Audience = "commerce-api",
            Claims = new Dictionary<string, object> { ["sub"] = genuine.Subject, ["merchant_id"] = merchant.ToString(), ["scope"] = "products:write" },
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = genuine.Kid }, SecurityAlgorithms.RsaSha256),
        });

        var response = await Catalog.SendWithTokenAsync(HttpMethod.Put, "/api/v1/products/forged", forged, CatalogPlatform.Product("Forged", null, $"FG-{merchant:N}"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0L, await ProductCountAsync(merchant));
    }

    [Fact]
    public async Task A_genuine_token_with_its_merchant_rewritten_is_rejected()
    {
        var attacker = Guid.NewGuid();
        var victim = Guid.NewGuid();
        var parts = (await platform.Identity.MerchantTokenAsync(attacker)).Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        payload["merchant_id"] = victim.ToString();
        var altered = string.Join('.', parts[0], Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(payload.ToJsonString())), parts[2]);

        var response = await Catalog.SendWithTokenAsync(HttpMethod.Put, "/api/v1/products/altered", altered, CatalogPlatform.Product("Altered", null, $"AL-{victim:N}"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0L, await ProductCountAsync(victim));
    }

    [Fact]
    public async Task The_platform_operators_credential_reads_and_writes_no_merchant_data()
    {
        var merchant = await platform.NewMerchantWithCatalogAsync();
        var operatorToken = await platform.Identity.OperatorTokenAsync();

        var write = await Catalog.SendWithTokenAsync(HttpMethod.Put, "/api/v1/products/shirt-1", operatorToken, CatalogPlatform.Product("Operator", null, "OP"));
        var read = await Catalog.GraphQLWithTokenAsync(operatorToken, "{ products { totalCount } }");

        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal(0, (int)BrowsingTheCatalogTests.Data(read)["products"]!["totalCount"]!);
        var original = await CatalogPlatform.ReadAsync<JsonObject>(await Catalog.SendAsync(HttpMethod.Get, "/api/v1/products/shirt-1", merchant));
        Assert.Equal("Shirt 1", (string?)original["name"]);
    }

    [Fact]
    public async Task A_merchants_token_reads_its_own_catalog_without_any_header()
    {
        var merchant = await platform.NewMerchantWithCatalogAsync(productsInShirts: 2);

        var result = await Catalog.GraphQLWithTokenAsync(await platform.Identity.MerchantTokenAsync(merchant, "products:read"), "{ products { totalCount } }");

        Assert.Equal(3, (int)BrowsingTheCatalogTests.Data(result)["products"]!["totalCount"]!);
    }

    private Task<long> ProductCountAsync(Guid merchant) =>
        platform.Database.ScalarAsync<long>("catalog", "SELECT count(*) FROM products WHERE merchant_id = @m", ("m", merchant));
}
