using UnifiedCommerce.ServiceData;

namespace UnifiedCommerce.Catalog.Domain;

/// <summary>
/// An image of a product, stored once as the merchant uploaded it (re-encoded, without its metadata) and served in
/// renditions of fixed widths. Media change on their own: they do not bump the product's version, so an editor's
/// open form stays valid while images are uploaded, but they do announce themselves (ProductChanged, "media").
/// </summary>
public sealed class ProductMedia : IMerchantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MerchantId { get; set; }
    public Guid ProductId { get; set; }

    /// <summary>Its place among the product's media, from 0: the first is the product's main image.</summary>
    public int Position { get; set; }

    /// <summary>What the image shows, for shoppers who cannot see it; empty when the merchant wrote none.</summary>
    public string Alt { get; set; } = "";
    public required string ContentType { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public long ByteSize { get; set; }

    /// <summary>Where the stored original is (<see cref="MediaKeys"/>): always under its merchant's own prefix.</summary>
    public required string StorageKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}
