using UnifiedCommerce.ServiceData;


namespace UnifiedCommerce.Catalog.Domain;

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
    public string Description { get; set; } = "";
    public Guid? CategoryId { get; set; }
    public bool IsPublished { get; set; }
    public long Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
    public List<ProductVariant> Variants { get; set; } = [];

    /// <summary>The lowest variant price: what a listing shows as "from".</summary>
    public Money PriceFrom => Variants.Count == 0
        ? new Money(0, "USD")
        : Variants.OrderBy(variant => variant.PriceAmount).Select(variant => variant.Price).First();
}

public sealed class ProductVariant : IMerchantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MerchantId { get; set; }
    public Guid ProductId { get; set; }
    public required string Sku { get; set; }
    public required string Title { get; set; }
    public List<OptionValue> Options { get; set; } = [];
    public long PriceAmount { get; set; }
    public required string Currency { get; set; }
    public int SortOrder { get; set; }

    public Money Price => new(PriceAmount, Currency);
}

/// <summary>One chosen option of a variant, e.g. Size = M.</summary>
public sealed record OptionValue(string Name, string Value);

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
