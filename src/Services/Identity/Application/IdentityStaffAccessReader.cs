using Microsoft.EntityFrameworkCore;
using UnifiedCommerce.Identity.Data;
using UnifiedCommerce.Identity.Domain;
using UnifiedCommerce.PlatformApi;

namespace UnifiedCommerce.Identity.Application;

/// <summary>Identity knows staff roles first-hand: a staff member's permissions now, or none once removed.</summary>
public sealed class IdentityStaffAccessReader(IdentityDbContext db) : IStaffAccessReader
{
    public async Task<IReadOnlySet<string>?> CurrentPermissionsAsync(Guid merchantId, Guid accountId, CancellationToken cancellationToken)
    {
        // Asked before the request's own merchant is trusted, for the merchant the token names.
        using var acrossMerchants = db.AcrossMerchants();
        var roleId = await db.StaffMembers.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.MerchantId == merchantId && m.AccountId == accountId).Select(m => m.RoleId).FirstOrDefaultAsync(cancellationToken);
        if (roleId is null)
        {
            return new HashSet<string>();
        }

        if (StaffRole.BuiltIn.FirstOrDefault(r => r.Id == roleId) is { } builtIn)
        {
            return builtIn.Permissions.ToHashSet();
        }

        var customId = Guid.TryParse(roleId, out var id) ? id : Guid.Empty;
        var custom = await db.CustomRoles.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.MerchantId == merchantId && r.Id == customId).Select(r => r.Permissions).FirstOrDefaultAsync(cancellationToken);
        return (custom ?? []).ToHashSet();
    }
}
