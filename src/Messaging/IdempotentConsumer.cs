using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using UnifiedCommerce.Contracts;
using UnifiedCommerce.ServiceData;

namespace UnifiedCommerce.Messaging;

/// <summary>
/// Applies an integration event at most once. The event id goes into processed_events in the same transaction
/// as the change; a redelivery hits the primary key and is dropped, so at-least-once delivery never doubles an effect.
/// A service that consumes events maps the table (<see cref="OutboxModel.MapProcessedEvents"/>).
/// </summary>
public static class IdempotentConsumer
{
    public const string MeterName = "UnifiedCommerce.Messaging";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Redeliveries dropped: a steady trickle is at-least-once delivery working; a surge is a relay or broker fault.</summary>
    private static readonly Counter<long> DuplicatesDropped = Meter.CreateCounter<long>("messaging.events.duplicates", unit: "{event}",
        description: "Integration event deliveries dropped because the event had been applied already.");

    public static async Task<bool> IsProcessedAsync(this TenantDbContext db, IntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var processed = await db.Set<ProcessedEvent>().AnyAsync(processed => processed.EventId == integrationEvent.EventId, cancellationToken);
        if (processed)
        {
            CountDuplicate(integrationEvent);
        }

        return processed;
    }

    /// <summary>
    /// Saves the consumer's change together with the processed marker. False when another delivery of the same
    /// event won the race; any other conflict propagates, so the bus retries the message.
    /// </summary>
    public static async Task<bool> SaveProcessedAsync(this TenantDbContext db, IntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        db.Set<ProcessedEvent>().Add(new ProcessedEvent
        {
            EventId = integrationEvent.EventId,
            EventType = integrationEvent.GetType().Name,
            ProcessedAt = DateTimeOffset.UtcNow,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException
        {
            SqlState: PostgresErrorCodes.UniqueViolation, TableName: "processed_events",
        })
        {
            db.ChangeTracker.Clear();
            CountDuplicate(integrationEvent);
            return false;
        }
    }

    private static void CountDuplicate(IntegrationEvent integrationEvent) =>
        DuplicatesDropped.Add(1, new KeyValuePair<string, object?>("event_type", integrationEvent.GetType().Name));
}
