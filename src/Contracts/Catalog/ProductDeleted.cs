namespace UnifiedCommerce.Contracts.Catalog;

/// <summary>
/// A product and its variants were deleted (only drafts and archived products can be). Version 1 of the contract:
/// add fields, never change or remove them.
/// </summary>
public sealed record ProductDeleted : IntegrationEvent
{
    public required string Slug { get; init; }
    public required IReadOnlyList<Guid> VariantIds { get; init; }
    public required IReadOnlyList<string> Skus { get; init; }
}
