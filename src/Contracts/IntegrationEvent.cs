namespace UnifiedCommerce.Contracts;

/// <summary>
/// The envelope every integration event travels in. Consumers use <see cref="EventId"/> to drop duplicates
/// (delivery is at-least-once) and <see cref="AggregateVersion"/> to drop deliveries older than what they hold.
/// </summary>
public abstract record IntegrationEvent
{
    public required Guid EventId { get; init; }
    public required Guid MerchantId { get; init; }
    public required Guid AggregateId { get; init; }
    public required long AggregateVersion { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
