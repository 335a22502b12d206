namespace UnifiedCommerce.PlatformApi;

/// <summary>
/// The fine-grained permissions of the platform, granted to API clients as OAuth scopes (and to staff roles).
/// Every service checks the ones its operations need; a permission not listed here cannot be granted.
/// </summary>
public static class Permissions
{
    public const string ProductsRead = "products:read";
    public const string ProductsWrite = "products:write";
    public const string InventoryRead = "inventory:read";
    public const string InventoryWrite = "inventory:write";
    public const string CustomersRead = "customers:read";
    public const string CustomersWrite = "customers:write";

    /// <summary>Invite and remove staff, define roles and give them to staff.</summary>
    public const string StaffManage = "staff:manage";

    /// <summary>Read the merchant's security events (sign-ins, lockouts, role changes).</summary>
    public const string SecurityRead = "security:read";

    /// <summary>What a merchant can grant: every permission acts inside one merchant's data.</summary>
    public static readonly IReadOnlyList<string> All =
        [ProductsRead, ProductsWrite, InventoryRead, InventoryWrite, CustomersRead, CustomersWrite, StaffManage, SecurityRead];

    /// <summary>
    /// The platform operators' permission: create, suspend and reactivate merchants and issue their first
    /// credentials. It belongs to no merchant, so no merchant can grant it and it reads no merchant's data.
    /// </summary>
    public const string PlatformAdminister = "platform:administer";
}
