using UnifiedCommerce.ServiceData;

namespace UnifiedCommerce.Catalog.Domain;

/// <summary>How a collection finds its products: listed by hand in an order, or every product its rules match.</summary>
public enum CollectionKind
{
    Manual,
    Rules,
}

/// <summary>Whether a rule collection needs every condition to hold, or one.</summary>
public enum RuleMatch
{
    All,
    Any,
}

/// <summary>What a condition looks at: price is the lowest variant price, compareAt whether any variant is on sale.</summary>
public enum RuleField
{
    Tag,
    Brand,
    ProductType,
    Price,
    CompareAt,
    Category,
    Title,
}

public enum RuleOperator
{
    Equals,
    NotEquals,
    LessThan,
    GreaterThan,
    Contains,
}

/// <summary>One condition of a rule collection, e.g. tag equals "summer" or price lessThan 5000.</summary>
public sealed class RuleCondition
{
    public RuleField Field { get; set; }
    public RuleOperator Operator { get; set; }

    /// <summary>As the merchant wrote it, normalised: a tag lower case, a price in minor units, a category's id, true/false for compareAt.</summary>
    public required string Value { get; set; }
}

/// <summary>
/// A merchant's collection of products for the storefront ("Summer sale", "New in"). A manual collection lists its
/// products in <see cref="CollectionProduct"/> rows in the merchant's order; a rule collection stores only its
/// conditions and is evaluated when read, so it is never out of date. Every change bumps <see cref="Version"/>.
/// </summary>
public sealed class Collection : IMerchantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MerchantId { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }

    /// <summary>Rich text as HTML, sanitised on the way in like a product's (<see cref="ProductDescription"/>).</summary>
    public string Description { get; set; } = "";
    public CollectionKind Kind { get; set; }
    public RuleMatch Match { get; set; }
    public List<RuleCondition> Conditions { get; set; } = [];
    public long Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
}

/// <summary>A product listed in a manual collection, at its position (from 0).</summary>
public sealed class CollectionProduct : IMerchantOwned
{
    public Guid MerchantId { get; set; }
    public Guid CollectionId { get; set; }
    public Guid ProductId { get; set; }
    public int Position { get; set; }
}
