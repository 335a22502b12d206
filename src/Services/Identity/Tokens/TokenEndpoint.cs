using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace UnifiedCommerce.Identity.Tokens;

/// <summary>
/// Issues access tokens. OpenIddict has already authenticated the client and checked that it may use the grant
/// and the scopes it asked for; this adds who the token speaks for: the client, its merchant, its permissions.
/// </summary>
public static class TokenEndpoint
{
    public const string MerchantClaim = "merchant_id";

    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/connect/token", async (HttpContext http, ApiClients clients, CancellationToken ct) =>
        {
            var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
            if (!request.IsClientCredentialsGrantType() || request.ClientId is null)
            {
                return Refuse(Errors.UnsupportedGrantType, "Only the client credentials grant is offered here.");
            }

            if (await clients.DescribeAsync(request.ClientId, ct) is not { } client)
            {
                return Refuse(Errors.InvalidClient, "The client is not registered to a merchant.");
            }

            var identity = new ClaimsIdentity(Microsoft.IdentityModel.Tokens.TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, request.ClientId);
            identity.SetClaim(MerchantClaim, client.MerchantId.ToString());
            var requested = request.GetScopes();
            identity.SetScopes(requested.IsEmpty ? [.. client.Permissions] : requested);
            identity.SetDestinations(_ => [Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        return endpoints;
    }

    private static IResult Refuse(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
