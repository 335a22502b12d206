using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.WebUtilities;
using UnifiedCommerce.Identity.Application;
using UnifiedCommerce.Identity.Domain;
using UnifiedCommerce.Identity.OAuth;
using UnifiedCommerce.ServiceDefaults.Http;

namespace UnifiedCommerce.Identity.Pages;

/// <summary>
/// Identity's hosted pages: sign in, create an account, confirm an address, forgotten and new password. Each is
/// branded with the store the person came from (the store of the authorization request in <c>returnUrl</c>) and
/// works on accounts of that store only; without a store they serve staff accounts, which are platform-wide.
/// Plain server-rendered HTML forms with antiforgery tokens: no script is needed, and none runs.
/// </summary>
public static partial class AccountPages
{
    public static IEndpointRouteBuilder MapAccountPages(this IEndpointRouteBuilder endpoints)
    {
        var pages = endpoints.MapGroup("/account").AllowAnonymous().ExcludeFromDescription();

        pages.MapGet("/sign-in", async (HttpContext http, string? returnUrl, CancellationToken ct) =>
            SignInForm(http, await StoreOfReturnAsync(http, returnUrl, ct), returnUrl, email: null, error: null));

        pages.MapPost("/sign-in", async (HttpContext http, Accounts accounts, CancellationToken ct) =>
        {
            if (await ReadFormAsync(http) is not { } form)
            {
                return ExpiredForm(http);
            }

            var returnUrl = form["returnUrl"];
            var store = await StoreOfReturnAsync(http, returnUrl, ct);
            var result = await accounts.SignInAsync(store?.Id, form["email"], form["password"], returnUrl, RequestOrigins.Of(http), ct);
            switch (result.Outcome)
            {
                case SignInOutcome.Succeeded:
                    await AccountSession.SignInAsync(http, result.Account!);
                    return Continue(http, store, returnUrl);
                case SignInOutcome.NotVerified:
                    return Message(http, store, "Confirm your email address",
                        "Your address is not confirmed yet. We sent you a new link: open it to finish signing in.");
                case SignInOutcome.Throttled:
                    return SignInForm(http, store, returnUrl, form["email"], "Too many attempts. Wait a few minutes, then try again.", StatusCodes.Status429TooManyRequests);
                default:
                    return SignInForm(http, store, returnUrl, form["email"], "The email or password is not correct.", StatusCodes.Status400BadRequest);
            }
        });

        pages.MapGet("/sign-up", async (HttpContext http, string? returnUrl, CancellationToken ct) =>
            await StoreOfReturnAsync(http, returnUrl, ct) is { } store
                ? SignUpForm(http, store, returnUrl, email: null, errors: null)
                : NoStore(http));

        pages.MapPost("/sign-up", async (HttpContext http, Accounts accounts, CancellationToken ct) =>
        {
            if (await ReadFormAsync(http) is not { } form)
            {
                return ExpiredForm(http);
            }

            var returnUrl = form["returnUrl"];
            if (await StoreOfReturnAsync(http, returnUrl, ct) is not { } store)
            {
                return NoStore(http);
            }

            try
            {
                if (!await accounts.SignUpAsync(store.Id, form["email"], form["password"], form["name"], returnUrl, RequestOrigins.Of(http), ct))
                {
                    return SignUpForm(http, store, returnUrl, form["email"],
                        new Dictionary<string, string[]> { [""] = ["Too many attempts. Wait a few minutes, then try again."] }, StatusCodes.Status429TooManyRequests);
                }
            }
            catch (RequestValidationException invalid)
            {
                return SignUpForm(http, store, returnUrl, form["email"], invalid.Errors, StatusCodes.Status400BadRequest, form["name"]);
            }

            // The same answer whether or not the address already had an account (its owner got a mail either way).
            return Message(http, store, "Check your inbox",
                $"We sent a link to {form["email"]}. Open it to confirm your address and finish creating your account.");
        });

        pages.MapGet("/verify", async (HttpContext http, string? token, string? returnUrl, CancellationToken ct) =>
            Page(http, await StoreOfReturnAsync(http, returnUrl, ct), "Confirm your email address",
                // A button, not the link itself: mail scanners open links, and must not use up the token.
                Form(http, "/account/verify", returnUrl, Hidden("token", token), "Confirm email address")));

        pages.MapPost("/verify", async (HttpContext http, Accounts accounts, CancellationToken ct) =>
        {
            if (await ReadFormAsync(http) is not { } form)
            {
                return ExpiredForm(http);
            }

            var store = await StoreOfReturnAsync(http, form["returnUrl"], ct);
            if (await accounts.VerifyEmailAsync(form["token"], RequestOrigins.Of(http), ct) is not { } account)
            {
                return Message(http, store, "This link no longer works",
                    "It was already used or has expired. Sign in to get a new one.", StatusCodes.Status400BadRequest);
            }

            // Following the link proves the mailbox: the person is signed in and continues where they were going.
            await AccountSession.SignInAsync(http, account);
            return Continue(http, store, form["returnUrl"]);
        });

        pages.MapGet("/forgot-password", async (HttpContext http, string? returnUrl, CancellationToken ct) =>
            ForgotForm(http, await StoreOfReturnAsync(http, returnUrl, ct), returnUrl));

        pages.MapPost("/forgot-password", async (HttpContext http, Accounts accounts, CancellationToken ct) =>
        {
            if (await ReadFormAsync(http) is not { } form)
            {
                return ExpiredForm(http);
            }

            var returnUrl = form["returnUrl"];
            var store = await StoreOfReturnAsync(http, returnUrl, ct);
            await accounts.RequestPasswordResetAsync(store?.Id, form["email"], returnUrl, RequestOrigins.Of(http), ct);
            return Message(http, store, "Check your inbox",
                $"If an account uses {form["email"]}, we sent it a link to choose a new password. The link works for an hour.");
        });

        pages.MapGet("/reset-password", async (HttpContext http, string? token, string? returnUrl, Accounts accounts, CancellationToken ct) =>
        {
            var store = await StoreOfReturnAsync(http, returnUrl, ct);
            return await accounts.IsUsableAsync(token, AccountTokenPurpose.ResetPassword, ct)
                ? ResetForm(http, store, token, returnUrl, error: null)
                : Message(http, store, "This link no longer works", "It was already used or has expired. Ask for a new one.", StatusCodes.Status400BadRequest);
        });

        pages.MapPost("/reset-password", async (HttpContext http, Accounts accounts, CancellationToken ct) =>
        {
            if (await ReadFormAsync(http) is not { } form)
            {
                return ExpiredForm(http);
            }

            var returnUrl = form["returnUrl"];
            var store = await StoreOfReturnAsync(http, returnUrl, ct);
            Account? account;
            try
            {
                account = await accounts.ResetPasswordAsync(form["token"], form["password"], RequestOrigins.Of(http), ct);
            }
            catch (RequestValidationException invalid)
            {
                return ResetForm(http, store, form["token"], returnUrl, invalid.Errors.Values.SelectMany(e => e).FirstOrDefault(), StatusCodes.Status400BadRequest);
            }

            if (account is null)
            {
                return Message(http, store, "This link no longer works", "It was already used or has expired. Ask for a new one.", StatusCodes.Status400BadRequest);
            }

            await AccountSession.SignInAsync(http, account);
            return Continue(http, store, returnUrl);
        });

        pages.MapGet("/invitation", async (HttpContext http, string? token, StaffDirectory staff, Accounts accounts, CancellationToken ct) =>
            await staff.OpenInvitationAsync(token, ct) is { } invitation
                ? InvitationForm(http, invitation, token, await accounts.HasStaffAccountAsync(invitation.Email, ct), error: null)
                : InvitationGone(http));

        pages.MapPost("/invitation", async (HttpContext http, StaffDirectory staff, Accounts accounts, IConfiguration configuration, CancellationToken ct) =>
        {
            if (await ReadFormAsync(http) is not { } form)
            {
                return ExpiredForm(http);
            }

            if (await staff.OpenInvitationAsync(form["token"], ct) is not { } invitation)
            {
                return InvitationGone(http);
            }

            var origin = RequestOrigins.Of(http);
            var hasAccount = await accounts.HasStaffAccountAsync(invitation.Email, ct);
            Account? account;
            if (hasAccount)
            {
                var result = await accounts.SignInAsync(null, invitation.Email, form["password"], null, origin, ct);
                if (result.Outcome != SignInOutcome.Succeeded)
                {
                    return InvitationForm(http, invitation, form["token"], hasAccount, result.Outcome == SignInOutcome.Throttled
                        ? "Too many attempts. Wait a few minutes, then try again."
                        : "The password is not correct.", StatusCodes.Status400BadRequest);
                }

                account = result.Account!;
            }
            else
            {
                try
                {
                    account = await accounts.CreateInvitedStaffAsync(invitation.Email, form["password"], origin, ct);
                }
                catch (RequestValidationException invalid)
                {
                    return InvitationForm(http, invitation, form["token"], hasAccount, invalid.Errors.Values.SelectMany(e => e).First(), StatusCodes.Status400BadRequest);
                }

                if (account is null)
                {
                    return InvitationForm(http, invitation, form["token"], hasAccount: true, "An account with this address was just created: enter its password.", StatusCodes.Status409Conflict);
                }
            }

            if (!await staff.AcceptAsync(invitation, account, origin, ct))
            {
                return InvitationGone(http);
            }

            await AccountSession.SignInAsync(http, account);
            var admin = configuration["Identity:AdminUrl"];
            return Page(http, invitation.MerchantName, $"Welcome to {invitation.MerchantName}",
                $"<p>You joined {Encode(invitation.MerchantName)} as {Encode(invitation.Role.Name)}.</p>"
                + (admin is { Length: > 0 } ? $"<p class=\"links\"><a href=\"{Encode(admin)}\">Open the admin</a></p>" : ""));
        });

        return endpoints;
    }
}
