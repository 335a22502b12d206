using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace UnifiedCommerce.Admin.Session;

/// <summary>What a staff member's access token says: who, for which merchant, in which role, allowed to do what.</summary>
public sealed record StaffToken(string AccountId, string? Email, string? MerchantId, string? Role, IReadOnlyList<string> Permissions)
{
    /// <summary>Scopes of the sign-in itself, not permissions.</summary>
    private static readonly HashSet<string> SignInScopes = ["openid", "email", "offline_access", "profile"];

    /// <summary>Reads the token's claims. It came straight from Identity over the back channel, so it is not validated again here.</summary>
    public static StaffToken Read(string accessToken)
    {
        var token = new JsonWebToken(accessToken);
        string? Claim(string type) => token.TryGetClaim(type, out var claim) ? claim.Value : null;
        var scopes = token.Claims.Where(c => c.Type is "scope" or "scp")
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(scope => !SignInScopes.Contains(scope))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new StaffToken(token.Subject, Claim("email"), Claim(IdentityClient.MerchantParameter), Claim("role"), scopes);
    }
}

/// <summary>
/// Keeps a session's tokens (saved in its encrypted cookie) fresh: an access token within a minute of expiry is
/// renewed with the refresh token before the request goes on, for the same merchant, and the cookie is reissued
/// with the rotated tokens. A session whose refresh Identity refuses ends (the caller then gets 401).
/// </summary>
/// <remarks>
/// The SPA sends requests in parallel, and each carries the same cookie: all of them would redeem the same refresh
/// token. One refresh per refresh token runs, and its result is shared with every request that brings that token
/// for a short while, so a burst of requests costs Identity one refresh and every response carries the same tokens.
/// </remarks>
public sealed class SessionTokens(TimeProvider clock, IOptions<AdminOptions> options, ILogger<SessionTokens> logger)
{
    public const string AccessTokenName = "access_token";
    public const string RefreshTokenName = "refresh_token";
    public const string IdTokenName = "id_token";
    public const string ExpiresAtName = "expires_at";

    /// <summary>How long a refresh's result answers later requests that still carry the refresh token it used up.</summary>
    private static readonly TimeSpan SharedResultLifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Lazy<Task<TokenSet>>> _refreshes = new(StringComparer.Ordinal);

    /// <summary>The cookie handler's check on every request that carries a session.</summary>
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var properties = context.Properties;
        if (properties.GetTokenValue(AccessTokenName) is not { } accessToken || properties.GetTokenValue(RefreshTokenName) is not { } refreshToken)
        {
            await EndAsync(context, "it holds no tokens");
            return;
        }

        var expiresAt = ExpiresAt(properties);
        if (expiresAt - clock.GetUtcNow() > options.Value.TokenRenewalMargin)
        {
            return;
        }

        var identity = context.HttpContext.RequestServices.GetRequiredService<IdentityClient>();
        try
        {
            Store(properties, await RefreshOnceAsync(identity, refreshToken, StaffToken.Read(accessToken).MerchantId, keepMerchant: false));
            context.ShouldRenew = true;
        }
        catch (TokenRefusedException refused)
        {
            await EndAsync(context, $"Identity refused to renew its tokens ({refused.Error})");
        }
        catch (HttpRequestException failure) when (expiresAt > clock.GetUtcNow())
        {
            // Identity is unreachable for a moment; the current token still works, the next request tries again.
            logger.LogWarning(failure, "Could not renew a session's tokens; the current access token is used until it expires.");
        }
        catch (HttpRequestException failure)
        {
            logger.LogWarning(failure, "Could not renew a session's expired tokens.");
            await EndAsync(context, "its tokens expired and Identity could not be reached");
        }
    }

    /// <summary>
    /// New tokens for the session. With <paramref name="keepMerchant"/> the merchant is required (the merchant
    /// switcher: Identity refuses a merchant the person does not work for); otherwise, if the person no longer works
    /// for the current merchant, the tokens fall back to Identity's default merchant rather than ending the session.
    /// </summary>
    public Task<TokenSet> RefreshOnceAsync(IdentityClient identity, string refreshToken, string? merchantId, bool keepMerchant)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{refreshToken}|{merchantId}|{keepMerchant}")));
        var refresh = _refreshes.GetOrAdd(key, _ => new Lazy<Task<TokenSet>>(() => RunAsync(key, identity, refreshToken, merchantId, keepMerchant)));
        return refresh.Value;
    }

    private async Task<TokenSet> RunAsync(string key, IdentityClient identity, string refreshToken, string? merchantId, bool keepMerchant)
    {
        try
        {
            // Not tied to one request's cancellation: other requests wait for the same result.
            TokenSet tokens;
            try
            {
                tokens = await identity.RefreshAsync(refreshToken, merchantId, CancellationToken.None);
            }
            catch (TokenRefusedException refused) when (!keepMerchant && merchantId is not null && refused.Error == "invalid_request")
            {
                tokens = await identity.RefreshAsync(refreshToken, merchantId: null, CancellationToken.None);
            }

            _ = ForgetLaterAsync(key);
            return tokens;
        }
        catch
        {
            _refreshes.TryRemove(key, out _);
            throw;
        }
    }

    private async Task ForgetLaterAsync(string key)
    {
        await Task.Delay(SharedResultLifetime, clock);
        _refreshes.TryRemove(key, out _);
    }

    /// <summary>Replaces the session's tokens with new ones (the refresh token rotates; the expiry is recomputed).</summary>
    public void Store(AuthenticationProperties properties, TokenSet tokens)
    {
        var saved = properties.GetTokens().ToDictionary(token => token.Name, token => token.Value, StringComparer.Ordinal);
        saved[AccessTokenName] = tokens.AccessToken;
        if (tokens.RefreshToken is { Length: > 0 } refreshToken)
        {
            saved[RefreshTokenName] = refreshToken;
        }

        if (tokens.IdToken is { Length: > 0 } idToken)
        {
            saved[IdTokenName] = idToken;
        }

        saved[ExpiresAtName] = clock.GetUtcNow().AddSeconds(tokens.ExpiresIn).ToString("o", CultureInfo.InvariantCulture);
        properties.StoreTokens(saved.Select(pair => new AuthenticationToken { Name = pair.Key, Value = pair.Value }));
    }

    private static DateTimeOffset ExpiresAt(AuthenticationProperties properties) =>
        DateTimeOffset.TryParse(properties.GetTokenValue(ExpiresAtName), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expiresAt)
            ? expiresAt
            : DateTimeOffset.MinValue;

    private async Task EndAsync(CookieValidatePrincipalContext context, string reason)
    {
        logger.LogInformation("A session ended: {Reason}.", reason);
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
