using UnifiedCommerce.ServiceData;


namespace UnifiedCommerce.Catalog.Domain;

/// <summary>A node of the merchant's category tree; products in a category are listed under all its ancestors too.</summary>
public sealed class Category : IMerchantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MerchantId { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public Guid? ParentId { get; set; }
    public int SortOrder { get; set; }
}
