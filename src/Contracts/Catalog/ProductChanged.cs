namespace UnifiedCommerce.Contracts.Catalog;

/// <summary>
/// A product or any of its variants was created or changed. Carries the whole current state so that a consumer
/// never needs to call back, and a later event simply supersedes an earlier one.
/// Version 1 of the contract: add fields, never change or remove them. Fields added later are optional, so an
/// event written before them still reads.
/// </summary>
public sealed record ProductChanged : IntegrationEvent
{
    public required string Slug { get; init; }
    public required string Name { get; init; }

    /// <summary>Whether shoppers saw it when the event was written; a scheduled product changes that without an event, see <see cref="PublishAt"/>.</summary>
    public required bool IsPublished { get; init; }
    public required IReadOnlyList<ProductVariantSnapshot> Variants { get; init; }

    /// <summary>draft, active or archived.</summary>
    public string Status { get; init; } = "draft";

    /// <summary>An active product is for sale from this time (none: at once) until <see cref="UnpublishAt"/> (none: until archived).</summary>
    public DateTimeOffset? PublishAt { get; init; }
    public DateTimeOffset? UnpublishAt { get; init; }
    public string? Brand { get; init; }
    public string? ProductType { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The category breadcrumbs follow; always one of <see cref="CategoryIds"/>.</summary>
    public Guid? PrimaryCategoryId { get; init; }
    public IReadOnlyList<Guid> CategoryIds { get; init; } = [];

    /// <summary>
    /// What this change touched, so a consumer can skip what it does not care about: "created", or any of name, slug,
    /// description, brand, productType, tags, status, schedule, seo, categories, options, variants.
    /// </summary>
    public IReadOnlyList<string> Changes { get; init; } = [];
}

public sealed record ProductVariantSnapshot(Guid VariantId, string Sku, long PriceAmount, string Currency)
{
    /// <summary>The "was" price in minor units, when the variant is discounted.</summary>
    public long? CompareAtPriceAmount { get; init; }
}
