using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using UnifiedCommerce.Identity.Application;
using UnifiedCommerce.Identity.Data;
using UnifiedCommerce.Identity.Domain;
using UnifiedCommerce.PlatformApi;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace UnifiedCommerce.Identity.OAuth;

/// <summary>
/// Issues access tokens. OpenIddict has already authenticated the client and checked that it may use the grant
/// and the scopes it asked for; this adds who the token speaks for and the audience (the platform's APIs) every
/// service checks. Client credentials: the client, its merchant, its permissions. Authorization code and refresh
/// token: the person who signed in (see <see cref="PersonTokens"/>).
/// </summary>
public static class TokenEndpoint
{
    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/connect/token", async (HttpContext http, ApiClients clients, IdentityDbContext db, Accounts accounts, CancellationToken ct) =>
        {
            var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
            if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
            {
                return await PersonTokenAsync(http, request, db, accounts, http.RequestServices.GetRequiredService<StaffDirectory>(), ct);
            }

            if (!request.IsClientCredentialsGrantType() || request.ClientId is null)
            {
                return Refuse(Errors.UnsupportedGrantType, "Only the client credentials, authorization code and refresh token grants are offered here.");
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

    /// <summary>
    /// A code or refresh token for a person (OpenIddict has checked it, its client and PKCE). The account is read
    /// afresh, so a deleted account or a suspended store gets nothing more, and the claims are current.
    /// </summary>
    private static async Task<IResult> PersonTokenAsync(
        HttpContext http, OpenIddictRequest request, IdentityDbContext db, Accounts accounts, StaffDirectory staff, CancellationToken ct)
    {
        var granted = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        if (!Guid.TryParse(granted?.GetClaim(Claims.Subject), out var accountId) || await accounts.FindAsync(accountId, ct) is not { } account)
        {
            return Refuse(Errors.InvalidGrant, "The account no longer exists.");
        }

        if (account.MerchantId is { } merchantId && await db.Merchants.AnyAsync(m => m.Id == merchantId && m.Status == MerchantStatus.Suspended, ct))
        {
            return Refuse(Errors.InvalidGrant, "The store is suspended.");
        }

        // Staff act for one merchant at a time: the one asked for (the admin's merchant switcher), else the first they
        // joined. Someone who works for no merchant (any more) gets a token for their own account only.
        Membership? membership = null;
        if (!account.IsCustomer)
        {
            var memberships = await staff.MembershipsOfAsync(account.Id, ct);
            var asked = (string?)request.GetParameter(PersonTokens.MerchantParameter);
            membership = asked is null ? (memberships.Count > 0 ? memberships[0] : null) : memberships.FirstOrDefault(m => m.MerchantId.ToString() == asked);
            if (asked is not null && membership is null)
            {
                return Refuse(Errors.InvalidRequest, "You do not work for that merchant.");
            }
        }

        return Results.SignIn(PersonTokens.PrincipalFor(account, granted!.GetScopes(), membership), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    internal static IResult Refuse(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
