using System.Security.Claims;
using UnifiedCommerce.Identity.Domain;
using UnifiedCommerce.ServiceDefaults.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;
using OpenIddict.Abstractions;

namespace UnifiedCommerce.Identity.Tokens;

/// <summary>
/// What a person's tokens say: the account (subject), its email when asked for, and, for a customer, the store it
/// belongs to, so every service scopes the customer to that merchant exactly as it does an API client. People's
/// tokens carry no merchant permissions of their own (staff roles add them).
/// </summary>
public static class PersonTokens
{
    /// <summary>"customer" or "staff": which kind of account signed in.</summary>
    public const string AccountKindClaim = "account_kind";

    public static ClaimsPrincipal PrincipalFor(Account account, IEnumerable<string> requestedScopes)
    {
        var identity = new ClaimsIdentity(Microsoft.IdentityModel.Tokens.TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, account.Id.ToString());
        identity.SetClaim(AccountKindClaim, account.IsCustomer ? "customer" : "staff");
        if (account.MerchantId is { } merchantId)
        {
            identity.SetClaim(Caller.MerchantClaim, merchantId.ToString());
        }

        var scopes = requestedScopes.Intersect(FirstPartyClients.SignInScopes, StringComparer.Ordinal).ToList();
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
