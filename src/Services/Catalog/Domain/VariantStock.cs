using UnifiedCommerce.ServiceData;

namespace UnifiedCommerce.Catalog.Domain;

/// <summary>
/// How much of a variant there is to sell, as Inventory last said (StockLevelChanged): the staff list filters by it.
/// A copy, never the truth: Inventory decides what can be sold; this lets the catalog answer "which of my products are
/// running out" in one query, without a call per product.
/// </summary>
public sealed class VariantStock : IMerchantOwned
{
    /// <summary>At this many units or fewer a variant is running low.</summary>
    public const int LowStockThreshold = 5;

    public Guid VariantId { get; set; }
    public Guid MerchantId { get; set; }
    public Guid ProductId { get; set; }

    /// <summary>Over every location.</summary>
    public int QuantityAvailable { get; set; }

    /// <summary>When Inventory counted it: a copy only moves forward, whatever order the events arrive in.</summary>
    public DateTimeOffset AsOf { get; set; }
}

/// <summary>
/// A product's stock at a glance. OUT_OF_STOCK: no variant can be sold. LOW_STOCK: some can, but a variant is down to
/// <see cref="VariantStock.LowStockThreshold"/> units or fewer. IN_STOCK: every variant has more. A variant Inventory
/// has not counted yet has none.
/// </summary>
public enum StockState
{
    InStock,
    LowStock,
    OutOfStock,
}

/// <summary>The orders of the staff product list.</summary>
public enum ProductSort
{
    /// <summary>Newest first (the default).</summary>
    Newest,
    Oldest,
    /// <summary>By title, A to Z.</summary>
    Title,
    /// <summary>By title, Z to A.</summary>
    TitleDescending,
    /// <summary>Last edited first.</summary>
    RecentlyUpdated,
}
