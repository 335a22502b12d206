namespace UnifiedCommerce.Contracts.Catalog;

/// <summary>
/// A product or any of its variants was created or changed. Carries the whole current state so that a consumer
/// never needs to call back, and a later event simply supersedes an earlier one.
/// Version 1 of the contract: add fields, never change or remove them.
/// </summary>
public sealed record ProductChanged : IntegrationEvent
{
    public required string Slug { get; init; }
    public required string Name { get; init; }
    public required bool IsPublished { get; init; }
    public required IReadOnlyList<ProductVariantSnapshot> Variants { get; init; }
}

public sealed record ProductVariantSnapshot(Guid VariantId, string Sku, long PriceAmount, string Currency);
