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
using UnifiedCommerce.ServiceDefaults.Messaging;

namespace UnifiedCommerce.Identity.Accounts;

/// <summary>Where a request came from, as recorded in security events.</summary>
public sealed record RequestOrigin(string? ClientAddress, string? UserAgent);

public enum SignInOutcome
{
    Succeeded,

    /// <summary>Wrong email or password, or the account is locked: deliberately one answer, so nobody learns which.</summary>
    Failed,

    /// <summary>The password was right but the address is not verified yet; a new link was sent.</summary>
    NotVerified,

    /// <summary>Too many attempts from this address or for this account; nothing was checked.</summary>
    Throttled,
}

public sealed record SignInResult(SignInOutcome Outcome, Account? Account = null);

/// <summary>
/// People's accounts: sign-up, email verification, sign-in with temporary lockout, password reset and change,
/// deletion. Every answer that could tell whether an address has an account is the same either way; every
/// step is recorded as a security event; emails go through the outbox in the same transaction.
/// </summary>
public sealed class Accounts(
    IdentityDbContext db,
    IPasswordHasher<Account> hasher,
    SignInThrottle throttle,
    AccountLinks links,
    IOpenIddictTokenManager tokens,
    TimeProvider clock)
{
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan VerificationLifetime = TimeSpan.FromHours(24);
    public static readonly TimeSpan ResetLifetime = TimeSpan.FromHours(1);
    public const int MinPasswordLength = 10;
    public const int MaxNameLength = 200;

    // Account events carry fixed versions: an account is registered once (1) and deleted once, for good (2).
    private const long RegisteredVersion = 1;
    private const long DeletedVersion = 2;

    // Verified against when the account does not exist, so an unknown address costs as much time as a known one.
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<Account>().HashPassword(null!, "decoy-password-for-timing"));

    public static string Normalize(string email) => email.Trim().ToUpperInvariant();

    public Task<Account?> FindAsync(Guid accountId, CancellationToken cancellationToken) =>
        db.Accounts.FirstOrDefaultAsync(a => a.Id == accountId, cancellationToken);

    /// <summary>
    /// Creates the account and mails a verification link; for an address that already has an account, mails its
    /// owner instead. The caller shows the same "check your inbox" page in both cases. False when throttled.
    /// </summary>
    public async Task<bool> SignUpAsync(Guid? merchantId, string? email, string? password, string? name, string? returnUrl, RequestOrigin origin, CancellationToken cancellationToken)
    {
        if (!await throttle.TryAcquireAsync(merchantId, Normalize(email ?? ""), origin.ClientAddress, cancellationToken))
        {
            RecordFor(SecurityEventKind.SignInThrottled, merchantId, null, email ?? "", origin, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return false;
        }

        var errors = new FieldErrors();
        var address = ValidEmail(email);
        if (address is null)
        {
            errors.Add("email", "Enter a valid email address.");
        }

        if (PasswordProblem(password, address) is { } problem)
        {
            errors.Add("password", problem);
        }

        if (name?.Trim().Length > MaxNameLength)
        {
            errors.Add("name", $"Use at most {MaxNameLength} characters.");
        }

        errors.SingleLine("name", name);
        errors.ThrowIfAny();
        var normalized = Normalize(address!);
        var now = clock.GetUtcNow();
        if (await db.Accounts.AnyAsync(a => a.MerchantId == merchantId && a.NormalizedEmail == normalized, cancellationToken))
        {
            // The same work as for a new address (a password hash, one email, one save), so the time the answer
            // takes does not tell whether the address has an account.
            _ = hasher.HashPassword(null!, password!);
            Mail(merchantId, address!, "You already have an account here",
                $"""
                Someone (perhaps you) tried to create a new account with this email address, which already has one here.

                Sign in instead, or if you forgot your password, choose a new one here:
                {links.ForgotPassword(returnUrl)}

                If it was not you, you can ignore this message; nothing has changed.
                """);
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }

        var account = NewAccount(merchantId, address!, password!, now);
        var token = NewToken(account, AccountTokenPurpose.VerifyEmail, VerificationLifetime, now);
        Mail(merchantId, account.Email, "Confirm your email address",
            $"""
            Welcome! Confirm your email address to finish creating your account:
            {links.VerifyEmail(token, returnUrl)}

            The link works once and expires in 24 hours.
            """);
        Record(SecurityEventKind.AccountCreated, account, origin, now);
        if (account.MerchantId is { } store)
        {
            db.OutboxMessages.Add(OutboxMessage.From(new CustomerRegistered
            {
                EventId = Guid.CreateVersion7(),
                MerchantId = store,
                AggregateId = account.Id,
                AggregateVersion = RegisteredVersion,
                OccurredAt = now,
                Email = account.Email,
                Name = string.IsNullOrWhiteSpace(name) ? null : name.Trim(),
            }));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A concurrent sign-up for the same address won; the caller's answer is the same either way.
            db.ChangeTracker.Clear();
        }

        return true;
    }

    /// <summary>
    /// A new staff account for someone who followed an invitation link (which proves the mailbox, so the address
    /// counts as verified). Null when a staff account with that address exists already.
    /// </summary>
    public async Task<Account?> CreateInvitedStaffAsync(string email, string? password, RequestOrigin origin, CancellationToken cancellationToken)
    {
        if (PasswordProblem(password, email) is { } problem)
        {
            throw RequestValidationException.For("password", problem);
        }

        var normalized = Normalize(email);
        if (await db.Accounts.AnyAsync(a => a.MerchantId == null && a.NormalizedEmail == normalized, cancellationToken))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var account = NewAccount(merchantId: null, email, password!, now);
        account.EmailVerifiedAt = now;
        Record(SecurityEventKind.AccountCreated, account, origin, now);
        await db.SaveChangesAsync(cancellationToken);
        return account;
    }

    public Task<bool> HasStaffAccountAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = Normalize(email);
        return db.Accounts.AnyAsync(a => a.MerchantId == null && a.NormalizedEmail == normalized, cancellationToken);
    }

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

    /// <summary>Confirms the address behind a verification link; null when the link is unknown, used or expired.</summary>
    public async Task<Account?> VerifyEmailAsync(string? token, RequestOrigin origin, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (await RedeemAsync(token, AccountTokenPurpose.VerifyEmail, now, cancellationToken) is not { } account)
        {
            return null;
        }

        account.EmailVerifiedAt ??= now;
        Record(SecurityEventKind.EmailVerified, account, origin, now);
        await db.SaveChangesAsync(cancellationToken);
        return account;
    }

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

    /// <summary>Deletes the account and ends its sessions; its security events stay (with the address) for audit.</summary>
    public async Task DeleteAsync(Guid accountId, RequestOrigin origin, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.Id == accountId, cancellationToken) ?? throw new NotFoundException("No such account.");
        db.Accounts.Remove(account);
        var now = clock.GetUtcNow();
        Record(SecurityEventKind.AccountDeleted, account, origin, now);
        if (account.MerchantId is { } store)
        {
            // The profile and everything else other services keep about the shopper goes with the account.
            db.OutboxMessages.Add(OutboxMessage.From(new CustomerAccountDeleted
            {
                EventId = Guid.CreateVersion7(),
                MerchantId = store,
                AggregateId = account.Id,
                AggregateVersion = DeletedVersion,
                OccurredAt = now,
            }));
        }

        await db.SaveChangesAsync(cancellationToken);
        await RevokeTokensAsync(account.Id, cancellationToken);
    }

    public async Task RecordSignOutAsync(Guid accountId, RequestOrigin origin, CancellationToken cancellationToken)
    {
        if (await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == accountId, cancellationToken) is { } account)
        {
            Record(SecurityEventKind.SignedOut, account, origin, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
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

    /// <summary>Revokes the account's refresh tokens (and codes), so other devices must sign in again.</summary>
    private async Task RevokeTokensAsync(Guid accountId, CancellationToken cancellationToken)
    {
        await foreach (var token in tokens.FindBySubjectAsync(accountId.ToString(), cancellationToken))
        {
            await tokens.TryRevokeAsync(token, cancellationToken);
        }
    }

    private async Task<Account?> RedeemAsync(string? token, AccountTokenPurpose purpose, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var hash = Hash(token);
        if (hash is null)
        {
            return null;
        }

        // One statement marks the token used, so two concurrent clicks cannot both redeem it.
        var redeemed = await db.AccountTokens
            .Where(t => t.TokenHash == hash && t.Purpose == purpose && t.UsedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(update => update.SetProperty(t => t.UsedAt, now), cancellationToken);
        if (redeemed != 1)
        {
            return null;
        }

        var accountId = await db.AccountTokens.Where(t => t.TokenHash == hash).Select(t => t.AccountId).FirstAsync(cancellationToken);
        return await db.Accounts.FirstOrDefaultAsync(a => a.Id == accountId, cancellationToken);
    }

    private Account NewAccount(Guid? merchantId, string email, string password, DateTimeOffset now)
    {
        var account = new Account
        {
            MerchantId = merchantId,
            Email = email,
            NormalizedEmail = Normalize(email),
            PasswordHash = "",
            CreatedAt = now,
            PasswordChangedAt = now,
        };
        account.PasswordHash = hasher.HashPassword(account, password);
        db.Accounts.Add(account);
        return account;
    }

    private string NewToken(Account account, AccountTokenPurpose purpose, TimeSpan lifetime, DateTimeOffset now)
    {
        var token = EmailedTokens.NewToken();
        db.AccountTokens.Add(new AccountToken { AccountId = account.Id, Purpose = purpose, TokenHash = Hash(token)!, CreatedAt = now, ExpiresAt = now + lifetime });
        return token;
    }

    private static byte[]? Hash(string? token) => EmailedTokens.Hash(token);

    private void Mail(Guid? merchantId, string to, string subject, string body) =>
        db.EmailMessages.Add(new EmailMessage { MerchantId = merchantId, To = to, Subject = subject, TextBody = body, CreatedAt = clock.GetUtcNow() });

    private void Record(SecurityEventKind kind, Account account, RequestOrigin origin, DateTimeOffset now) =>
        RecordFor(kind, account.MerchantId, account.Id, account.Email, origin, now);

    private void RecordFor(SecurityEventKind kind, Guid? merchantId, Guid? accountId, string email, RequestOrigin origin, DateTimeOffset now) =>
        db.SecurityEvents.Add(new SecurityEvent
        {
            Kind = kind,
            MerchantId = merchantId,
            AccountId = accountId,
            Email = email.Length > 254 ? email[..254] : email,
            ClientAddress = origin.ClientAddress,
            UserAgent = origin.UserAgent is { Length: > 300 } agent ? agent[..300] : origin.UserAgent,
            OccurredAt = now,
        });

    public static string? ValidEmail(string? email)
    {
        var trimmed = email?.Trim();
        return trimmed is { Length: > 0 and <= 254 } && MailAddress.TryCreate(trimmed, out var parsed) && parsed.Address == trimmed && trimmed.Contains('.', StringComparison.Ordinal)
            ? trimmed
            : null;
    }

    private static string? PasswordProblem(string? password, string? email) => password switch
    {
        null or { Length: < MinPasswordLength } => $"Use at least {MinPasswordLength} characters.",
        { Length: > 128 } => "Use at most 128 characters.",
        _ when email is not null && password.Contains(email.Split('@')[0], StringComparison.OrdinalIgnoreCase) && email.Split('@')[0].Length >= 4
            => "Choose a password that does not contain your email address.",
        _ => null,
    };
}
