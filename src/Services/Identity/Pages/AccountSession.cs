using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using UnifiedCommerce.Identity.Application;
using UnifiedCommerce.Identity.Domain;

namespace UnifiedCommerce.Identity.Pages;

/// <summary>
/// A person's session with Identity's own pages (a cookie of Identity's host, separate from every app's cookies):
/// it lets the next authorization request of the same store skip the password. It names the account and the store
/// it belongs to, and is checked against the account on every use, so a changed password, a deleted account or an
/// address not yet verified ends it.
/// </summary>
public static class AccountSession
{
    public const string Scheme = "IdentitySession";
    public const string CookieName = "uc_identity_session";
    private const string PasswordStampClaim = "password_stamp";

    public static AuthenticationBuilder AddAccountSessionCookie(this AuthenticationBuilder authentication) =>
        authentication.AddCookie(Scheme, options =>
        {
            options.Cookie.Name = CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.LoginPath = "/account/sign-in";
        });

    public static Task SignInAsync(HttpContext http, Account account)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim("sub", account.Id.ToString()),
                new Claim(PasswordStampClaim, Stamp(account)),
            ],
            Scheme);
        return http.SignInAsync(Scheme, new ClaimsPrincipal(identity));
    }

    /// <summary>The signed-in account, or null when there is no valid session.</summary>
    public static async Task<Account?> ReadAsync(HttpContext http, Accounts accounts, CancellationToken cancellationToken)
    {
        var result = await http.AuthenticateAsync(Scheme);
        if (!result.Succeeded || !Guid.TryParse(result.Principal.FindFirstValue("sub"), out var accountId))
        {
            return null;
        }

        var account = await accounts.FindAsync(accountId, cancellationToken);
        if (account is null
            || account.EmailVerifiedAt is null
            || result.Principal.FindFirstValue(PasswordStampClaim) != Stamp(account))
        {
            await http.SignOutAsync(Scheme);
            return null;
        }

        return account;
    }

    // Milliseconds: the database keeps microseconds, memory keeps ticks; both agree to the millisecond.
    private static string Stamp(Account account) => account.PasswordChangedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    public static async Task EndAsync(HttpContext http, Accounts accounts, CancellationToken cancellationToken)
    {
        if (await ReadAsync(http, accounts, cancellationToken) is { } account)
        {
            await accounts.RecordSignOutAsync(account.Id, RequestOrigins.Of(http), cancellationToken);
        }

        await http.SignOutAsync(Scheme);
    }
}

public static class RequestOrigins
{
    /// <summary>The client address (after trusted forwarded headers) and user agent of a request.</summary>
    public static RequestOrigin Of(HttpContext http) =>
        new(http.Connection.RemoteIpAddress?.ToString(), http.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null);
}
