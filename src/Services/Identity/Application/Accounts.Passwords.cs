using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpenIddict.Abstractions;
using UnifiedCommerce.Contracts.Identity;
using UnifiedCommerce.Identity.Data;
using UnifiedCommerce.Identity.Domain;
using UnifiedCommerce.Identity.Email;
using UnifiedCommerce.ServiceDefaults.Http;

namespace UnifiedCommerce.Identity.Application;

/// <summary>Passwords: the reset link, the reset itself, a change by the signed-in person, and the password rules.</summary>
public sealed partial class Accounts
{
    /// <summary>Mails a reset link when the address has an account; the caller says "if it exists, we sent a link" either way.</summary>
    public async Task RequestPasswordResetAsync(Guid? merchantId, string? email, string? returnUrl, RequestOrigin origin, CancellationToken cancellationToken)
    {
        var normalized = Normalize(email ?? "");
        var now = clock.GetUtcNow();
        if (!await throttle.TryAcquireAsync(merchantId, normalized, origin.ClientAddress, cancellationToken))
        {
            return; // Silently: a flood of reset mails is an attack on the owner's inbox.
        }

        var account = await db.Accounts.FirstOrDefaultAsync(a => a.MerchantId == merchantId && a.NormalizedEmail == normalized, cancellationToken);
        if (account is null)
        {
            return;
        }

        var token = NewToken(account, AccountTokenPurpose.ResetPassword, ResetLifetime, now);
        Mail(account.MerchantId, account.Email, "Choose a new password",
            $"""
            Someone (perhaps you) asked to reset the password of your account. Choose a new one here:
            {links.ResetPassword(token, returnUrl)}

            The link works once and expires in an hour. If you did not ask, ignore this message.
            """);
        Record(SecurityEventKind.PasswordResetRequested, account, origin, now);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Whether a reset link is still usable (the page checks before asking for a password).</summary>
    public async Task<bool> IsUsableAsync(string? token, AccountTokenPurpose purpose, CancellationToken cancellationToken)
    {
        var hash = Hash(token);
        var now = clock.GetUtcNow();
        return hash is not null && await db.AccountTokens.AnyAsync(t => t.TokenHash == hash && t.Purpose == purpose && t.UsedAt == null && t.ExpiresAt > now, cancellationToken);
    }

    /// <summary>Sets a new password from a reset link: unlocks the account, ends its sessions, tells the owner.</summary>
    public async Task<Account?> ResetPasswordAsync(string? token, string? newPassword, RequestOrigin origin, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var candidate = await db.AccountTokens.AsNoTracking().Where(t => t.TokenHash == Hash(token) && t.Purpose == AccountTokenPurpose.ResetPassword)
            .Join(db.Accounts, t => t.AccountId, a => a.Id, (_, a) => a.Email).FirstOrDefaultAsync(cancellationToken);
        if (PasswordProblem(newPassword, candidate) is { } problem)
        {
            throw RequestValidationException.For("password", problem);
        }

        if (await RedeemAsync(token, AccountTokenPurpose.ResetPassword, now, cancellationToken) is not { } account)
        {
            return null;
        }

        // Following the link proves the mailbox, so the address counts as verified too.
        account.EmailVerifiedAt ??= now;
        await SetPasswordAsync(account, newPassword!, SecurityEventKind.PasswordReset, origin, now, cancellationToken);
        return account;
    }

    /// <summary>
    /// Changes the password after checking the current one. A wrong current password is a guess like a wrong
    /// sign-in (a stolen token must not become a password oracle): the same budget, the same lockout. False when
    /// throttled, before anything is checked.
    /// </summary>
    public async Task<bool> ChangePasswordAsync(Guid accountId, string? currentPassword, string? newPassword, RequestOrigin origin, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.Id == accountId, cancellationToken) ?? throw new NotFoundException("No such account.");
        var now = clock.GetUtcNow();
        if (!await throttle.TryAcquireAsync(account.MerchantId, account.NormalizedEmail, origin.ClientAddress, cancellationToken))
        {
            Record(SecurityEventKind.SignInThrottled, account, origin, now);
            await db.SaveChangesAsync(cancellationToken);
            return false;
        }

        if (account.IsLockedAt(now) || hasher.VerifyHashedPassword(account, account.PasswordHash, currentPassword ?? "") == PasswordVerificationResult.Failed)
        {
            await CountFailureAsync(account, origin, now, cancellationToken);
            throw RequestValidationException.For("currentPassword", "The current password is not correct.");
        }

        if (PasswordProblem(newPassword, account.Email) is { } problem)
        {
            throw RequestValidationException.For("newPassword", problem);
        }

        await SetPasswordAsync(account, newPassword!, SecurityEventKind.PasswordChanged, origin, now, cancellationToken);
        return true;
    }


    private async Task SetPasswordAsync(Account account, string password, SecurityEventKind kind, RequestOrigin origin, DateTimeOffset now, CancellationToken cancellationToken)
    {
        account.PasswordHash = hasher.HashPassword(account, password);
        account.PasswordChangedAt = now;
        account.FailedSignIns = 0;
        account.LockedUntil = null;
        await db.AccountTokens.Where(t => t.AccountId == account.Id && t.Purpose == AccountTokenPurpose.ResetPassword && t.UsedAt == null)
            .ExecuteUpdateAsync(update => update.SetProperty(t => t.UsedAt, now), cancellationToken);
        Record(kind, account, origin, now);
        Mail(account.MerchantId, account.Email, "Your password was changed",
            $"""
            The password of your account was just changed, and every device signed in to it was signed out.

            If you did not do this, choose a new password at once:
            {links.ForgotPassword(null)}
            """);
        await db.SaveChangesAsync(cancellationToken);
        await RevokeTokensAsync(account.Id, cancellationToken);
    }


    internal static string? PasswordProblem(string? password, string? email) => password switch
    {
        null or { Length: < MinPasswordLength } => $"Use at least {MinPasswordLength} characters.",
        { Length: > 128 } => "Use at most 128 characters.",
        _ when email is not null && password.Contains(email.Split('@')[0], StringComparison.OrdinalIgnoreCase) && email.Split('@')[0].Length >= 4
            => "Choose a password that does not contain your email address.",
        _ => null,
    };
}
