using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.WebUtilities;
using UnifiedCommerce.Identity.Application;
using UnifiedCommerce.Identity.Domain;
using UnifiedCommerce.Identity.OAuth;
using UnifiedCommerce.ServiceDefaults.Http;

namespace UnifiedCommerce.Identity.Pages;

/// <summary>The HTML of Identity's account pages: forms, messages and the page frame, branded per store and encoded throughout.</summary>
public static partial class AccountPages
{
    private static IResult InvitationForm(HttpContext http, InvitationView invitation, string? token, bool hasAccount, string? error, int status = StatusCodes.Status200OK) =>
        Page(http, invitation.MerchantName, $"Join {invitation.MerchantName}",
            $"<p>You are invited to work for {Encode(invitation.MerchantName)} as {Encode(invitation.Role.Name)}, with the address {Encode(invitation.Email)}.</p>"
            + Alert(error)
            + Form(http, "/account/invitation", returnUrl: null,
                Hidden("token", token) + (hasAccount
                    ? Field("password", "Password", "password", "current-password", null, "The password of your existing account.")
                    : Field("password", "Choose a password", "password", "new-password", null, $"At least {Accounts.MinPasswordLength} characters.")),
                hasAccount ? "Sign in and accept" : "Create account and accept"),
            status);

    private static IResult InvitationGone(HttpContext http) =>
        Message(http, null, "This invitation no longer works", "It was already accepted, withdrawn, or it has expired. Ask for a new one.", StatusCodes.Status400BadRequest);

    /// <summary>A page with a heading and one paragraph of text.</summary>
    public static IResult Message(HttpContext http, Merchant? store, string title, string text, int status = StatusCodes.Status200OK) =>
        Page(http, store, title, $"<p>{Encode(text)}</p>", status);

    private static IResult SignInForm(HttpContext http, Merchant? store, string? returnUrl, string? email, string? error, int status = StatusCodes.Status200OK)
    {
        var links = new StringBuilder();
        links.Append($"""<a href="/account/forgot-password{ReturnQuery(returnUrl)}">Forgot your password?</a>""");
        if (store is not null)
        {
            links.Append($""" · <a href="/account/sign-up{ReturnQuery(returnUrl)}">Create an account</a>""");
        }

        return Page(http, store, "Sign in",
            Alert(error)
            + Form(http, "/account/sign-in", returnUrl,
                Field("email", "Email", "email", "username", email) + Field("password", "Password", "password", "current-password", null),
                "Sign in")
            + $"<p class=\"links\">{links}</p>",
            status);
    }

    private static IResult SignUpForm(
        HttpContext http, Merchant store, string? returnUrl, string? email, IDictionary<string, string[]>? errors, int status = StatusCodes.Status200OK, string? name = null)
    {
        string? ErrorOf(string field) => errors is not null && errors.TryGetValue(field, out var messages) ? messages.FirstOrDefault() : null;
        return Page(http, store, "Create an account",
            Alert(ErrorOf(""))
            + Form(http, "/account/sign-up", returnUrl,
                Field("name", "Name (optional)", "text", "name", name, ErrorOf("name"), required: false)
                + Field("email", "Email", "email", "email", email, ErrorOf("email"))
                + Field("password", "Password", "password", "new-password", null, ErrorOf("password") ?? $"At least {Accounts.MinPasswordLength} characters."),
                "Create account")
            + $"""<p class="links">Already have an account? <a href="/account/sign-in{ReturnQuery(returnUrl)}">Sign in</a></p>""",
            status);
    }

    private static IResult ForgotForm(HttpContext http, Merchant? store, string? returnUrl) =>
        Page(http, store, "Forgot your password?",
            "<p>Enter the address you use to sign in and we will send you a link to choose a new password.</p>"
            + Form(http, "/account/forgot-password", returnUrl, Field("email", "Email", "email", "username", null), "Send reset link"));

    private static IResult ResetForm(HttpContext http, Merchant? store, string? token, string? returnUrl, string? error, int status = StatusCodes.Status200OK) =>
        Page(http, store, "Choose a new password",
            Form(http, "/account/reset-password", returnUrl,
                Hidden("token", token) + Field("password", "New password", "password", "new-password", null, error ?? $"At least {Accounts.MinPasswordLength} characters."),
                "Set new password"),
            status);

    private static IResult NoStore(HttpContext http) =>
        Message(http, null, "Open this page from a store", "Accounts belong to a store: use the Sign in link of the store you shop at.", StatusCodes.Status400BadRequest);

    private static IResult ExpiredForm(HttpContext http) =>
        Message(http, null, "Please try again", "The form expired or was sent from somewhere else. Go back, reload the page and send it again.", StatusCodes.Status400BadRequest);

    /// <summary>On to where the person was going (a local URL only), or a confirmation page.</summary>
    private static IResult Continue(HttpContext http, Merchant? store, string? returnUrl) =>
        ReturnUrls.IsLocal(returnUrl)
            ? Results.Redirect(returnUrl!)
            : Message(http, store, "You are signed in", "You can close this page and go back to where you were.");

    /// <summary>The form, or null when its antiforgery token is missing or wrong (nothing is done then).</summary>
    private static async Task<IFormCollection?> ReadFormAsync(HttpContext http)
    {
        var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
        return http.Request.HasFormContentType && await antiforgery.IsRequestValidAsync(http) ? await http.Request.ReadFormAsync() : null;
    }

    /// <summary>The store of the authorization request a page returns to; null for none (staff) or a store that is not open.</summary>
    private static async Task<Merchant?> StoreOfReturnAsync(HttpContext http, string? returnUrl, CancellationToken cancellationToken)
    {
        if (!ReturnUrls.IsLocal(returnUrl) || !returnUrl!.StartsWith("/connect/authorize?", StringComparison.Ordinal))
        {
            return null;
        }

        var query = QueryHelpers.ParseQuery(returnUrl[returnUrl.IndexOf('?', StringComparison.Ordinal)..]);
        return query.TryGetValue("client_id", out var client) && client == FirstPartyClients.StorefrontClientId
            ? await StoreAddresses.StoreOfCallbackAsync(http.RequestServices, query["redirect_uri"], cancellationToken)
            : null;
    }

    private static string ReturnQuery(string? returnUrl) => ReturnUrls.IsLocal(returnUrl) ? "?returnUrl=" + Uri.EscapeDataString(returnUrl!) : "";

    private static string Form(HttpContext http, string action, string? returnUrl, string fields, string submit)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return $"""
            <form method="post" action="{action}" novalidate>
              {Hidden(tokens.FormFieldName, tokens.RequestToken)}
              {(ReturnUrls.IsLocal(returnUrl) ? Hidden("returnUrl", returnUrl) : "")}
              {fields}
              <button type="submit">{Encode(submit)}</button>
            </form>
            """;
    }

    private static string Field(string name, string label, string type, string autocomplete, string? value, string? hint = null, bool required = true) => $"""
        <label for="{name}">{Encode(label)}</label>
        <input id="{name}" name="{name}" type="{type}" autocomplete="{autocomplete}"{(required ? " required" : "")} value="{Encode(value)}"{(hint is null ? "" : $" aria-describedby=\"{name}-hint\"")}>
        {(hint is null ? "" : $"<p class=\"hint\" id=\"{name}-hint\">{Encode(hint)}</p>")}
        """;

    private static string Hidden(string name, string? value) => $"<input type=\"hidden\" name=\"{Encode(name)}\" value=\"{Encode(value)}\">";

    private static string Alert(string? error) => error is null ? "" : $"<p class=\"alert\" role=\"alert\">{Encode(error)}</p>";

    private static string Encode(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    private static IResult Page(HttpContext http, Merchant? store, string title, string body, int status = StatusCodes.Status200OK) =>
        Page(http, store?.Name, title, body, status);

    private static IResult Page(HttpContext http, string? storeName, string title, string body, int status = StatusCodes.Status200OK)
    {
        http.Response.Headers.CacheControl = "no-store";
        // The service's security header policy covers framing and scripts. These pages' addresses can carry
        // single-use tokens (confirmation, reset), so they send no referrer at all, stricter than that policy.
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        var brand = storeName ?? "Unified Commerce";
        return Results.Content($$"""
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <meta name="robots" content="noindex">
              <title>{{Encode(title)}} · {{Encode(brand)}}</title>
              <style>
                :root { color-scheme: light; font-family: system-ui, sans-serif; color: #1f2328; background: #f6f7f9; }
                body { margin: 0; min-height: 100vh; display: grid; place-items: center; }
                main { background: #fff; width: min(26rem, 100% - 2rem); padding: 2rem; border-radius: 12px; box-shadow: 0 1px 4px #0002; }
                .brand { margin: 0 0 1.5rem; font-weight: 700; font-size: 1.1rem; letter-spacing: .02em; }
                h1 { font-size: 1.5rem; margin: 0 0 1rem; }
                label { display: block; font-weight: 600; margin: 1rem 0 .3rem; }
                input:not([type=hidden]) { box-sizing: border-box; width: 100%; padding: .6rem .7rem; font: inherit; border: 1px solid #c9ced6; border-radius: 8px; }
                button { margin-top: 1.4rem; width: 100%; padding: .7rem; font: inherit; font-weight: 600; color: #fff; background: #1f2328; border: 0; border-radius: 8px; cursor: pointer; }
                .hint { margin: .3rem 0 0; font-size: .85rem; color: #59636e; }
                .alert { padding: .7rem .9rem; border-radius: 8px; background: #ffebe9; color: #82071e; }
                .links { margin-top: 1.2rem; font-size: .9rem; }
                a { color: #0a58ca; }
              </style>
            </head>
            <body>
              <main>
                <p class="brand">{{Encode(brand)}}</p>
                <h1>{{Encode(title)}}</h1>
                {{body}}
              </main>
            </body>
            </html>
            """, "text/html; charset=utf-8", Encoding.UTF8, status);
    }
}
