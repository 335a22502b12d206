namespace UnifiedCommerce.Identity.Domain;

/// <summary>
/// An API client a merchant deleted. Its tokens outlive it by up to their lifetime, so Identity keeps the deletion
/// and refuses them at once; every other service learns it from the ApiClientRevoked event that commits with it.
/// </summary>
public sealed class RevokedApiClient
{
    public string ClientId { get; set; } = "";
    public Guid MerchantId { get; set; }
    public DateTimeOffset RevokedAt { get; set; }
}
