using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace UnifiedCommerce.Admin.Session;

/// <summary>
/// Staff sign in at Identity (authorization code with PKCE, as the confidential client <c>admin</c>); the tokens
/// stay on the server side of the browser: they are saved in the session cookie, encrypted with Data Protection and
/// HttpOnly, so no script in the page can read them. The session cookie is the only credential the browser holds.
/// </summary>
public static class SignInSetup
{
    public const string SessionCookieName = "uc_admin_session";
    public const string CallbackPath = "/auth/callback";

    /// <summary>A working day without activity ends the session; every request extends it.</summary>
    public static readonly TimeSpan SessionIdleLifetime = TimeSpan.FromHours(8);

    /// <summary>Who the person is, their email address, and a refresh token (sessions outlive one access token).</summary>
    private static readonly string[] Scopes = ["openid", "email", "offline_access"];

    public static IHostApplicationBuilder AddStaffSignIn(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AdminOptions.Section).Get<AdminOptions>() ?? new AdminOptions();
        builder.Services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section)
            .Validate(o => Uri.TryCreate(o.IdentityUrl, UriKind.Absolute, out _), "Set Admin:IdentityUrl to Identity's base URL.")
            .Validate(o => Uri.TryCreate(o.GatewayUrl, UriKind.Absolute, out _), "Set Admin:GatewayUrl to the GraphQL gateway's base URL.")
            .Validate(o => Uri.TryCreate(o.PublicUrl, UriKind.Absolute, out _), "Set Admin:PublicUrl to the address people open the admin at.")
            .Validate(o => o.ClientSecret.Length >= 32, "Set Admin:ClientSecret to the admin client's secret at Identity (at least 32 characters).")
            .ValidateOnStart();

        // Cookies survive restarts (and other instances) only if the keys that encrypt them do.
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("UnifiedCommerce.Admin");
        if (options.KeysDirectory is { Length: > 0 } keys)
        {
            dataProtection.PersistKeysToFileSystem(Directory.CreateDirectory(keys));
        }

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SessionTokens>();
        // Resilient as every client is (AddServiceDefaults), which never repeats a token request blindly: redeeming
        // a rotating refresh token twice would end the session.
        builder.Services.AddHttpClient<IdentityClient>(http => http.Timeout = TimeSpan.FromSeconds(15));

        builder.Services.AddAuthentication(authentication =>
            {
                authentication.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                authentication.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = SessionCookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = SessionIdleLifetime;
                cookie.SlidingExpiration = true;
                // The API answers; it never redirects a fetch to a sign-in page.
                cookie.Events.OnRedirectToLogin = context => Refuse(context.Response, StatusCodes.Status401Unauthorized);
                cookie.Events.OnRedirectToAccessDenied = context => Refuse(context.Response, StatusCodes.Status403Forbidden);
                cookie.Events.OnValidatePrincipal = context => context.HttpContext.RequestServices.GetRequiredService<SessionTokens>().ValidateAsync(context);
            })
            .AddOpenIdConnect(oidc =>
            {
                oidc.Authority = options.IdentityUrl;
                oidc.RequireHttpsMetadata = options.RequireHttpsMetadata;
                oidc.ClientId = IdentityClient.ClientId;
                oidc.ClientSecret = options.ClientSecret;
                oidc.ResponseType = OpenIdConnectResponseType.Code;
                // The code comes back in the query of a top-level GET, which a SameSite=Lax cookie accompanies.
                oidc.ResponseMode = OpenIdConnectResponseMode.Query;
                oidc.UsePkce = true;
                oidc.SaveTokens = true;
                oidc.MapInboundClaims = false;
                oidc.GetClaimsFromUserInfoEndpoint = false;
                oidc.CallbackPath = CallbackPath;
                oidc.Scope.Clear();
                foreach (var scope in Scopes)
                {
                    oidc.Scope.Add(scope);
                }

                oidc.TokenValidationParameters.NameClaimType = "email";
                oidc.TokenValidationParameters.RoleClaimType = "role";
                // Identity and the admin share a host name on local runs (different ports), so the handler's
                // short-lived cookies work over plain HTTP and on the same-site redirect back from Identity.
                foreach (var handshake in new[] { oidc.CorrelationCookie, oidc.NonceCookie })
                {
                    handshake.SameSite = SameSiteMode.Lax;
                    handshake.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                }

                oidc.Events.OnRedirectToIdentityProvider = context =>
                {
                    // Exactly the callback Identity has registered, whatever host name the request came in on.
                    context.ProtocolMessage.RedirectUri = options.PublicOrigin + CallbackPath;
                    return Task.CompletedTask;
                };
                oidc.Events.OnTokenValidated = context =>
                {
                    // Identity's admin sign-in serves staff accounts only; anything else has no business here.
                    if (context.Principal?.FindFirst("account_kind")?.Value != "staff")
                    {
                        context.Fail("Only staff accounts can sign in to the admin.");
                    }

                    return Task.CompletedTask;
                };
                oidc.Events.OnRemoteFailure = context =>
                {
                    // A cancelled or stale sign-in (back button, expired handshake) returns to the sign-in page, which says so.
                    context.Response.Redirect("/?signInFailed=1");
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });
        builder.Services.AddAuthorization();
        return builder;
    }

    private static Task Refuse(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
