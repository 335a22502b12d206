using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using OpenIddict.Server;

namespace UnifiedCommerce.Identity.OAuth;

/// <summary>
/// Identity validates the access tokens sent to its own APIs like every service does (JwtBearer, same rules), but
/// with the issuer's keys in hand instead of fetching its own discovery document over HTTP.
/// </summary>
internal sealed class LocalTokenValidation(IOptionsMonitor<OpenIddictServerOptions> server) : IPostConfigureOptions<JwtBearerOptions>
{
    public void PostConfigure(string? name, JwtBearerOptions options)
    {
        var issuer = server.CurrentValue;
        var configuration = new OpenIdConnectConfiguration { Issuer = issuer.Issuer?.AbsoluteUri };
        foreach (var credentials in issuer.SigningCredentials)
        {
            configuration.SigningKeys.Add(credentials.Key);
        }

        options.Authority = null;
        options.Configuration = configuration;
        // The handler reads keys through the configuration manager only; a static one serves these keys.
        options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
        options.TokenValidationParameters.ValidIssuer = configuration.Issuer;
    }
}
