using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using UnifiedCommerce.Contracts.Identity;
using UnifiedCommerce.Identity.Data;
using UnifiedCommerce.Identity.Domain;
using UnifiedCommerce.Messaging;
using UnifiedCommerce.PlatformApi;
using UnifiedCommerce.ServiceDefaults.Http;
using PlatformPermissions = UnifiedCommerce.PlatformApi.Permissions;

namespace UnifiedCommerce.Identity.Application;

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
public sealed partial class StaffDirectory(IdentityDbContext db, MerchantContext merchant, AccountLinks links, TimeProvider clock)
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);

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

    internal static void EnsureMayGive(StaffActor actor, StaffRole role)
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
