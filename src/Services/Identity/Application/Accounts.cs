using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpenIddict.Abstractions;
using UnifiedCommerce.Contracts.Identity;
using UnifiedCommerce.Identity.Data;
using UnifiedCommerce.Identity.Domain;
using UnifiedCommerce.Identity.Email;
using UnifiedCommerce.Messaging;
using UnifiedCommerce.ServiceDefaults.Http;

namespace UnifiedCommerce.Identity.Application;

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
public sealed partial class Accounts(
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
}
