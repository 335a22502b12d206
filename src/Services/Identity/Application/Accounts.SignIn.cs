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

/// <summary>Signing in: the password check, throttling, the temporary lockout after repeated failures, and signing out.</summary>
public sealed partial class Accounts
{
    public async Task<SignInResult> SignInAsync(Guid? merchantId, string? email, string? password, string? returnUrl, RequestOrigin origin, CancellationToken cancellationToken)
    {
        var normalized = Normalize(email ?? "");
        var now = clock.GetUtcNow();
        if (!await throttle.TryAcquireAsync(merchantId, normalized, origin.ClientAddress, cancellationToken))
        {
            RecordFor(SecurityEventKind.SignInThrottled, merchantId, null, email ?? "", origin, now);
            await db.SaveChangesAsync(cancellationToken);
            return new SignInResult(SignInOutcome.Throttled);
        }

        var account = normalized.Length == 0 ? null
            : await db.Accounts.FirstOrDefaultAsync(a => a.MerchantId == merchantId && a.NormalizedEmail == normalized, cancellationToken);
        if (account is null)
        {
            hasher.VerifyHashedPassword(null!, DecoyHash.Value, password ?? "");
            RecordFor(SecurityEventKind.SignInFailed, merchantId, null, email ?? "", origin, now);
            await db.SaveChangesAsync(cancellationToken);
            return new SignInResult(SignInOutcome.Failed);
        }

        var verdict = hasher.VerifyHashedPassword(account, account.PasswordHash, password ?? "");
        if (account.IsLockedAt(now) || verdict == PasswordVerificationResult.Failed)
        {
            await CountFailureAsync(account, origin, now, cancellationToken);
            return new SignInResult(SignInOutcome.Failed);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            account.PasswordHash = hasher.HashPassword(account, password!);
        }

        account.FailedSignIns = 0;
        account.LockedUntil = null;
        if (account.EmailVerifiedAt is null)
        {
            var token = NewToken(account, AccountTokenPurpose.VerifyEmail, VerificationLifetime, now);
            Mail(account.MerchantId, account.Email, "Confirm your email address",
                $"""
                Confirm your email address to sign in:
                {links.VerifyEmail(token, returnUrl)}

                The link works once and expires in 24 hours.
                """);
            await db.SaveChangesAsync(cancellationToken);
            return new SignInResult(SignInOutcome.NotVerified);
        }

        Record(SecurityEventKind.SignInSucceeded, account, origin, now);
        await db.SaveChangesAsync(cancellationToken);
        return new SignInResult(SignInOutcome.Succeeded, account);
    }

    /// <summary>
    /// Counts a failure atomically (parallel guesses cannot slip past the limit) and locks at the limit. A lock
    /// runs out on its own and is never extended by further attempts; after it, counting starts again.
    /// </summary>
    private async Task CountFailureAsync(Account account, RequestOrigin origin, DateTimeOffset now, CancellationToken cancellationToken)
    {
        DateTimeOffset? lockUntil = now + LockoutDuration;
        await db.Accounts.Where(a => a.Id == account.Id).ExecuteUpdateAsync(update => update
            .SetProperty(a => a.FailedSignIns, a => a.LockedUntil != null && a.LockedUntil <= now ? 1 : a.FailedSignIns + 1)
            .SetProperty(a => a.LockedUntil, a => a.LockedUntil != null && a.LockedUntil <= now
                ? null
                : a.LockedUntil == null && a.FailedSignIns + 1 >= MaxFailedSignIns ? lockUntil : a.LockedUntil),
            cancellationToken);
        var failures = await db.Accounts.Where(a => a.Id == account.Id).Select(a => a.FailedSignIns).FirstAsync(cancellationToken);
        Record(SecurityEventKind.SignInFailed, account, origin, now);
        if (failures == MaxFailedSignIns)
        {
            Record(SecurityEventKind.LockedOut, account, origin, now);
            Mail(account.MerchantId, account.Email, "Your account is locked for 15 minutes",
                $"""
                There were {MaxFailedSignIns} failed attempts to sign in to your account, so it is locked for 15 minutes.

                If this was not you, choose a new password here:
                {links.ForgotPassword(null)}
                """);
        }

        await db.SaveChangesAsync(cancellationToken);
    }


    public async Task RecordSignOutAsync(Guid accountId, RequestOrigin origin, CancellationToken cancellationToken)
    {
        if (await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == accountId, cancellationToken) is { } account)
        {
            Record(SecurityEventKind.SignedOut, account, origin, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
