namespace UnifiedCommerce.Contracts.Inventory;

/// <summary>
/// What a variant has available to sell changed (a stock take, later reservations and shipments). The aggregate is
/// the stock row of the variant at a location; <see cref="QuantityAvailable"/> is the variant's total over every
/// location after the change. Version 1 of the contract: add fields, never change or remove them.
/// </summary>
public sealed record StockLevelChanged : IntegrationEvent
{
    public required Guid ProductId { get; init; }
    public required Guid VariantId { get; init; }
    public required int QuantityAvailable { get; init; }
}
