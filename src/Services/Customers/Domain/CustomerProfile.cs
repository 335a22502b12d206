using UnifiedCommerce.ServiceData;


namespace UnifiedCommerce.Customers.Domain;

/// <summary>
/// A shopper's profile at one store. Its id is the shopper's account id in Identity (the subject of their tokens),
/// so a token finds its own profile without a lookup. <see cref="Version"/> guards concurrent writers.
/// </summary>
public sealed class CustomerProfile : IMerchantOwned
{
    public const int MaxNameLength = 200;
    public const int MaxPhoneLength = 20;
    public const int MaxEmailLength = 254;

    public Guid Id { get; set; }
    public Guid MerchantId { get; set; }
    public required string Email { get; set; }
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }
}

/// <summary>
/// What is left of a deleted shopper: the account id and nothing personal. It stops a late or redelivered
/// registration from bringing the profile back.
/// </summary>
public sealed class DeletedCustomer : IMerchantOwned
{
    public Guid Id { get; set; }
    public Guid MerchantId { get; set; }
    public DateTimeOffset DeletedAt { get; set; }
}
