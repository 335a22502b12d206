namespace UnifiedCommerce.Contracts;

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

    public static readonly IReadOnlyList<string> All = [ProductsRead, ProductsWrite, InventoryRead, InventoryWrite];
}
