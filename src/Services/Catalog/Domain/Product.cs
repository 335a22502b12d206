using UnifiedCommerce.ServiceData;


namespace UnifiedCommerce.Catalog.Domain;

/// <summary>Where a product is in its life: drafts and archived products are the merchant's own, active ones are for sale.</summary>
public enum ProductStatus
{
    Draft,
    Active,
    Archived,
}

/// <summary>
/// A product and its variants form one aggregate: they change together, and every change bumps
/// <see cref="Version"/> (the optimistic concurrency token and the version carried by ProductChanged).
/// </summary>
public sealed class Product : IMerchantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MerchantId { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }

    /// <summary>Rich text as HTML, already sanitised on the way in (<see cref="ProductDescription"/>).</summary>
    public string Description { get; set; } = "";
    public string? Brand { get; set; }
    public string? ProductType { get; set; }
    public List<string> Tags { get; set; } = [];
    public ProductStatus Status { get; set; }

    /// <summary>An active product is for sale from this time (none: at once) ...</summary>
    public DateTimeOffset? PublishAt { get; set; }

    /// <summary>... until this time (none: until archived). Reads compare both with the clock, so no job runs at either.</summary>
    public DateTimeOffset? UnpublishAt { get; set; }
    public string? SeoTitle { get; set; }
    public string? SeoDescription { get; set; }

    /// <summary>The primary category: breadcrumbs follow it. Always one of <see cref="CategoryIds"/> when set.</summary>
    public Guid? CategoryId { get; set; }

    /// <summary>Every category the product is listed in, the primary first.</summary>
    public List<Guid> CategoryIds { get; set; } = [];

    /// <summary>Up to three options (Size, Colour), each with its values in display order.</summary>
    public List<ProductOption> Options { get; set; } = [];
    public long Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
    public List<ProductVariant> Variants { get; set; } = [];

    /// <summary>The lowest variant price: what a listing shows as "from".</summary>
    public Money PriceFrom => Variants.Count == 0
        ? new Money(0, "USD")
        : Variants.OrderBy(variant => variant.PriceAmount).Select(variant => variant.Price).First();

    /// <summary>Whether shoppers see the product at <paramref name="now"/>: active, and inside its publishing window.</summary>
    public bool IsPublishedAt(DateTimeOffset now) =>
        Status == ProductStatus.Active && (PublishAt is null || PublishAt <= now) && (UnpublishAt is null || now < UnpublishAt);
}

public sealed class ProductVariant : IMerchantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MerchantId { get; set; }
    public Guid ProductId { get; set; }
    public required string Sku { get; set; }
    public required string Title { get; set; }
    public string? Barcode { get; set; }
    public List<OptionValue> Options { get; set; } = [];
    public long PriceAmount { get; set; }

    /// <summary>The "was" price a storefront shows struck through; never below the price.</summary>
    public long? CompareAtPriceAmount { get; set; }

    /// <summary>What the merchant pays for one: staff only, never shown to shoppers.</summary>
    public long? CostAmount { get; set; }
    public required string Currency { get; set; }
    public int? WeightGrams { get; set; }

    /// <summary>The variant's position among its product's variants, from 0.</summary>
    public int SortOrder { get; set; }

    /// <summary>The image that shows this variant: one of its product's media (deleting the media clears it).</summary>
    public Guid? ImageId { get; set; }

    public Money Price => new(PriceAmount, Currency);
    public Money? CompareAtPrice => CompareAtPriceAmount is { } amount ? new Money(amount, Currency) : null;
    public Money? Cost => CostAmount is { } amount ? new Money(amount, Currency) : null;
}

/// <summary>One chosen option of a variant, e.g. Size = M.</summary>
public sealed record OptionValue(string Name, string Value);

/// <summary>An option of a product (e.g. Size) and the values its variants choose from, in display order.</summary>
public sealed class ProductOption
{
    public required string Name { get; set; }
    public List<string> Values { get; set; } = [];
}

/// <summary>Integer minor units (cents) and an ISO 4217 code: no floating point anywhere near money.</summary>
public sealed record Money(long Amount, string Currency)
{
    /// <summary>
    /// The largest amount the catalog accepts: 10^13 - 1 minor units (about 100 billion in a two-decimal currency).
    /// Far below 2^53, so a JavaScript number carries every amount exactly.
    /// </summary>
    public const long MaxAmount = 9_999_999_999_999;

    public const string MaxAmountText = "9,999,999,999,999";
}
