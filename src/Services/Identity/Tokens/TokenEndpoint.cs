using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using UnifiedCommerce.Identity.Data;
using UnifiedCommerce.Identity.Domain;
using UnifiedCommerce.ServiceDefaults.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace UnifiedCommerce.Identity.Tokens;

/// <summary>
/// Issues access tokens. OpenIddict has already authenticated the client and checked that it may use the grant
/// and the scopes it asked for; this adds who the token speaks for: the client, its merchant, its permissions,
/// and the audience (the platform's APIs) every service checks.
/// </summary>
public static class TokenEndpoint
{
    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/connect/token", async (HttpContext http, ApiClients clients, IdentityDbContext db, CancellationToken ct) =>
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
            // Read fresh, not cached: a suspension stops new tokens at once (the services refuse old ones within seconds).
            if (client.MerchantId is { } suspendedMerchant
                && await db.Merchants.AnyAsync(m => m.Id == suspendedMerchant && m.Status == MerchantStatus.Suspended, ct))
            {
                return Refuse(Errors.UnauthorizedClient, "The merchant is suspended; its clients get no tokens until it is reactivated.");
            }

            if (client.MerchantId is { } merchantId)
            {
                identity.SetClaim(Caller.MerchantClaim, merchantId.ToString());
            }

            var requested = request.GetScopes();
            identity.SetScopes(requested.IsEmpty ? [.. client.Permissions] : requested);
            identity.SetResources(Caller.ApiAudience);
            identity.SetDestinations(_ => [Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }).AllowAnonymous(); // OpenIddict has authenticated the client by now; no bearer token is involved.
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
