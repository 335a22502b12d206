namespace UnifiedCommerce.ServiceData;

/// <summary>Thrown when code tries to read or write a row of a merchant other than the one in context.</summary>
public sealed class CrossTenantAccessException(string message) : Exception(message);

/// <summary>Every tenant-owned entity carries the merchant it belongs to.</summary>
public interface IMerchantOwned
{
    Guid MerchantId { get; set; }
}
