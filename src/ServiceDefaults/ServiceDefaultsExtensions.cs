using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using UnifiedCommerce.ServiceDefaults.Http;
using UnifiedCommerce.ServiceDefaults.Telemetry;
using UnifiedCommerce.WebSecurity;

namespace UnifiedCommerce.ServiceDefaults;

/// <summary>
/// What every process of the platform shares, the admin's backend included, in one call each: telemetry, health,
/// resilient HTTP clients with service discovery, problem details and the input rules. Nothing here decides who
/// may call: services add that (<c>AddPlatformApi</c>), the admin its own cookie session. A service's Program.cs
/// reads like a table of contents: AddServiceDefaults, the shared parts it uses, its own parts, MapDefaultEndpoints.
/// </summary>
public static class ServiceDefaultsExtensions
{
    private const string LiveTag = "live";

    /// <summary>The name of the REST API's description, when a process has one (services do, by <c>AddPlatformApi</c>).</summary>
    private const string ApiDocument = "v1";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddCommerceTelemetry();

        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            // A request that changes something is not repeated blindly: the first may have succeeded (a rotating
            // refresh token redeemed twice ends the admin's session).
            http.AddStandardResilienceHandler(resilience => resilience.Retry.DisableForUnsafeHttpMethods());
            http.AddServiceDiscovery();
        });

        builder.Services.AddCommerceProblemDetails();
        builder.Services.AddCommerceInputRules();
        return builder;
    }

    /// <summary>
    /// A service's answers: security headers on every one, error handling, then the input rules, in the order
    /// every request needs them. The admin's backend has its own header policy and error answer.
    /// </summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseSecurityHeaders(SecurityHeaderPolicy.Services);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseMiddleware<TextInputMiddleware>();
        return app;
    }

    /// <summary>
    /// /health (ready: every check, databases included), /alive (the process answers), /metrics, and where the process
    /// describes a REST API (services) /openapi/v1.json: every REST endpoint not excluded from the description.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // Probes and scrapers carry no token; what these endpoints say is meant for them.
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) }).AllowAnonymous();
        app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
        if (app.Services.GetKeyedService<IOpenApiDocumentProvider>(ApiDocument) is not null)
        {
            // The public API's description: it holds no data, and each endpoint it lists still decides access for
            // itself. The cross-tenant sweep (tests/TenantIsolation.Tests) finds the REST operations here.
            app.MapOpenApi().AllowAnonymous();
        }

        return app;
    }

    /// <summary>True for the endpoints that probes and scrapers call; they are kept out of traces.</summary>
    public static bool IsInfrastructurePath(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments("/alive") || path.StartsWithSegments("/metrics");
}
