namespace UnifiedCommerce.Identity.Domain;

/// <summary>
/// A person who signs in. A customer account belongs to one merchant's store and is unique per (merchant, email):
/// the same address at two stores is two unrelated accounts. A staff account belongs to no store (one person can
/// work for several merchants) and is unique per email among staff. Identity holds only credentials and sign-in
/// state; profiles live with the services that own them.
/// </summary>
public sealed class Account
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The store of a customer account; null for staff.</summary>
    public Guid? MerchantId { get; set; }

    public required string Email { get; set; }

    /// <summary>Upper-cased invariant form, the one uniqueness and look-ups use.</summary>
    public required string NormalizedEmail { get; set; }

    public required string PasswordHash { get; set; }

    public DateTimeOffset? EmailVerifiedAt { get; set; }

    /// <summary>Consecutive failed sign-ins since the last success; reaching the limit locks the account for a while.</summary>
    public int FailedSignIns { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset PasswordChangedAt { get; set; }

    public bool IsCustomer => MerchantId is not null;

    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;
}

public enum AccountTokenPurpose
{
    VerifyEmail,
    ResetPassword,
}

/// <summary>A single-use, expiring token sent by email. Only its hash is stored.</summary>
public sealed class AccountToken
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AccountId { get; set; }
    public AccountTokenPurpose Purpose { get; set; }
    public required byte[] TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
}

/// <summary>An email waiting to be sent (written in the same transaction as the change it reports).</summary>
public sealed class EmailMessage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? MerchantId { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }

    /// <summary>After a failure, not before this time (the retry back-off).</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }
    public string? LastError { get; set; }
}

public enum SecurityEventKind
{
    AccountCreated,
    EmailVerified,
    SignInSucceeded,
    SignInFailed,
    SignInThrottled,
    LockedOut,
    PasswordResetRequested,
    PasswordReset,
    PasswordChanged,
    AccountDeleted,
    SignedOut,
    StaffInvited,
    InvitationRevoked,
    StaffJoined,
    StaffRoleChanged,
    StaffRemoved,
    RoleDefined,
    RoleChanged,
    RoleDeleted,
}

/// <summary>
/// Who did what to an account or to a merchant's staff and roles, when, and from where. Kept after the account is
/// deleted. For staff and role changes, <see cref="ActorAccountId"/> is who made the change (null: the platform's
/// operators) and <see cref="Detail"/> says what changed.
/// </summary>
public sealed class SecurityEvent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? MerchantId { get; set; }
    public Guid? AccountId { get; set; }
    public SecurityEventKind Kind { get; set; }
    public required string Email { get; set; }
    public Guid? ActorAccountId { get; set; }
    public string? Detail { get; set; }
    public string? ClientAddress { get; set; }
    public string? UserAgent { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
}
