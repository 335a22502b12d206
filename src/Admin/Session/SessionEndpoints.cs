using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using UnifiedCommerce.WebSecurity;

namespace UnifiedCommerce.Admin.Session;

public sealed record SessionResponse(
    string AccountId, string? Email, string? MerchantId, string? MerchantName, string? Role, IReadOnlyList<string> Permissions, JsonElement Memberships);

public sealed record MerchantSwitch(string? MerchantId);

public sealed record SignedOut(Uri SignedOutUrl);

/// <summary>
/// The SPA's view of the session: sign in and out, who is signed in for which merchant with which permissions,
/// and the merchant switcher. None of these answers carries a token.
/// </summary>
public static class SessionEndpoints
{
    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var bff = endpoints.MapGroup("/bff");

        // A top-level navigation (a link), so the one /bff request without the x-csrf header: it only starts a sign-in.
        bff.MapGet("/login", (string? returnTo) => Results.Challenge(
            new AuthenticationProperties { RedirectUri = LocalPath(returnTo) },
            [OpenIdConnectDefaults.AuthenticationScheme]));

        bff.MapPost("/logout", async (HttpContext http, IdentityClient identity, ILogger<IdentityClient> logger) =>
        {
            if (await http.GetTokenAsync(SessionTokens.RefreshTokenName) is { } refreshToken)
            {
                try
                {
                    await identity.RevokeAsync(refreshToken, http.RequestAborted);
                }
                catch (HttpRequestException failure)
                {
                    // The cookie goes anyway; the refresh token then expires unused.
                    logger.LogWarning(failure, "Could not revoke a refresh token while signing out.");
                }
            }

            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            // A fetch cannot follow a redirect to another origin's page: the SPA navigates there itself. Identity
            // ends its own session there too, then sends the browser back to the admin's home page.
            return Results.Ok(new SignedOut(identity.EndSessionUrl()));
        });

        bff.MapGet("/session", async (HttpContext http, IdentityClient identity) =>
        {
            if (await http.GetTokenAsync(SessionTokens.AccessTokenName) is not { } accessToken)
            {
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in.");
            }

            var token = StaffToken.Read(accessToken);
            var memberships = await identity.MembershipsAsync(accessToken, http.RequestAborted);
            var merchantName = memberships.EnumerateArray()
                .Where(m => m.TryGetProperty("merchantId", out var id) && string.Equals(id.GetString(), token.MerchantId, StringComparison.OrdinalIgnoreCase))
                .Select(m => m.GetProperty("merchantName").GetString())
                .FirstOrDefault();
            return Results.Ok(new SessionResponse(token.AccountId, token.Email, token.MerchantId, merchantName, token.Role, token.Permissions, memberships));
        });

        bff.MapPost("/merchant", async (MerchantSwitch input, HttpContext http, IdentityClient identity, SessionTokens sessions) =>
        {
            var session = await http.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            if (!session.Succeeded || session.Properties.GetTokenValue(SessionTokens.RefreshTokenName) is not { } refreshToken)
            {
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in.");
            }

            if (!Guid.TryParse(input.MerchantId, out var merchantId))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["merchantId"] = ["Choose a merchant."] });
            }

            TokenSet tokens;
            try
            {
                tokens = await sessions.RefreshOnceAsync(identity, refreshToken, merchantId.ToString(), keepMerchant: true);
            }
            catch (TokenRefusedException refused) when (refused.Error == "invalid_request")
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "You cannot switch to that merchant.",
                    detail: refused.Description ?? "You do not work for that merchant.");
            }
            catch (TokenRefusedException)
            {
                // The refresh token is no longer good: the session is over.
                await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Your session has ended. Sign in again.");
            }

            sessions.Store(session.Properties, tokens);
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, session.Principal!, session.Properties);
            var token = StaffToken.Read(tokens.AccessToken);
            return Results.Ok(new { token.MerchantId, token.Role, token.Permissions });
        });

        return endpoints;
    }

    /// <summary>Where to go after signing in: a path of this site only, never another site (an open redirect).</summary>
    public static string LocalPath(string? returnTo) => LocalUrls.LocalOr(returnTo, "/");
}
