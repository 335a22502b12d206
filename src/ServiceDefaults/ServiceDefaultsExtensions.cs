using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using UnifiedCommerce.ServiceDefaults.Http;
using UnifiedCommerce.ServiceDefaults.Security;
using UnifiedCommerce.ServiceDefaults.Telemetry;
using UnifiedCommerce.ServiceDefaults.Tenancy;
using UnifiedCommerce.WebSecurity;

namespace UnifiedCommerce.ServiceDefaults;

/// <summary>
/// What every service shares, in one call each: telemetry, health, resilient HTTP clients, problem details, tenancy
/// and the description of its REST API. A service's Program.cs reads like a table of contents: AddServiceDefaults, its
/// own parts, MapDefaultEndpoints.
/// </summary>
public static class ServiceDefaultsExtensions
{
    private const string LiveTag = "live";
    private const string ApiDocument = "v1";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddCommerceTelemetry();

        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        builder.Services.AddCommerceProblemDetails();
        builder.Services.AddCommerceInputRules();
        builder.AddCommerceAuthentication();
        builder.Services.AddMerchantContext();
        builder.Services.AddStaffAccess();
        builder.Services.AddRevokedApiClients();
        builder.Services.AddMemoryCache();
        builder.Services.TryAddScoped<IMerchantStatusReader, LocalMerchantStatusReader>();
        builder.Services.AddOpenApi(ApiDocument);
        return builder;
    }

    /// <summary>
    /// Security headers on every answer, error handling, the caller (refused if its API client was deleted), the
    /// merchant, the staff member's current role, then access: in the order every request needs them.
    /// </summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseSecurityHeaders(SecurityHeaderPolicy.Services);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseMiddleware<TextInputMiddleware>();
        app.UseAuthentication();
        app.UseMiddleware<RevokedApiClientMiddleware>();
        app.UseMiddleware<MerchantResolutionMiddleware>();
        app.UseMiddleware<SuspendedMerchantMiddleware>();
        app.UseMiddleware<StaffAccessMiddleware>();
        app.UseAuthorization();
        return app;
    }

    /// <summary>
    /// /health (ready: every check, databases included), /alive (the process answers), /metrics, and for services
    /// (<see cref="AddServiceDefaults{TBuilder}"/>) /openapi/v1.json: every REST endpoint not excluded from the description.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // Probes and scrapers carry no token; what these endpoints say is meant for them.
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) }).AllowAnonymous();
        app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
        // Services describe their API (AddServiceDefaults); the admin's backend maps these endpoints too but has none.
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
