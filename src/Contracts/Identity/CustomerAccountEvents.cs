namespace UnifiedCommerce.Contracts.Identity;

/// <summary>
/// A shopper created an account at a store. The aggregate id is the account id (the subject of the shopper's
/// tokens), the merchant id the store's; version 1. The Customers service makes the profile from it.
/// Version 1 of the contract: add fields, never change or remove them.
/// </summary>
public sealed record CustomerRegistered : IntegrationEvent
{
    public required string Email { get; init; }

    /// <summary>The name given at sign-up, if any.</summary>
    public string? Name { get; init; }
}

/// <summary>
/// A shopper deleted their account (aggregate id: the account id; a version above every earlier event of the
/// account). Everything about the person goes: consumers delete what they keep and ignore any later, older event.
/// </summary>
public sealed record CustomerAccountDeleted : IntegrationEvent;
