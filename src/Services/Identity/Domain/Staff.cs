using UnifiedCommerce.ServiceData;
using PlatformPermissions = UnifiedCommerce.PlatformApi.Permissions;

namespace UnifiedCommerce.Identity.Domain;

/// <summary>
/// A set of permissions staff can be given. The three built-in roles are defined here, in code, so they follow
/// the platform's permission list as it grows; merchants add custom roles of their own (<see cref="CustomRole"/>).
/// </summary>
public sealed record StaffRole(string Id, string Name, IReadOnlyList<string> Permissions, bool IsBuiltIn)
{
    public const string OwnerId = "owner";
    public const string AdministratorId = "administrator";
    public const string StaffId = "staff";

    /// <summary>Everything, including managing the owners; a store always keeps at least one.</summary>
    public static readonly StaffRole Owner = new(OwnerId, "Owner", PlatformPermissions.All, IsBuiltIn: true);

    /// <summary>Everything except touching the owners.</summary>
    public static readonly StaffRole Administrator = new(AdministratorId, "Administrator", PlatformPermissions.All, IsBuiltIn: true);

    /// <summary>Day-to-day work that reads the catalog, stock and customers.</summary>
    public static readonly StaffRole Staff = new(StaffId, "Staff",
        [PlatformPermissions.ProductsRead, PlatformPermissions.InventoryRead, PlatformPermissions.CustomersRead], IsBuiltIn: true);

    public static readonly IReadOnlyList<StaffRole> BuiltIn = [Owner, Administrator, Staff];

    public bool IsOwner => Id == OwnerId;
}

/// <summary>A merchant's own role: a name and the permissions it grants.</summary>
public sealed class CustomRole : IMerchantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MerchantId { get; set; }
    public required string Name { get; set; }
    public List<string> Permissions { get; set; } = [];
    public long Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public StaffRole ToRole() => new(Id.ToString(), Name, Permissions, IsBuiltIn: false);
}

/// <summary>
/// A person working for a merchant, in one role. Staff accounts are platform-wide (an <see cref="Account"/>
/// without a store); this row is what ties one to a merchant, so a person can work for several.
/// </summary>
public sealed class StaffMember : IMerchantOwned
{
    public Guid MerchantId { get; set; }
    public Guid AccountId { get; set; }

    /// <summary>A built-in role's id ("owner", "administrator", "staff") or a custom role's id.</summary>
    public required string RoleId { get; set; }

    public DateTimeOffset JoinedAt { get; set; }
    public long Version { get; set; }
}

/// <summary>An invitation to work for a merchant in a role, sent by email; single use, expiring. Only its token's hash is kept.</summary>
public sealed class StaffInvitation : IMerchantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MerchantId { get; set; }
    public required string Email { get; set; }
    public required string NormalizedEmail { get; set; }
    public required string RoleId { get; set; }
    public required byte[] TokenHash { get; set; }

    /// <summary>The staff account that invited; null when the platform's operators invited the first owner.</summary>
    public Guid? InvitedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsOpenAt(DateTimeOffset now) => AcceptedAt is null && RevokedAt is null && ExpiresAt > now;
}
