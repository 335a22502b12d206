using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace UnifiedCommerce.Customers.Tests;

/// <summary>
/// A profile's text refuses control characters and line breaks, over REST (400 naming the field) and the graph
/// (BAD_USER_INPUT), and the profile stays as it was.
/// </summary>
[Collection(CustomersCollection.Name)]
public sealed class ProfileTextRulesTests(CustomersPlatform platform)
{
    private const string UpdateMyProfile = "mutation ($input: ProfileInput!) { updateMyProfile(input: $input) { id name phone } }";

    [Theory]
    [InlineData("name", "Ada\u0000")]
    [InlineData("name", "Ada\nLovelace")]
    [InlineData("name", "Ada\u009b")]
    [InlineData("phone", "555 0100\u0000")]
    public async Task Control_characters_in_a_profile_are_refused_naming_the_field(string field, string value)
    {
        var (_, origin) = await platform.Identity.NewStoreAsync("Quill Books");
        var (shopper, before) = await platform.SignUpWithProfileAsync(origin, name: "Ada");
        var input = new Dictionary<string, string?> { ["name"] = "Ada", ["phone"] = null, [field] = value };

        using var rest = await platform.Customers.SendWithTokenAsync(HttpMethod.Put, "/api/v1/profile", shopper.AccessToken, input);
        var problem = await rest.Content.ReadFromJsonAsync<JsonObject>();
        var graph = await platform.Customers.GraphQLWithTokenAsync(shopper.AccessToken, UpdateMyProfile, new { input });

        Assert.True(rest.StatusCode == HttpStatusCode.BadRequest, problem?.ToJsonString());
        Assert.Contains(field, problem!["errors"]!.AsObject().Select(e => e.Key));
        Assert.True((string?)graph["errors"]?[0]?["extensions"]?["code"] == "BAD_USER_INPUT", graph.ToJsonString());
        Assert.Contains(field, (string?)graph["errors"]![0]!["message"], StringComparison.Ordinal);
        var after = (await platform.ProfileAsync(shopper))!;
        Assert.Equal((long)before["version"]!, (long)after["version"]!);
    }
}
