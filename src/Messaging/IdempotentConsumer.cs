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
        if (await db.SaveProcessedAsync([integrationEvent], cancellationToken))
        {
            return true;
        }

        CountDuplicate(integrationEvent);
        return false;
    }

    /// <summary>The events of a batch (each once) that have not been applied yet, read at once; the others count as duplicates.</summary>
    public static async Task<List<TEvent>> UnprocessedAsync<TEvent>(this TenantDbContext db, IEnumerable<TEvent> events, CancellationToken cancellationToken)
        where TEvent : IntegrationEvent
    {
        var distinct = events.DistinctBy(integrationEvent => integrationEvent.EventId).ToList();
        var ids = distinct.Select(integrationEvent => integrationEvent.EventId).ToList();
        var processed = (await db.Set<ProcessedEvent>().Where(processed => ids.Contains(processed.EventId))
            .Select(processed => processed.EventId).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var duplicate in distinct.Where(integrationEvent => processed.Contains(integrationEvent.EventId)))
        {
            CountDuplicate(duplicate);
        }

        return distinct.Where(integrationEvent => !processed.Contains(integrationEvent.EventId)).ToList();
    }

    /// <summary>
    /// Saves the consumer's change to a batch of events together with their processed markers, in one transaction.
    /// False, with nothing saved and the context cleared, when another delivery of one of them won the race: the
    /// caller then applies them one at a time. Any other conflict propagates, so the bus retries the batch.
    /// </summary>
    public static async Task<bool> SaveProcessedAsync(this TenantDbContext db, IReadOnlyCollection<IntegrationEvent> events, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        db.Set<ProcessedEvent>().AddRange(events.Select(integrationEvent => new ProcessedEvent
        {
            EventId = integrationEvent.EventId,
            EventType = integrationEvent.GetType().Name,
            ProcessedAt = now,
        }));
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
            return false;
        }
    }

    private static void CountDuplicate(IntegrationEvent integrationEvent) =>
        DuplicatesDropped.Add(1, new KeyValuePair<string, object?>("event_type", integrationEvent.GetType().Name));
}
