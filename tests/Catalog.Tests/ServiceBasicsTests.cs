using System.Net;
using System.Text.Json.Nodes;
using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Catalog.Tests;

/// <summary>What every service offers operators and clients: health, metrics, and problem details for every error.</summary>
[Collection(CatalogCollection.Name)]
public sealed class ServiceBasicsTests(CatalogPlatform platform)
{
    private ServiceProcess Catalog => platform.Catalog;

    [Fact]
    public async Task Api_answers_404s_and_errors_carry_the_security_headers()
    {
        var merchant = Guid.NewGuid();

        using var api = await Catalog.SendAsync(HttpMethod.Get, "/api/v1/categories", merchant);
        using var notFound = await Catalog.SendAsync(HttpMethod.Get, "/no-such-endpoint", merchant);
        using var refused = await Catalog.SendAsync(HttpMethod.Put, "/api/v1/categories/unsigned", merchant, new { name = "Unsigned" });
        using var invalid = await Catalog.Http.PostAsync("/graphql", new StringContent("not json", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        foreach (var answer in new[] { api, notFound, refused, invalid })
        {
            SecurityHeaderChecks.AssertSecurityHeaders(answer, html: false);
        }
    }

    [Fact]
    public async Task Health_reports_ready_with_its_database_and_alive_without_it()
    {
        var health = await CatalogPlatform.ReadAsync<JsonObject>(await Catalog.Http.GetAsync("/health"));
        var alive = await Catalog.Http.GetAsync("/alive");

        Assert.Equal("Healthy", (string?)health["status"]);
        Assert.Equal("Healthy", (string?)health["checks"]!["catalog-database"]!["status"]);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    [Fact]
    public async Task Prometheus_can_scrape_request_metrics()
    {
        await Catalog.SendAsync(HttpMethod.Get, "/api/v1/products", Guid.NewGuid());

        var metrics = await Catalog.Http.GetStringAsync("/metrics");

        Assert.Contains("http_server_request_duration_seconds", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_route_is_a_problem_details_404()
    {
        var response = await Catalog.Http.GetAsync("/api/v1/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
