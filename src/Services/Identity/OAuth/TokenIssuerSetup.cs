using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using UnifiedCommerce.Identity.Data;
using UnifiedCommerce.PlatformApi;

namespace UnifiedCommerce.Identity.OAuth;

/// <summary>
/// Identity is the platform's OAuth 2.0 / OpenID Connect issuer (OpenIddict). Access tokens are signed, not
/// encrypted, JWTs: every service validates them itself against the published keys. Lifetimes are short.
/// <c>Identity:Issuer</c> (the public base URL) is required: tokens name it and every service checks it.
/// </summary>
public static class TokenIssuerSetup
{
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromDays(14);

    public static IHostApplicationBuilder AddTokenIssuer(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddOpenIddict()
            .AddCore(core =>
            {
                core.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>();
                core.ReplaceApplicationManager(typeof(StorefrontRedirects<>));
            })
            .AddServer(server =>
            {
                server.SetTokenEndpointUris("connect/token")
                    .SetAuthorizationEndpointUris("connect/authorize")
                    .SetEndSessionEndpointUris("connect/endsession")
                    .SetRevocationEndpointUris("connect/revoke");
                server.AllowClientCredentialsFlow()
                    .AllowAuthorizationCodeFlow()
                    .AllowRefreshTokenFlow()
                    .RequireProofKeyForCodeExchange();
                server.RegisterScopes([.. Permissions.All, Permissions.PlatformAdminister, .. FirstPartyClients.SignInScopes]);
                server.RegisterPromptValues(SignInEndpoints.CreatePrompt);
                server.SetAccessTokenLifetime(AccessTokenLifetime);
                // Refresh tokens rotate on every use (a stolen one is detected when both parties use it) and end
                // after two weeks without use.
                server.SetRefreshTokenLifetime(RefreshTokenLifetime);
                server.DisableAccessTokenEncryption();
                if (configuration["Identity:Issuer"] is { Length: > 0 } issuer)
                {
                    server.SetIssuer(new Uri(issuer));
                }

                var aspNetCore = server.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                // Plain HTTP only where configured (local runs and tests); production terminates TLS in front.
                if (!configuration.GetValue("Identity:RequireHttps", true))
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            });

        builder.Services.AddOptions<OpenIddictServerOptions>()
            .Validate(options => options.Issuer is not null, "Set Identity:Issuer to Identity's public base URL (for example https://identity.example.com/).")
            .ValidateOnStart();
        builder.Services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, PersistedKeyConfiguration>();
        builder.Services.AddSingleton<IPostConfigureOptions<JwtBearerOptions>, LocalTokenValidation>();
        builder.Services.AddHostedService<FirstPartyClients>();
        builder.Services.AddScoped<ApiClients>();
        return builder;
    }
}
