using Microsoft.AspNetCore;
using Microsoft.AspNetCore.WebUtilities;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using UnifiedCommerce.Identity.Application;
using UnifiedCommerce.Identity.Pages;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace UnifiedCommerce.Identity.OAuth;

/// <summary>
/// The OpenID Connect endpoints people pass through. OpenIddict has validated each request (client, redirect URI,
/// PKCE, scopes) before these run. Authorization: a person signed in to Identity's pages for the store the client
/// came from gets a code at once; anyone else is sent to that store's sign-in (or sign-up) page first. End session:
/// ends the Identity session and returns to the store.
/// </summary>
public static class SignInEndpoints
{
    /// <summary>Non-standard but widely used (OpenID Connect "prompt=create"): open the sign-up page instead of sign-in.</summary>
    public const string CreatePrompt = "create";

    public static IEndpointRouteBuilder MapSignInEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/connect/authorize", async (HttpContext http, Accounts accounts, IServiceProvider services, CancellationToken ct) =>
        {
            var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
            // The storefront signs shoppers in to the store its redirect URI belongs to; the admin signs staff in,
            // whose accounts belong to no store.
            Guid? store = null;
            if (request.ClientId == FirstPartyClients.StorefrontClientId)
            {
                store = (await StoreAddresses.StoreOfCallbackAsync(services, request.RedirectUri, ct))?.Id
                    ?? throw new InvalidOperationException("OpenIddict let through a redirect URI of no active store.");
            }

            var session = await AccountSession.ReadAsync(http, accounts, ct);
            var wantsSignUp = store is not null && request.HasPromptValue(CreatePrompt);
            if (session is null || session.MerchantId != store || request.HasPromptValue(PromptValues.Login) || wantsSignUp)
            {
                if (request.HasPromptValue(PromptValues.None))
                {
                    return TokenEndpoint.Refuse(Errors.LoginRequired, "The shopper is not signed in.");
                }

                // Back here after signing in, without the prompt that sent us there (or we would ask again forever).
                var query = QueryHelpers.ParseQuery(http.Request.QueryString.Value)
                    .Where(pair => pair.Key != Parameters.Prompt)
                    .Select(pair => KeyValuePair.Create(pair.Key, (string?)pair.Value.ToString()));
                var returnUrl = http.Request.PathBase + http.Request.Path + QueryString.Create(query);
                return Results.Redirect($"/account/{(wantsSignUp ? "sign-up" : "sign-in")}?returnUrl={Uri.EscapeDataString(returnUrl)}");
            }

            return Results.SignIn(PersonTokens.PrincipalFor(session, request.GetScopes()), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }).AllowAnonymous();

        endpoints.MapGet("/connect/endsession", async (HttpContext http, Accounts accounts, CancellationToken ct) =>
        {
            await AccountSession.EndAsync(http, accounts, ct);
            var request = http.GetOpenIddictServerRequest();
            // OpenIddict redirects to the validated post-logout address; without one, say so on a page.
            return request?.PostLogoutRedirectUri is { Length: > 0 }
                ? Results.SignOut(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme])
                : AccountPages.Message(http, store: null, "You are signed out", "You can close this page.");
        }).AllowAnonymous();

        return endpoints;
    }
}
