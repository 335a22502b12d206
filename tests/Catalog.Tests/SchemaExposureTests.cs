using System.Text.Json.Nodes;
using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Catalog.Tests;

/// <summary>
/// Outside development a subgraph keeps its schema to itself: no introspection, no federation SDL over HTTP and no
/// "Did you mean" hints, while everything the gateway sends still works. Development keeps all of it for people.
/// </summary>
[Collection(CatalogCollection.Name)]
public sealed class SchemaExposureTests(CatalogPlatform platform) : IAsyncLifetime
{
    private const string Misspelt = "{ prodcts { totalCount } }";

    private ServiceProcess Production { get; set; } = null!;

    public async Task InitializeAsync() =>
        Production = await ServiceProcess.StartAsync("Catalog", platform.Database,
            new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Production" }, platform.Identity);

    public async Task DisposeAsync() => await Production.DisposeAsync();

    [Theory]
    [InlineData("{ __schema { queryType { name } } }")]
    [InlineData("{ __type(name: \"Product\") { fields { name } } }")]
    [InlineData("{ _service { sdl } }")]
    public async Task A_subgraph_in_production_refuses_anonymous_introspection(string query)
    {
        var body = await Production.GraphQLAsync(Guid.NewGuid(), query);

        Assert.Null(body["data"]);
        var error = Assert.Single(body["errors"]!.AsArray());
        Assert.Equal("INTROSPECTION_DISABLED", (string?)error!["extensions"]!["code"]);
    }

    [Fact]
    public async Task A_subgraph_in_production_suggests_no_field_for_a_misspelt_one()
    {
        var message = (string?)(await Production.GraphQLAsync(Guid.NewGuid(), Misspelt))["errors"]![0]!["message"];

        Assert.Contains("Cannot query field 'prodcts' on type 'Query'.", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Did you mean", message, StringComparison.Ordinal);
        Assert.DoesNotContain("products", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_subgraph_in_production_answers_what_the_gateway_sends()
    {
        var merchant = await platform.NewMerchantWithCatalogAsync(productsInShirts: 1);
        var page = await Production.GraphQLAsync(merchant, "{ __typename products { nodes { __typename id name } } }");
        var product = page["data"]!["products"]!["nodes"]![0]!;

        var entities = await Production.GraphQLAsync(merchant,
            "query ($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Product { name } } }",
            new { r = new[] { new { __typename = "Product", id = (string?)product["id"] } } });

        Assert.Null(page["errors"]);
        Assert.Equal("Query", (string?)page["data"]!["__typename"]);
        Assert.Null(entities["errors"]);
        Assert.Equal((string?)product["name"], (string?)entities["data"]!["_entities"]![0]!["name"]);
    }

    [Fact]
    public async Task A_subgraph_in_development_helps_whoever_builds_against_it()
    {
        var introspection = await platform.Catalog.GraphQLAsync(Guid.NewGuid(), "{ __schema { queryType { name } } }");
        var misspelt = await platform.Catalog.GraphQLAsync(Guid.NewGuid(), Misspelt);

        Assert.Equal("Query", (string?)introspection["data"]!["__schema"]!["queryType"]!["name"]);
        var message = (string?)misspelt["errors"]![0]!["message"];
        Assert.Contains("Did you mean", message, StringComparison.Ordinal);
        Assert.Contains("'products'", message, StringComparison.Ordinal);
    }
}
