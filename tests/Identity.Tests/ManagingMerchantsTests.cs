using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Identity.Tests;

/// <summary>A real PostgreSQL and a running Identity service, shared by the classes of <see cref="IdentityCollection"/>.</summary>
public sealed class IdentityPlatform : IAsyncLifetime
{
    public PlatformDatabase Database { get; } = new();
    public PlatformIdentity Identity { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Identity = await PlatformIdentity.StartAsync(Database, Settings);
    }

    /// <summary>A fixed issuer, as in production: tokens name it, whatever port the process listens on.</summary>
    private static Dictionary<string, string> Settings => new() { ["Identity__Issuer"] = "https://identity.commerce.test/" };

    public async Task DisposeAsync()
    {
        await Identity.DisposeAsync();
        await Database.DisposeAsync();
    }

    public Task RestartIdentityAsync() => Identity.RestartAsync();
}

[CollectionDefinition(Name)]
public sealed class IdentityCollection : ICollectionFixture<IdentityPlatform>
{
    public const string Name = "identity platform";
}

/// <summary>Platform operators create merchants, give their storefronts host names, and suspend or reactivate them.</summary>
[Collection(IdentityCollection.Name)]
public sealed class ManagingMerchantsTests(IdentityPlatform platform)
{
    private PlatformIdentity Identity => platform.Identity;

    private static readonly string[] NotAHostName = ["https://shop.example.com/path"];

    private const string ChannelQuery = "query ($host: String!) { storefrontChannel(host: $host) { host merchant { id name defaultCurrency status } } }";

    [Fact]
    public async Task A_new_merchant_is_found_by_each_of_its_host_names()
    {
        var (id, hosts) = await CreateAsync("Northwind Tea", "GBP", 2);

        var channel = await ChannelAsync(hosts[1].ToUpperInvariant() + ":3000");

        Assert.Equal(hosts[1], (string?)channel!["host"]);
        Assert.Equal(id.ToString(), (string?)channel["merchant"]!["id"]);
        Assert.Equal("Northwind Tea", (string?)channel["merchant"]!["name"]);
        Assert.Equal("GBP", (string?)channel["merchant"]!["defaultCurrency"]);
        Assert.Equal("ACTIVE", (string?)channel["merchant"]!["status"]);
    }

    [Fact]
    public async Task An_unknown_host_belongs_to_no_store()
    {
        Assert.Null(await ChannelAsync($"nobody-{Guid.NewGuid():N}.localhost"));
    }

    [Fact]
    public async Task Repeating_the_same_write_changes_nothing()
    {
        var id = Guid.NewGuid();
        var body = new { name = "Repeat Co", defaultCurrency = "USD", hosts = new[] { $"repeat-{id:N}.localhost" } };
        Assert.Equal(HttpStatusCode.Created, (await Identity.AsOperatorAsync(HttpMethod.Put, $"/api/v1/merchants/{id}", body)).StatusCode);

        var again = await Identity.AsOperatorAsync(HttpMethod.Put, $"/api/v1/merchants/{id}", body);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1L, (long)(await again.Content.ReadFromJsonAsync<JsonObject>())!["version"]!);
        Assert.Equal(1L, await platform.Database.ScalarAsync<long>("identity", "SELECT count(*) FROM outbox_messages WHERE merchant_id = @m", ("m", id)));
    }

    [Fact]
    public async Task A_host_name_belongs_to_one_store_only()
    {
        var (owner, hosts) = await CreateAsync("First Store", "USD", 1);
        var intruder = Guid.NewGuid();

        var response = await Identity.AsOperatorAsync(HttpMethod.Put, $"/api/v1/merchants/{intruder}",
            new { name = "Second Store", defaultCurrency = "USD", hosts = new[] { hosts[0] } });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(0L, await platform.Database.ScalarAsync<long>("identity", "SELECT count(*) FROM merchants WHERE id = @m", ("m", intruder)));
        Assert.Equal(owner.ToString(), (string?)(await ChannelAsync(hosts[0]))!["merchant"]!["id"]);
    }

    [Fact]
    public async Task Invalid_input_is_refused_with_field_errors_and_nothing_is_written()
    {
        var id = Guid.NewGuid();

        var response = await Identity.AsOperatorAsync(HttpMethod.Put, $"/api/v1/merchants/{id}",
            new { name = " ", defaultCurrency = "dollars", hosts = NotAHostName });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Contains("name", errors.Select(e => e.Key));
        Assert.Contains("defaultCurrency", errors.Select(e => e.Key));
        Assert.Contains("hosts[0]", errors.Select(e => e.Key));
        Assert.Equal(0L, await platform.Database.ScalarAsync<long>("identity", "SELECT count(*) FROM merchants WHERE id = @m", ("m", id)));
    }

    [Fact]
    public async Task A_suspended_store_is_reported_as_such_until_it_is_reactivated()
    {
        var (id, hosts) = await CreateAsync("Paused Goods", "EUR", 1);

        var suspended = await Identity.AsOperatorAsync(HttpMethod.Post, $"/api/v1/merchants/{id}/suspend", new { reason = "Unpaid invoices" });
        Assert.Equal(HttpStatusCode.OK, suspended.StatusCode);
        Assert.Equal("SUSPENDED", (string?)(await ChannelAsync(hosts[0]))!["merchant"]!["status"]);

        var reactivated = await Identity.AsOperatorAsync(HttpMethod.Post, $"/api/v1/merchants/{id}/reactivate");
        Assert.Equal(HttpStatusCode.OK, reactivated.StatusCode);
        Assert.Equal("ACTIVE", (string?)(await ChannelAsync(hosts[0]))!["merchant"]!["status"]);

        // Created, suspended, reactivated: three versions, each published.
        Assert.Equal(3L, await platform.Database.ScalarAsync<long>("identity", "SELECT count(*) FROM outbox_messages WHERE merchant_id = @m", ("m", id)));
    }

    [Fact]
    public async Task Suspending_an_unknown_merchant_is_a_404()
    {
        var response = await Identity.AsOperatorAsync(HttpMethod.Post, $"/api/v1/merchants/{Guid.NewGuid()}/suspend", new { reason = "x" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<(Guid Id, string[] Hosts)> CreateAsync(string name, string currency, int hostCount)
    {
        var id = Guid.NewGuid();
        var hosts = Enumerable.Range(1, hostCount).Select(n => $"shop{n}-{id:N}.localhost").ToArray();
        var response = await Identity.AsOperatorAsync(HttpMethod.Put, $"/api/v1/merchants/{id}", new { name, defaultCurrency = currency, hosts });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (id, hosts);
    }

    private async Task<JsonNode?> ChannelAsync(string host)
    {
        var result = await Identity.Process.GraphQLAsync(null, ChannelQuery, new { host });
        Assert.True(result["errors"] is null, $"GraphQL errors: {result["errors"]}");
        return result["data"]!["storefrontChannel"];
    }
}
