using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace UnifiedCommerce.PlatformApi;

/// <summary>
/// Every service validates access tokens itself (signature, issuer, audience, lifetime) against Identity's published
/// keys and trusts no identity header. Authorization denies by default: an endpoint is public only when it says
/// <c>AllowAnonymous()</c>, and otherwise needs a signed-in caller, or the permission it names.
/// </summary>
/// <remarks>
/// Configuration: <c>Identity:Authority</c> (where Identity's discovery document is), <c>Identity:Issuer</c> (the
/// issuer tokens must name; defaults to the authority), <c>Identity:RequireHttps</c> (default true).
/// </remarks>
public static class AuthenticationSetup
{
    public static IHostApplicationBuilder AddCommerceAuthentication(this IHostApplicationBuilder builder)
    {
        var identity = builder.Configuration.GetSection("Identity");
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.Authority = identity["Authority"];
                options.RequireHttpsMetadata = identity.GetValue("RequireHttps", true);
                options.TokenValidationParameters.ValidAudience = Caller.ApiAudience;
                options.TokenValidationParameters.ValidIssuer = identity["Issuer"] ?? identity["Authority"];
                options.TokenValidationParameters.NameClaimType = "sub";
                // Tokens live minutes; a small skew is enough for clocks on one platform.
                options.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
            });
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Validate(
                options => options.Authority is { Length: > 0 } || options.Configuration is not null || options.ConfigurationManager is not null,
                "Set Identity:Authority to Identity's base URL so this service can validate access tokens.")
            .ValidateOnStart();

        // Policies name no scheme: the bearer token is the default one, already read by the authentication
        // middleware. Naming it would make authorization read the token again and drop what later middleware
        // learned of the caller (a staff member's current role narrows their token's permissions).
        var authorization = builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        foreach (var permission in Caller.KnownPermissions)
        {
            authorization.AddPolicy(permission, policy => policy.AddRequirements(new PermissionRequirement(permission)));
        }

        builder.Services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, AccessProblemResultHandler>();
        return builder;
    }

    /// <summary>The endpoint needs a caller holding this permission (deny by default covers the rest).</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string permission) where TBuilder : IEndpointConventionBuilder =>
        Caller.KnownPermissions.Contains(permission)
            ? builder.RequireAuthorization(permission)
            : throw new ArgumentException($"'{permission}' is not a platform permission.", nameof(permission));
}

public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

internal sealed class PermissionHandler : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (context.User.HasPermission(requirement.Permission))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Refusals as problem details that say what is missing: a token (401) or which permission (403).</summary>
internal sealed class AccessProblemResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        // No endpoint matched: nothing to protect, and a 404 tells the caller more than a 401 would.
        if (authorizeResult.Succeeded || context.GetEndpoint() is null)
        {
            await next(context);
            return;
        }

        var missing = authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<PermissionRequirement>().Select(r => r.Permission).ToList() ?? [];
        ProblemDetails problem;
        if (authorizeResult.Challenged || !context.User.IsAuthenticated())
        {
            // Sets 401 and the WWW-Authenticate header that tells the client to bring a bearer token.
            await context.ChallengeAsync(JwtBearerDefaults.AuthenticationScheme);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Authentication required.",
                Detail = "Send a valid access token from Identity: Authorization: Bearer <token>.",
            };
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Permission denied.",
                Detail = missing.Count > 0
                    ? $"This needs the {string.Join(", ", missing)} permission."
                    : "Your credentials do not allow this.",
            };
        }

        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
