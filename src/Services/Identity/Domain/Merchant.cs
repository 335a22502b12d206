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

/// <summary>
/// A host name a merchant's storefront answers on, with the port when it is not the scheme's default (local runs:
/// <c>localhost:3000</c>); a host name belongs to at most one merchant, whatever the port.
/// </summary>
public sealed class StorefrontHost
{
    /// <summary>The host name, lower case, without port or trailing dot.</summary>
    public required string Host { get; set; }

    public int? Port { get; set; }
    public Guid MerchantId { get; set; }

    /// <summary>The host as registered and as it appears in the storefront's addresses: <c>name</c> or <c>name:port</c>.</summary>
    public string Authority => Port is { } port ? $"{Host}:{port.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : Host;
}
