using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Customers.Tests;

/// <summary>
/// A shopper who signs up at a store gets a profile with their email and name, and keeps it: reads it and changes
/// name and phone, over REST and the graph, with their sign-in's token. Nobody else reaches it that way.
/// </summary>
[Collection(CustomersCollection.Name)]
public sealed class KeepingAProfileTests(CustomersPlatform platform)
{
    private const string MyProfile = "{ myProfile { id email name phone } }";
    private const string UpdateMyProfile = "mutation ($input: ProfileInput!) { updateMyProfile(input: $input) { id name phone } }";

    [Fact]
    public async Task A_shopper_who_signs_up_gets_a_profile_with_their_email_and_name()
    {
        var (_, origin) = await platform.Identity.NewStoreAsync("Juniper Books");

        var (shopper, profile) = await platform.SignUpWithProfileAsync(origin, name: "Ada Lovelace");
        var graph = await platform.Customers.GraphQLWithTokenAsync(shopper.AccessToken, MyProfile);

        Assert.Equal(shopper.AccountId, Guid.Parse((string)profile["id"]!));
        Assert.Equal(shopper.Email, (string?)profile["email"]);
        Assert.Equal("Ada Lovelace", (string?)profile["name"]);
        Assert.Null(profile["phone"]);
        Assert.True(graph["errors"] is null, graph.ToJsonString());
        Assert.Equal("Ada Lovelace", (string?)graph["data"]!["myProfile"]!["name"]);
        Assert.Equal(shopper.Email, (string?)graph["data"]!["myProfile"]!["email"]);
    }

    [Fact]
    public async Task A_shopper_changes_name_and_phone_over_REST_and_the_graph()
    {
        var (_, origin) = await platform.Identity.NewStoreAsync("Fern Gardens");
        var (shopper, _) = await platform.SignUpWithProfileAsync(origin);

        using var put = await platform.Customers.SendWithTokenAsync(HttpMethod.Put, "/api/v1/profile", shopper.AccessToken,
            new { name = "  Grace Hopper ", phone = "+1 (555) 010-9999" });
        var changed = (await put.Content.ReadFromJsonAsync<JsonObject>())!;
        var viaGraph = await platform.Customers.GraphQLWithTokenAsync(shopper.AccessToken, UpdateMyProfile,
            new { input = new { name = "Grace B. Hopper", phone = "020 7946 0000" } });

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("Grace Hopper", (string?)changed["name"]);
        Assert.Equal("+1 (555) 010-9999", (string?)changed["phone"]);
        Assert.True(viaGraph["errors"] is null, viaGraph.ToJsonString());
        Assert.Equal("020 7946 0000", (string?)viaGraph["data"]!["updateMyProfile"]!["phone"]);
        var stored = (await platform.ProfileAsync(shopper))!;
        Assert.Equal("Grace B. Hopper", (string?)stored["name"]);
        Assert.Equal("020 7946 0000", (string?)stored["phone"]);
        Assert.Equal(3L, (long)stored["version"]!);

        // Blank values clear the fields.
        using var cleared = await platform.Customers.SendWithTokenAsync(HttpMethod.Put, "/api/v1/profile", shopper.AccessToken, new { name = "", phone = (string?)null });
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Null((await platform.ProfileAsync(shopper))!["phone"]);
    }

    [Fact]
    public async Task Bad_input_is_refused_field_by_field_and_changes_nothing()
    {
        var (_, origin) = await platform.Identity.NewStoreAsync("Maple Paper");
        var (shopper, before) = await platform.SignUpWithProfileAsync(origin, name: "Alan Turing");

        using var rest = await platform.Customers.SendWithTokenAsync(HttpMethod.Put, "/api/v1/profile", shopper.AccessToken,
            new { name = new string('x', 201), phone = "call me" });
        var problem = (await rest.Content.ReadFromJsonAsync<JsonObject>())!;
        using var fewDigits = await platform.Customers.SendWithTokenAsync(HttpMethod.Put, "/api/v1/profile", shopper.AccessToken,
            new { name = "Alan", phone = "+1 (23) 45" });
        var graph = await platform.Customers.GraphQLWithTokenAsync(shopper.AccessToken, UpdateMyProfile,
            new { input = new { name = "Alan", phone = "123456789012345678901" } });

        Assert.Equal(HttpStatusCode.BadRequest, rest.StatusCode);
        Assert.Equal(["name", "phone"], problem["errors"]!.AsObject().Select(e => e.Key).Order());
        Assert.Equal(HttpStatusCode.BadRequest, fewDigits.StatusCode);
        Assert.Equal("BAD_USER_INPUT", (string?)graph["errors"]![0]!["extensions"]!["code"]);
        Assert.Contains("at least 7 digits", (string?)graph["errors"]![0]!["extensions"]!["fields"]!["phone"]![0], StringComparison.Ordinal);
        Assert.Null(graph["data"]);
        var after = (await platform.ProfileAsync(shopper))!;
        Assert.Equal("Alan Turing", (string?)after["name"]);
        Assert.Null(after["phone"]);
        Assert.Equal((long)before["version"]!, (long)after["version"]!);
    }

    [Fact]
    public async Task A_shopper_reaches_only_their_own_profile()
    {
        var (_, origin) = await platform.Identity.NewStoreAsync("Willow Tea");
        var (alice, _) = await platform.SignUpWithProfileAsync(origin, name: "Alice");
        var (bob, _) = await platform.SignUpWithProfileAsync(origin, name: "Bob");

        using var aliceChanges = await platform.Customers.SendWithTokenAsync(HttpMethod.Put, "/api/v1/profile", alice.AccessToken, new { name = "Alice A.", phone = "5550100200" });
        using var aliceReadsBob = await platform.Customers.SendWithTokenAsync(HttpMethod.Get, $"/api/v1/customers/{bob.AccountId}", alice.AccessToken);
        var aliceAsksForBob = await platform.Customers.GraphQLWithTokenAsync(alice.AccessToken, $"{{ customer(id: \"{bob.AccountId}\") {{ name }} }}");

        Assert.Equal(HttpStatusCode.OK, aliceChanges.StatusCode);
        Assert.Equal("Alice A.", (string?)(await platform.ProfileAsync(alice))!["name"]);
        var bobsProfile = (await platform.ProfileAsync(bob))!;
        Assert.Equal("Bob", (string?)bobsProfile["name"]);
        Assert.Null(bobsProfile["phone"]);
        Assert.Equal(HttpStatusCode.Forbidden, aliceReadsBob.StatusCode);
        Assert.Equal("FORBIDDEN", (string?)aliceAsksForBob["errors"]![0]!["extensions"]!["code"]);
        Assert.Null(aliceAsksForBob["data"]);
    }

    [Fact]
    public async Task Only_a_shoppers_own_sign_in_reaches_the_profile()
    {
        var (store, origin) = await platform.Identity.NewStoreAsync("Aster Shoes");
        await platform.SignUpWithProfileAsync(origin);
        var apiClient = await platform.Identity.MerchantTokenAsync(store, "customers:read", "customers:write");

        using var clientRead = await platform.Customers.SendWithTokenAsync(HttpMethod.Get, "/api/v1/profile", apiClient);
        using var clientWrite = await platform.Customers.SendWithTokenAsync(HttpMethod.Put, "/api/v1/profile", apiClient, new { name = "Mallory" });
        using var anonymous = await platform.Customers.SendAsync(HttpMethod.Get, "/api/v1/profile", store);
        var clientGraph = await platform.Customers.GraphQLWithTokenAsync(apiClient, MyProfile);
        var anonymousGraph = await platform.Customers.GraphQLAsync(store, MyProfile);

        Assert.Equal(HttpStatusCode.Forbidden, clientRead.StatusCode);
        Assert.Contains("shopper's own sign-in", (string?)(await clientRead.Content.ReadFromJsonAsync<JsonObject>())!["detail"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, clientWrite.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("FORBIDDEN", (string?)clientGraph["errors"]![0]!["extensions"]!["code"]);
        Assert.Contains("shopper's own data", (string?)clientGraph["errors"]![0]!["message"], StringComparison.Ordinal);
        Assert.Equal("UNAUTHENTICATED", (string?)anonymousGraph["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task A_redelivered_sign_up_does_not_undo_the_shoppers_changes()
    {
        var (_, origin) = await platform.Identity.NewStoreAsync("Cedar Kitchen");
        var (shopper, _) = await platform.SignUpWithProfileAsync(origin, name: "Katherine");
        using var put = await platform.Customers.SendWithTokenAsync(HttpMethod.Put, "/api/v1/profile", shopper.AccessToken, new { name = "Katherine Johnson", phone = "555 0100 200" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var registration = await platform.RegistrationEventAsync(shopper);

        // Once as a plain duplicate, once as if Customers had never seen it: only the profile itself can stop that one.
        await platform.RedeliverAsync(registration, forgetDelivery: false);
        await platform.RedeliverAsync(registration, forgetDelivery: true);

        var profile = (await platform.ProfileAsync(shopper))!;
        Assert.Equal("Katherine Johnson", (string?)profile["name"]);
        Assert.Equal("555 0100 200", (string?)profile["phone"]);
        Assert.Equal(2L, (long)profile["version"]!);
    }
}
