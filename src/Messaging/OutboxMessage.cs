using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using UnifiedCommerce.Contracts;

namespace UnifiedCommerce.Messaging;

/// <summary>
/// An integration event waiting in the service's own database to be handed to the message bus. It is written in
/// the same transaction as the change it describes, so a crash can delay an event but never lose it.
/// </summary>
public sealed class OutboxMessage
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Guid Id { get; private set; }
    public string MessageType { get; private set; } = "";
    public string Payload { get; private set; } = "";
    public Guid MerchantId { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public DateTimeOffset? DispatchedAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public string? LastError { get; set; }

    public static OutboxMessage From(IntegrationEvent integrationEvent) => new()
    {
        Id = integrationEvent.EventId,
        MessageType = integrationEvent.GetType().FullName!,
        Payload = JsonSerializer.Serialize(integrationEvent, integrationEvent.GetType(), Json),
        MerchantId = integrationEvent.MerchantId,
        OccurredAt = integrationEvent.OccurredAt,
    };

    /// <summary>Only event types declared in Contracts can be revived: the payload never names arbitrary types.</summary>
    public IntegrationEvent ToIntegrationEvent()
    {
        var type = typeof(IntegrationEvent).Assembly.GetType(MessageType, throwOnError: false);
        if (type is null || !typeof(IntegrationEvent).IsAssignableFrom(type))
        {
            throw new InvalidOperationException($"Outbox message {Id} names an unknown event type '{MessageType}'.");
        }

        return (IntegrationEvent)(JsonSerializer.Deserialize(Payload, type, Json)
            ?? throw new InvalidOperationException($"Outbox message {Id} has an empty payload."));
    }
}

/// <summary>An integration event a consumer has already applied; its primary key makes redelivery harmless.</summary>
public sealed class ProcessedEvent
{
    public Guid EventId { get; set; }
    public string EventType { get; set; } = "";
    public DateTimeOffset ProcessedAt { get; set; }
}

/// <summary>
/// The tables a service's own context maps for messaging: the outbox when it publishes events, processed events
/// when it consumes them. A service that does neither holds neither.
/// </summary>
public static class OutboxModel
{
    public static void MapOutbox(this ModelBuilder modelBuilder) => modelBuilder.Entity<OutboxMessage>(outbox =>
    {
        outbox.ToTable("outbox_messages");
        outbox.HasKey(message => message.Id);
        outbox.Property(message => message.MessageType).HasMaxLength(300);
        outbox.Property(message => message.Payload).HasColumnType("jsonb");
        outbox.Property(message => message.LastError).HasMaxLength(2000);
        outbox.HasIndex(message => message.OccurredAt).HasFilter("dispatched_at IS NULL").HasDatabaseName("ix_outbox_messages_pending");
    });

    public static void MapProcessedEvents(this ModelBuilder modelBuilder) => modelBuilder.Entity<ProcessedEvent>(processed =>
    {
        processed.ToTable("processed_events");
        processed.HasKey(message => message.EventId);
        processed.Property(message => message.EventType).HasMaxLength(300);
    });
}
