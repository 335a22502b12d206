using Microsoft.EntityFrameworkCore;
using Npgsql;
using UnifiedCommerce.Contracts;
using UnifiedCommerce.ServiceDefaults.Tenancy;

namespace UnifiedCommerce.ServiceDefaults.Messaging;

/// <summary>
/// Applies an integration event at most once. The event id goes into processed_events in the same transaction
/// as the change; a redelivery hits the primary key and is dropped, so at-least-once delivery never doubles an effect.
/// </summary>
public static class IdempotentConsumer
{
    public static async Task<bool> IsProcessedAsync(this TenantDbContext db, IntegrationEvent integrationEvent, CancellationToken cancellationToken) =>
        await db.ProcessedEvents.AnyAsync(processed => processed.EventId == integrationEvent.EventId, cancellationToken);

    /// <summary>
    /// Saves the consumer's change together with the processed marker. False when another delivery of the same
    /// event won the race; any other conflict propagates, so the bus retries the message.
    /// </summary>
    public static async Task<bool> SaveProcessedAsync(this TenantDbContext db, IntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        db.ProcessedEvents.Add(new ProcessedEvent
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
            return false;
        }
    }
}
