using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace UnifiedCommerce.WebSecurity;

/// <summary>
/// The response headers that tell browsers what an app's answers may do: one policy per app, applied to every
/// response it sends (pages, API answers, 404s, error and problem-details answers alike).
/// </summary>
/// <param name="HtmlContentSecurityPolicy">The Content-Security-Policy of the app's HTML (its pages).</param>
public sealed record SecurityHeaderPolicy(string HtmlContentSecurityPolicy)
{
    /// <summary>Answers that are not HTML load nothing and are never framed.</summary>
    public const string NonHtmlContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>
    /// The services: only Identity serves pages (sign-in, sign-up, reset, the dev mailbox), styled by their own
    /// inline style element and running no script at all. No form-action rule: browsers apply it to the redirect
    /// that follows a form post too, and Identity's sign-in form leads on to the storefront's or the admin's
    /// callback on another origin, which such a rule would block.
    /// </summary>
    public static SecurityHeaderPolicy Services { get; } = new(
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; frame-ancestors 'none'");

    /// <summary>
    /// The admin panel: the SPA loads only its own built scripts and styles and talks only to its own origin (the
    /// backend for frontend). Its forms post to itself; sign-in is a top-level navigation to Identity, not a form.
    /// </summary>
    public static SecurityHeaderPolicy Admin { get; } = new(
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
}

public static class SecurityHeaders
{
    /// <summary>
    /// Adds the policy's headers to every response, when it starts: so they are there whatever produced it,
    /// the exception handler and status code pages included (those clear the headers set before them). A header an
    /// endpoint set itself is kept. Call it first, before error handling.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, SecurityHeaderPolicy policy) =>
        app.Use((context, next) =>
        {
            var response = context.Response;
            response.OnStarting(() =>
            {
                var headers = response.Headers;
                headers.XContentTypeOptions = "nosniff";
                if (headers.ContentSecurityPolicy.Count == 0)
                {
                    var isHtml = response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
                    headers.ContentSecurityPolicy = isHtml ? policy.HtmlContentSecurityPolicy : SecurityHeaderPolicy.NonHtmlContentSecurityPolicy;
                }

                if (headers.XFrameOptions.Count == 0)
                {
                    headers.XFrameOptions = "DENY";
                }

                if (!headers.ContainsKey("Referrer-Policy"))
                {
                    headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
}
