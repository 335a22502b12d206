using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace UnifiedCommerce.TenantIsolation.Tests;

/// <summary>
/// Identity's Merchant entity is the store directory: what a store shows anyone before they sign in. The sweep
/// leaves it out because it belongs to no merchant; this checks that it shows no more than that, to anyone.
/// </summary>
[Collection(SweptPlatformCollection.Name)]
public sealed class StoreDirectoryTests(SweptPlatform platform)
{
    [Fact]
    public async Task A_store_looked_up_by_id_shows_no_more_than_its_storefront_shows_anyone()
    {
        var b = platform.B;
        var merchant = GraphSchema.Load(Path.Combine(SweptOperations.GatewayFolder, "subgraphs", "identity.graphql")).SelectionOf("Merchant");
        var byHost = await PostAsync(platform.Gateway.Http, null,
            $"query ($host: String!) {{ storefrontChannel(host: $host) {{ merchant {{ {merchant} }} }} }}", new { host = new Uri(b.Origin).Host });
        const string byId = "query ($r: [_Any!]!) { _entities(representations: $r) { ... on Merchant { SELECTION } } }";
        var representations = new { r = new[] { new { __typename = "Merchant", id = b.Id.ToString() } } };

        var anonymous = await PostAsync(platform.Identity.Process.Http, null, byId.Replace("SELECTION", merchant, StringComparison.Ordinal), representations);
        var asAnotherMerchant = await PostAsync(platform.Identity.Process.Http, platform.A.ClientToken, byId.Replace("SELECTION", merchant, StringComparison.Ordinal), representations);

        var published = byHost["data"]!["storefrontChannel"]!["merchant"]!;
        Assert.Equal(b.Id.ToString(), (string?)published["id"]);
        Assert.Equal(published.ToJsonString(), anonymous["data"]!["_entities"]![0]!.ToJsonString());
        Assert.Equal(published.ToJsonString(), asAnotherMerchant["data"]!["_entities"]![0]!.ToJsonString());
    }

    private static async Task<JsonObject> PostAsync(HttpClient http, string? token, string query, object variables)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(body["errors"] is null, body.ToJsonString());
        return body;
    }
}
