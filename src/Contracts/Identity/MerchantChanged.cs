namespace UnifiedCommerce.Contracts.Identity;

/// <summary>
/// A merchant was created, renamed, moved to other host names, suspended or reactivated. Carries the whole
/// current state; the aggregate id is the merchant id. Version 1 of the contract: add fields, never change or remove them.
/// </summary>
public sealed record MerchantChanged : IntegrationEvent
{
    public required string Name { get; init; }
    public required string DefaultCurrency { get; init; }
    public required bool IsSuspended { get; init; }
    public required IReadOnlyList<string> Hosts { get; init; }
}
