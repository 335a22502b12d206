using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UnifiedCommerce.ServiceData;
using UnifiedCommerce.ServiceDefaults.Telemetry;
using Wolverine;

namespace UnifiedCommerce.Messaging;

public sealed class OutboxOptions
{
    /// <summary>Off only in tests that prove an event survives a crash between commit and delivery.</summary>
    public bool RelayEnabled { get; set; } = true;
    public int BatchSize { get; set; } = 100;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
}

/// <summary>
/// Told of each batch of committed events the relay has claimed, before they are sent: what the events describe is
/// already true in the service's database, whether or not the bus takes them now. Called on the relay's loop, so it
/// must return at once (queue work for later; never block on the network).
/// </summary>
public interface IOutboxBatchObserver
{
    void Claimed(IReadOnlyList<OutboxMessage> batch);
}

/// <summary>
/// Hands committed outbox events to the message bus, oldest first, a batch at a time (its sends side by side, so
/// events of one batch may arrive in any order: consumers go by each event's aggregate version). Rows are claimed with FOR UPDATE SKIP LOCKED,
/// so several instances of a service share the work without sending an event twice; a failure leaves the row for
/// a later attempt with back-off. Delivery is at-least-once: a crash after the send and before marking the row
/// sends it again, and consumers drop the duplicate by its event id.
/// </summary>
public sealed class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    IEnumerable<IOutboxBatchObserver> observers,
    IOptions<OutboxOptions> options,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService
    where TContext : TenantDbContext
{
    private static readonly ActivitySource Activity = new(TelemetrySetup.SourcePrefix + ".Outbox");
    private DateTimeOffset _nextCleanup = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RelayEnabled)
        {
            logger.LogWarning("The outbox relay of {Context} is disabled: events stay in the outbox.", typeof(TContext).Name);
            return;
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            if (scope.ServiceProvider.GetRequiredService<TContext>().Model.FindEntityType(typeof(OutboxMessage)) is null)
            {
                throw new InvalidOperationException(
                    $"{typeof(TContext).Name} publishes events but has no outbox: call modelBuilder.MapOutbox() in its OnModelCreating.");
            }
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var relayed = 0;
            try
            {
                relayed = await RelayBatchAsync(stoppingToken);
                await CleanUpAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                logger.LogWarning(exception, "The outbox relay failed; it retries shortly.");
            }

            if (relayed < options.Value.BatchSize)
            {
                try
                {
                    await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task<int> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var batch = await db.Set<OutboxMessage>()
            .FromSql($"""
                SELECT * FROM outbox_messages
                WHERE dispatched_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= now())
                ORDER BY occurred_at
                LIMIT {options.Value.BatchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        foreach (var observer in observers)
        {
            observer.Claimed(batch);
        }

        using var activity = Activity.StartActivity("outbox relay");
        activity?.SetTag("messaging.batch.message_count", batch.Count);
        // Each send is a commit on the bus that waits for the disk; sent side by side, they share its flushes. Each
        // send has a bus of its own (one scope each): a message context is not shared between concurrent sends.
        var failures = new Exception?[batch.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, batch.Count),
            new ParallelOptions { MaxDegreeOfParallelism = SendsInParallel, CancellationToken = cancellationToken },
            async (index, _) =>
            {
                try
                {
                    await using var sendScope = scopes.CreateAsyncScope();
                    await sendScope.ServiceProvider.GetRequiredService<IMessageBus>().PublishAsync(batch[index].ToIntegrationEvent());
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    failures[index] = exception;
                }
            });

        var relayed = 0;
        for (var index = 0; index < batch.Count; index++)
        {
            var message = batch[index];
            if (failures[index] is not { } exception)
            {
                message.DispatchedAt = DateTimeOffset.UtcNow;
                relayed++;
                continue;
            }

            message.Attempts++;
            message.LastError = exception.Message.Length > 2000 ? exception.Message[..2000] : exception.Message;
            message.NextAttemptAt = DateTimeOffset.UtcNow + Backoff(message.Attempts);
            logger.LogWarning(exception, "Outbox message {MessageId} ({Type}) failed to send, attempt {Attempt}.",
                message.Id, message.MessageType, message.Attempts);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return relayed;
    }

    /// <summary>Sends of one batch on their way at once.</summary>
    private const int SendsInParallel = 4;

    private static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, Math.Min(attempts, 9))));

    private async Task CleanUpAsync(CancellationToken cancellationToken)
    {
        if (DateTimeOffset.UtcNow < _nextCleanup)
        {
            return;
        }

        _nextCleanup = DateTimeOffset.UtcNow.AddHours(1);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var cutoff = DateTimeOffset.UtcNow - options.Value.Retention;
        await db.Set<OutboxMessage>().Where(message => message.DispatchedAt != null && message.DispatchedAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
    }
}
