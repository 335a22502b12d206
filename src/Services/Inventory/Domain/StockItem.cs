using UnifiedCommerce.ServiceData;


namespace UnifiedCommerce.Inventory.Domain;

/// <summary>A place that holds stock: a warehouse, a store, a supplier's drop-ship location.</summary>
public sealed class Location : IMerchantOwned
{
    public const string DefaultCode = "default";

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MerchantId { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
}

/// <summary>
/// The stock of one variant at one location. Quantities never go below zero (checked by the database too), and
/// <see cref="Version"/> guards concurrent writers.
/// </summary>
public sealed class StockItem : IMerchantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MerchantId { get; set; }
    public Guid VariantId { get; set; }
    public Guid ProductId { get; set; }
    public Guid LocationId { get; set; }
    public string Sku { get; set; } = "";
    public int OnHand { get; set; }
    public int Reserved { get; set; }
    public long Version { get; set; }

    /// <summary>The catalog version this row last reflected; older ProductChanged deliveries are ignored.</summary>
    public long CatalogVersion { get; set; }

    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;

    public int Available => Math.Max(0, OnHand - Reserved);
}
