namespace UnifiedCommerce.Contracts.Catalog;

/// <summary>
/// A collection was created, changed (its text, its rules, its products or their order) or deleted. Carries what
/// the public caches need to know which pages to drop. Version 1 of the contract: add fields, never change or remove them.
/// </summary>
public sealed record CollectionChanged : IntegrationEvent
{
    public required string Slug { get; init; }

    /// <summary>manual or rules.</summary>
    public required string Kind { get; init; }
    public bool Deleted { get; init; }
}
