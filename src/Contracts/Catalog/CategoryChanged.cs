namespace UnifiedCommerce.Contracts.Catalog;

/// <summary>
/// A category was created, renamed, moved (its siblings' order with it) or deleted. Products it listed that changed
/// with it carry their own ProductChanged. Version 1 of the contract: add fields, never change or remove them.
/// </summary>
public sealed record CategoryChanged : IntegrationEvent
{
    public required string Slug { get; init; }
    public Guid? ParentId { get; init; }
    public bool Deleted { get; init; }
}
