namespace UnifiedCommerce.Identity.Domain;

public enum MerchantStatus
{
    Active,
    Suspended,
}

/// <summary>
/// A tenant of the platform. Not merchant-owned itself: it is the owner. Every change bumps
/// <see cref="Version"/> (the optimistic concurrency token and the version carried by MerchantChanged).
/// </summary>
public sealed class Merchant
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string DefaultCurrency { get; set; }
    public MerchantStatus Status { get; set; }
    public string? SuspensionReason { get; set; }
    public long Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
    public List<StorefrontHost> Hosts { get; set; } = [];
}

/// <summary>A host name a merchant's storefront answers on; a host belongs to at most one merchant.</summary>
public sealed class StorefrontHost
{
    public required string Host { get; set; }
    public Guid MerchantId { get; set; }
}
