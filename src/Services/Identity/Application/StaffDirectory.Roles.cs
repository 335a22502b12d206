using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using UnifiedCommerce.Contracts.Identity;
using UnifiedCommerce.Identity.Data;
using UnifiedCommerce.Identity.Domain;
using UnifiedCommerce.ServiceDefaults.Http;
using PlatformPermissions = UnifiedCommerce.PlatformApi.Permissions;

namespace UnifiedCommerce.Identity.Application;

/// <summary>Roles: the built-in ones and the store's own, which staff define, change and delete within what they hold themselves.</summary>
public sealed partial class StaffDirectory
{
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

    internal static (string Name, List<string> Permissions) ValidRole(StaffActor actor, RoleInput input)
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
}
