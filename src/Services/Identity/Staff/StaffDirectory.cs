using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using UnifiedCommerce.Contracts.Identity;
using UnifiedCommerce.Identity.Accounts;
using UnifiedCommerce.Identity.Data;
using UnifiedCommerce.Identity.Domain;
using UnifiedCommerce.ServiceDefaults.Http;
using UnifiedCommerce.ServiceDefaults.Messaging;
using UnifiedCommerce.ServiceDefaults.Security;
using UnifiedCommerce.ServiceDefaults.Tenancy;
using PlatformPermissions = UnifiedCommerce.Contracts.Permissions;

namespace UnifiedCommerce.Identity.Staff;

public sealed record RoleInput(string? Name, IReadOnlyList<string>? Permissions);

public sealed record InvitationInput(string? Email, string? RoleId);

public sealed record RoleAssignmentInput(string? RoleId);

public sealed record StaffListing(Guid AccountId, string Email, StaffRole Role, DateTimeOffset JoinedAt);

public sealed record InvitationListing(Guid Id, string Email, StaffRole Role, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);

/// <summary>An open invitation as the invited person sees it.</summary>
public sealed record InvitationView(Guid Id, Guid MerchantId, string MerchantName, string Email, StaffRole Role);

/// <summary>A merchant a staff account works for, as the merchant switcher lists it.</summary>
public sealed record Membership(Guid MerchantId, string MerchantName, StaffRole Role);

/// <summary>
/// Who is changing staff or roles: a staff member (with the permissions of their current role) or the platform's
/// operators (who may only invite a store's owners). Nobody grants what they do not hold, and only owners touch owners.
/// </summary>
public sealed record StaffActor(Guid? AccountId, StaffRole? Role, bool IsOperator)
{
    public static readonly StaffActor Operators = new(null, null, IsOperator: true);

    public bool IsOwner => IsOperator || Role?.IsOwner == true;

    public bool Holds(IEnumerable<string> permissions) => IsOperator || (Role is not null && permissions.All(Role.Permissions.Contains));
}

/// <summary>
/// A merchant's staff and roles: built-in and custom roles, invitations by email, accepting them, changing roles
/// and removing people. Every change is a security event naming who made it. The merchant is the one in context
/// (from the staff member's token); reads across merchants happen only where a person acts for themselves
/// (their invitation, their memberships) and say so.
/// </summary>
public sealed class StaffDirectory(IdentityDbContext db, MerchantContext merchant, AccountLinks links, TimeProvider clock)
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);

    public async Task<IReadOnlyList<StaffRole>> RolesAsync(CancellationToken cancellationToken)
    {
        var custom = await db.CustomRoles.AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken);
        return [.. StaffRole.BuiltIn, .. custom.Select(r => r.ToRole())];
    }

    public async Task<StaffRole?> FindRoleAsync(string? roleId, CancellationToken cancellationToken)
    {
        if (StaffRole.BuiltIn.FirstOrDefault(r => r.Id == roleId) is { } builtIn)
        {
            return builtIn;
        }

        return Guid.TryParse(roleId, out var id) && await db.CustomRoles.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken) is { } custom
            ? custom.ToRole()
            : null;
    }

    /// <summary>The acting staff member, with their current role; refuses a caller who is not staff of this merchant.</summary>
    public async Task<StaffActor> ActorAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.HasPermission(PlatformPermissions.PlatformAdminister))
        {
            return StaffActor.Operators;
        }

        var accountId = user.AccountOf() ?? throw new ForbiddenException("Only staff can manage staff and roles.");
        var member = await db.StaffMembers.AsNoTracking().FirstOrDefaultAsync(m => m.AccountId == accountId, cancellationToken)
            ?? throw new ForbiddenException("You no longer work for this merchant.");
        return new StaffActor(accountId, await FindRoleAsync(member.RoleId, cancellationToken), IsOperator: false);
    }

    public async Task<StaffRole> DefineRoleAsync(StaffActor actor, RoleInput input, CancellationToken cancellationToken)
    {
        var (name, permissions) = ValidRole(actor, input);
        var now = clock.GetUtcNow();
        var role = new CustomRole { Name = name, Permissions = permissions, CreatedAt = now, UpdatedAt = now, Version = 1 };
        db.CustomRoles.Add(role);
        Record(SecurityEventKind.RoleDefined, actor, null, "", $"{name}: {string.Join(' ', permissions)}");
        await SaveUniqueNameAsync(cancellationToken);
        return role.ToRole();
    }

    public async Task<StaffRole> ChangeRoleAsync(StaffActor actor, Guid roleId, RoleInput input, CancellationToken cancellationToken)
    {
        var role = await db.CustomRoles.FirstOrDefaultAsync(r => r.Id == roleId, cancellationToken) ?? throw new NotFoundException($"No custom role {roleId}.");
        if (!actor.Holds(role.Permissions))
        {
            throw new ForbiddenException("You cannot change a role that grants permissions you do not have.");
        }

        var (name, permissions) = ValidRole(actor, input);
        role.Name = name;
        role.Permissions = permissions;
        role.Version++;
        role.UpdatedAt = clock.GetUtcNow();
        Record(SecurityEventKind.RoleChanged, actor, null, "", $"{name}: {string.Join(' ', permissions)}");
        var key = role.Id.ToString();
        foreach (var memberId in await db.StaffMembers.Where(m => m.RoleId == key).Select(m => m.AccountId).ToListAsync(cancellationToken))
        {
            PublishAccess(memberId, role.ToRole());
        }

        await SaveUniqueNameAsync(cancellationToken);
        return role.ToRole();
    }

    public async Task DeleteRoleAsync(StaffActor actor, Guid roleId, CancellationToken cancellationToken)
    {
        var role = await db.CustomRoles.FirstOrDefaultAsync(r => r.Id == roleId, cancellationToken) ?? throw new NotFoundException($"No custom role {roleId}.");
        var key = role.Id.ToString();  // Role ids are stored as text beside the built-in ones.
        if (await db.StaffMembers.AnyAsync(m => m.RoleId == key, cancellationToken)
            || await db.StaffInvitations.AnyAsync(i => i.RoleId == key && i.AcceptedAt == null && i.RevokedAt == null, cancellationToken))
        {
            throw new ConflictException("The role is given to staff or to an open invitation; give them another role first.");
        }

        if (!actor.Holds(role.Permissions))
        {
            throw new ForbiddenException("You cannot delete a role that grants permissions you do not have.");
        }

        db.CustomRoles.Remove(role);
        Record(SecurityEventKind.RoleDeleted, actor, null, "", role.Name);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<(IReadOnlyList<StaffListing> Members, IReadOnlyList<InvitationListing> Invitations)> ListAsync(CancellationToken cancellationToken)
    {
        var roles = (await RolesAsync(cancellationToken)).ToDictionary(r => r.Id);
        var members = await db.StaffMembers.AsNoTracking()
            .Join(db.Accounts, m => m.AccountId, a => a.Id, (m, a) => new { m.AccountId, a.Email, m.RoleId, m.JoinedAt })
            .OrderBy(m => m.Email).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var invitations = await db.StaffInvitations.AsNoTracking()
            .Where(i => i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .OrderBy(i => i.Email).ToListAsync(cancellationToken);
        return (
            members.Select(m => new StaffListing(m.AccountId, m.Email, roles[m.RoleId], m.JoinedAt)).ToList(),
            invitations.Select(i => new InvitationListing(i.Id, i.Email, roles[i.RoleId], i.CreatedAt, i.ExpiresAt)).ToList());
    }

    /// <summary>Mails an invitation link; the person accepts it with a new or existing staff account.</summary>
    public async Task<InvitationListing> InviteAsync(StaffActor actor, InvitationInput input, CancellationToken cancellationToken)
    {
        var email = Accounts.Accounts.ValidEmail(input.Email) ?? throw RequestValidationException.For("email", "Enter a valid email address.");
        var role = await FindRoleAsync(input.RoleId, cancellationToken) ?? throw RequestValidationException.For("roleId", "No such role.");
        EnsureMayGive(actor, role);
        var normalized = Accounts.Accounts.Normalize(email);
        if (await db.StaffMembers.AnyAsync(m => db.Accounts.Any(a => a.Id == m.AccountId && a.NormalizedEmail == normalized), cancellationToken))
        {
            throw new ConflictException($"{email} already works for this merchant.");
        }

        var merchantId = merchant.RequireMerchantId();
        var store = await db.Merchants.AsNoTracking().FirstAsync(m => m.Id == merchantId, cancellationToken);
        var now = clock.GetUtcNow();
        var token = EmailedTokens.NewToken();
        var invitation = new StaffInvitation
        {
            Email = email,
            NormalizedEmail = normalized,
            RoleId = role.Id,
            TokenHash = EmailedTokens.Hash(token)!,
            InvitedBy = actor.AccountId,
            CreatedAt = now,
            ExpiresAt = now + InvitationLifetime,
        };
        db.StaffInvitations.Add(invitation);
        db.EmailMessages.Add(new EmailMessage
        {
            MerchantId = merchantId,
            To = email,
            Subject = $"You are invited to work for {store.Name}",
            TextBody = $"""
                You are invited to join {store.Name} as {role.Name}. Accept the invitation here:
                {links.AcceptInvitation(token)}

                The link works once and expires in 7 days. If you did not expect it, ignore this message.
                """,
            CreatedAt = now,
        });
        Record(SecurityEventKind.StaffInvited, actor, null, email, role.Name);
        await db.SaveChangesAsync(cancellationToken);
        return new InvitationListing(invitation.Id, email, role, invitation.CreatedAt, invitation.ExpiresAt);
    }

    public async Task RevokeInvitationAsync(StaffActor actor, Guid invitationId, CancellationToken cancellationToken)
    {
        var invitation = await db.StaffInvitations.FirstOrDefaultAsync(i => i.Id == invitationId && i.AcceptedAt == null && i.RevokedAt == null, cancellationToken)
            ?? throw new NotFoundException($"No open invitation {invitationId}.");
        EnsureMayGive(actor, await FindRoleAsync(invitation.RoleId, cancellationToken) ?? StaffRole.Owner);
        invitation.RevokedAt = clock.GetUtcNow();
        Record(SecurityEventKind.InvitationRevoked, actor, null, invitation.Email, null);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<StaffListing> AssignRoleAsync(StaffActor actor, Guid accountId, RoleAssignmentInput input, CancellationToken cancellationToken)
    {
        var member = await db.StaffMembers.FirstOrDefaultAsync(m => m.AccountId == accountId, cancellationToken) ?? throw new NotFoundException($"No staff member {accountId}.");
        var role = await FindRoleAsync(input.RoleId, cancellationToken) ?? throw RequestValidationException.For("roleId", "No such role.");
        var current = await FindRoleAsync(member.RoleId, cancellationToken) ?? StaffRole.Owner;
        EnsureMayGive(actor, current);
        EnsureMayGive(actor, role);
        if (current.IsOwner && !role.IsOwner)
        {
            await EnsureAnotherOwnerAsync(accountId, cancellationToken);
        }

        member.RoleId = role.Id;
        member.Version++;
        PublishAccess(accountId, role);
        var email = await db.Accounts.Where(a => a.Id == accountId).Select(a => a.Email).FirstAsync(cancellationToken);
        Record(SecurityEventKind.StaffRoleChanged, actor, accountId, email, $"{current.Name} -> {role.Name}");
        await db.SaveChangesAsync(cancellationToken);
        return new StaffListing(accountId, email, role, member.JoinedAt);
    }

    public async Task RemoveAsync(StaffActor actor, Guid accountId, CancellationToken cancellationToken)
    {
        var member = await db.StaffMembers.FirstOrDefaultAsync(m => m.AccountId == accountId, cancellationToken) ?? throw new NotFoundException($"No staff member {accountId}.");
        var role = await FindRoleAsync(member.RoleId, cancellationToken) ?? StaffRole.Owner;
        EnsureMayGive(actor, role);
        if (role.IsOwner)
        {
            await EnsureAnotherOwnerAsync(accountId, cancellationToken);
        }

        db.StaffMembers.Remove(member);
        PublishAccess(accountId, role: null);
        var email = await db.Accounts.Where(a => a.Id == accountId).Select(a => a.Email).FirstAsync(cancellationToken);
        Record(SecurityEventKind.StaffRemoved, actor, accountId, email, role.Name);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Takes a staff account out of every merchant, before deleting it. Refused while it is the last owner of a
    /// store, which must never lose its last owner.
    /// </summary>
    public async Task LeaveEverywhereAsync(Guid accountId, CancellationToken cancellationToken)
    {
        using var acrossMerchants = db.AcrossMerchants();
        var memberships = await db.StaffMembers.IgnoreQueryFilters().Where(m => m.AccountId == accountId).ToListAsync(cancellationToken);
        // The person's own memberships, and nothing else of the other merchants, may be removed here.
        acrossMerchants.Writing(memberships);
        foreach (var member in memberships.Where(m => m.RoleId == StaffRole.OwnerId))
        {
            if (!await db.StaffMembers.IgnoreQueryFilters().AnyAsync(m => m.MerchantId == member.MerchantId && m.RoleId == StaffRole.OwnerId && m.AccountId != accountId, cancellationToken))
            {
                throw new ConflictException("You are the last owner of a store: make someone else owner first, so the store is never locked out.");
            }
        }

        foreach (var member in memberships)
        {
            db.StaffMembers.Remove(member);
            db.OutboxMessages.Add(AccessEvent(member.MerchantId, accountId, role: null));
        }

        // Saved here, while the unit of work may act across merchants; the account goes in the next step (a crash
        // between the two leaves an account that works nowhere, and deleting it again finishes the job).
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>An open invitation, found by its token alone (the invited person has no merchant in context yet).</summary>
    public async Task<InvitationView?> OpenInvitationAsync(string? token, CancellationToken cancellationToken)
    {
        var hash = EmailedTokens.Hash(token);
        var now = clock.GetUtcNow();
        StaffInvitation? invitation;
        using (db.AcrossMerchants())
        {
            invitation = hash is null ? null : await db.StaffInvitations.IgnoreQueryFilters().AsNoTracking()
                .FirstOrDefaultAsync(i => i.TokenHash == hash && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now, cancellationToken);
        }

        if (invitation is null)
        {
            return null;
        }

        merchant.Use(invitation.MerchantId);
        var store = await db.Merchants.AsNoTracking().FirstAsync(m => m.Id == invitation.MerchantId, cancellationToken);
        var role = await FindRoleAsync(invitation.RoleId, cancellationToken) ?? StaffRole.Staff;
        return new InvitationView(invitation.Id, store.Id, store.Name, invitation.Email, role);
    }

    /// <summary>
    /// Makes the staff account a member in the invited role (the invitation is used up in the same step, so two
    /// clicks cannot both use it). Call <see cref="OpenInvitationAsync"/> first: it binds the merchant.
    /// </summary>
    public async Task<bool> AcceptAsync(InvitationView invitation, Account account, RequestOrigin origin, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.StaffInvitations.Where(i => i.Id == invitation.Id && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(update => update.SetProperty(i => i.AcceptedAt, now), cancellationToken);
        if (claimed != 1)
        {
            return false;
        }

        var existing = await db.StaffMembers.FirstOrDefaultAsync(m => m.AccountId == account.Id, cancellationToken);
        if (existing is null)
        {
            db.StaffMembers.Add(new StaffMember { AccountId = account.Id, RoleId = invitation.Role.Id, JoinedAt = now, Version = 1 });
            PublishAccess(account.Id, invitation.Role);
        }

        db.SecurityEvents.Add(new SecurityEvent
        {
            Kind = SecurityEventKind.StaffJoined,
            MerchantId = invitation.MerchantId,
            AccountId = account.Id,
            Email = account.Email,
            Detail = invitation.Role.Name,
            ClientAddress = origin.ClientAddress,
            UserAgent = origin.UserAgent,
            OccurredAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Every merchant the staff account works for (the account acts for itself here, across merchants).</summary>
    public async Task<IReadOnlyList<Membership>> MembershipsOfAsync(Guid accountId, CancellationToken cancellationToken)
    {
        using var acrossMerchants = db.AcrossMerchants();
        var rows = await db.StaffMembers.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.AccountId == accountId)
            .Join(db.Merchants, m => m.MerchantId, s => s.Id, (m, s) => new { m.MerchantId, s.Name, m.RoleId, m.JoinedAt, s.Status })
            .Where(m => m.Status == MerchantStatus.Active)
            .OrderBy(m => m.JoinedAt).ToListAsync(cancellationToken);
        var merchantIds = rows.Select(m => m.MerchantId).ToList();
        var custom = await db.CustomRoles.IgnoreQueryFilters().AsNoTracking()
            .Where(r => merchantIds.Contains(r.MerchantId)).ToListAsync(cancellationToken);
        return rows.Select(m => new Membership(m.MerchantId, m.Name,
                StaffRole.BuiltIn.FirstOrDefault(r => r.Id == m.RoleId) ?? custom.First(r => r.Id.ToString() == m.RoleId).ToRole()))
            .ToList();
    }

    private static (string Name, List<string> Permissions) ValidRole(StaffActor actor, RoleInput input)
    {
        var errors = new FieldErrors().RequireText("name", input.Name, 100);
        var permissions = (input.Permissions ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (permissions.Count == 0 || permissions.Any(p => !PlatformPermissions.All.Contains(p)))
        {
            errors.Add("permissions", $"One or more of: {string.Join(", ", PlatformPermissions.All)}.");
        }

        if (StaffRole.BuiltIn.Any(r => string.Equals(r.Name, input.Name?.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add("name", "That is the name of a built-in role.");
        }

        errors.ThrowIfAny();
        if (!actor.Holds(permissions))
        {
            throw new ForbiddenException($"You cannot grant permissions you do not have: {string.Join(", ", permissions.Where(p => actor.Role?.Permissions.Contains(p) != true))}.");
        }

        return (input.Name!.Trim(), permissions);
    }

    private static void EnsureMayGive(StaffActor actor, StaffRole role)
    {
        if (role.IsOwner && !actor.IsOwner)
        {
            throw new ForbiddenException("Only an owner can give, change or take the owner role.");
        }

        if (!actor.Holds(role.Permissions))
        {
            throw new ForbiddenException($"You cannot give the role {role.Name}: it grants permissions you do not have.");
        }
    }

    /// <summary>A store always keeps an owner, so it can never be locked out of its own administration.</summary>
    private async Task EnsureAnotherOwnerAsync(Guid leavingOwner, CancellationToken cancellationToken)
    {
        if (!await db.StaffMembers.AnyAsync(m => m.RoleId == StaffRole.OwnerId && m.AccountId != leavingOwner, cancellationToken))
        {
            throw new ConflictException("A store always keeps at least one owner: make someone else owner first.");
        }
    }

    private async Task SaveUniqueNameAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            throw RequestValidationException.For("name", "Another role already has that name.");
        }
    }

    /// <summary>Tells every service what the person may now do here (nothing, without a role), with the change.</summary>
    private void PublishAccess(Guid accountId, StaffRole? role) => db.OutboxMessages.Add(AccessEvent(merchant.RequireMerchantId(), accountId, role));

    private OutboxMessage AccessEvent(Guid merchantId, Guid accountId, StaffRole? role)
    {
        var now = clock.GetUtcNow();
        return OutboxMessage.From(new StaffAccessChanged
        {
            EventId = Guid.CreateVersion7(),
            MerchantId = merchantId,
            AggregateId = accountId,
            // The clock orders the changes of one person's access: each is a separate, committed write.
            AggregateVersion = now.UtcTicks,
            OccurredAt = now,
            IsMember = role is not null,
            Permissions = role?.Permissions ?? [],
        });
    }

    private void Record(SecurityEventKind kind, StaffActor actor, Guid? accountId, string email, string? detail) =>
        db.SecurityEvents.Add(new SecurityEvent
        {
            Kind = kind,
            MerchantId = merchant.RequireMerchantId(),
            AccountId = accountId,
            ActorAccountId = actor.AccountId,
            Email = email,
            Detail = detail is { Length: > 500 } ? detail[..500] : detail,
            OccurredAt = clock.GetUtcNow(),
        });
}
