using System.Security.Claims;
using OpenIddict.Abstractions;
using UnifiedCommerce.Identity.Application;
using UnifiedCommerce.Identity.Domain;
using UnifiedCommerce.PlatformApi;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace UnifiedCommerce.Identity.OAuth;

/// <summary>
/// What a person's tokens say: the account (subject), its email when asked for, and the merchant they act for:
/// for a customer, the store the account belongs to; for staff, the merchant chosen among those they work for,
/// with the permissions of their role there. Every service then scopes and checks the person exactly as it does
/// an API client.
/// </summary>
public static class PersonTokens
{
    public const string AccountKindClaim = Caller.AccountKindClaim;

    /// <summary>The token request parameter by which the admin picks which merchant a staff member's token acts for.</summary>
    public const string MerchantParameter = "merchant_id";

    public static ClaimsPrincipal PrincipalFor(Account account, IEnumerable<string> requestedScopes, Membership? membership = null)
    {
        var identity = new ClaimsIdentity(Microsoft.IdentityModel.Tokens.TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, account.Id.ToString());
        identity.SetClaim(AccountKindClaim, account.IsCustomer ? "customer" : "staff");
        if ((account.MerchantId ?? membership?.MerchantId) is { } merchantId)
        {
            identity.SetClaim(Caller.MerchantClaim, merchantId.ToString());
        }

        var scopes = requestedScopes.Intersect(FirstPartyClients.SignInScopes, StringComparer.Ordinal).ToList();
        if (membership is not null)
        {
            identity.SetClaim("role", membership.Role.Name);
            scopes.AddRange(membership.Role.Permissions);
        }

        if (scopes.Contains(Scopes.Email))
        {
            identity.SetClaim(Claims.Email, account.Email);
            identity.SetClaim(Claims.EmailVerified, account.EmailVerifiedAt is not null);
        }

        identity.SetScopes(scopes);
        identity.SetResources(Caller.ApiAudience);
        // Both tokens say who and for which store; the identity token is for the storefront, the access token for the APIs.
        identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return new ClaimsPrincipal(identity);
    }
}
