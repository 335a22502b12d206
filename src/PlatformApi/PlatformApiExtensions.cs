using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace UnifiedCommerce.PlatformApi;

/// <summary>
/// What a service's public API needs on top of the hosting defaults: bearer tokens from Identity, deny-by-default
/// permissions, the merchant each request acts for, the checks that keep a token from outliving what Identity
/// decided since (a suspended merchant, a changed role, a deleted API client), and the REST API's description
/// (/openapi/v1.json, mapped by <c>MapDefaultEndpoints</c>). Services call it after <c>AddServiceDefaults</c>.
/// </summary>
public static class PlatformApiExtensions
{
    /// <summary>Where every subgraph answers GraphQL; refusals made before GraphQL runs answer there in GraphQL's shape.</summary>
    public const string GraphQLPath = "/graphql";

    private const string ApiDocument = "v1";

    public static TBuilder AddPlatformApi<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddCommerceAuthentication();
        builder.Services.AddMerchantContext();
        builder.Services.AddMemoryCache();
        builder.Services.AddOpenApi(ApiDocument);
        return builder;
    }

    /// <summary>
    /// The caller (refused if its API client was deleted), the merchant, the merchant's standing, the staff
    /// member's current role, then access: in the order every request needs them. The readers of Identity's
    /// decisions come from Identity itself or from <c>AddIdentityReadModels</c>; a service with neither does not start.
    /// </summary>
    public static WebApplication UsePlatformApi(this WebApplication app)
    {
        var registered = app.Services.GetRequiredService<IServiceProviderIsService>();
        var missing = new[] { typeof(IMerchantStatusReader), typeof(IStaffAccessReader), typeof(IRevokedApiClientReader) }
            .Where(reader => !registered.IsService(reader)).Select(reader => reader.Name).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"No {string.Join(", ", missing)} is registered: call builder.AddIdentityReadModels() (or, in Identity, register its own readers).");
        }

        app.UseAuthentication();
        app.UseMiddleware<RevokedApiClientMiddleware>();
        app.UseMiddleware<MerchantResolutionMiddleware>();
        app.UseMiddleware<SuspendedMerchantMiddleware>();
        app.UseMiddleware<StaffAccessMiddleware>();
        app.UseAuthorization();
        return app;
    }
}
