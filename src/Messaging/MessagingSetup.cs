using JasperFx.CodeGeneration.Model;
using JasperFx.CodeGeneration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using UnifiedCommerce.Contracts;
using UnifiedCommerce.ServiceData;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Postgresql;
using Wolverine.RabbitMQ;

namespace UnifiedCommerce.Messaging;

/// <summary>
/// Integration events between services. A service that publishes writes its events to its own transactional outbox
/// (same database, same transaction as the data); the relay hands them to Wolverine, which carries them over
/// PostgreSQL queues in the shared <c>bus</c> database by default, or RabbitMQ when <c>Messaging:Transport</c> is
/// <c>rabbitmq</c>. The handlers are the same on both transports. Which events a service publishes and receives is
/// <see cref="EventRoutes"/>; its context maps the outbox or processed events accordingly (<see cref="OutboxModel"/>).
/// </summary>
public static class MessagingSetup
{
    /// <summary>
    /// Messages a service handles at once. Each handled message ends in a commit (the inbox's mark, the handler's own
    /// writes) that waits for the disk; one at a time, a burst (an import of ten thousand products) drains at the
    /// disk's flush rate, while concurrent commits share a flush. Handlers are written for it: they are idempotent,
    /// lock what they read-then-write, and drop deliveries older than what they hold.
    /// </summary>
    public const int HandlersInParallel = 4;

    private static readonly TimeSpan QueuePollingInterval = TimeSpan.FromMilliseconds(250);

    public static IHostApplicationBuilder AddMessaging<TContext>(this IHostApplicationBuilder builder, string serviceQueue)
        where TContext : TenantDbContext
    {
        var configuration = builder.Configuration;
        if (EventRoutes.PublishedBy(serviceQueue).Any())
        {
            builder.Services.AddSingleton<OutboxSignal>();
            builder.Services.AddSingleton<OutboxWakeUp>();
            builder.Services.ConfigureDbContext<TContext>((services, options) => options.AddInterceptors(services.GetRequiredService<OutboxWakeUp>()));
            builder.Services.Configure<OutboxOptions>(configuration.GetSection("Messaging:Outbox"));
            builder.Services.AddHostedService<OutboxRelay<TContext>>();
        }

        // Shared handlers (the copies of Identity's decisions) work on the service's own DbContext through its base type.
        builder.Services.AddScoped<TenantDbContext>(services => services.GetRequiredService<TContext>());
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource("Wolverine"));
        builder.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter("Wolverine"));

        builder.Services.AddWolverine(options =>
        {
            options.ServiceName = serviceQueue;
            // Handlers and their pre-generated code live in the service; shared handlers add their own assembly.
            options.ApplicationAssembly = typeof(TContext).Assembly;
            // Handlers resolve their dependencies from one scope per message, so the merchant context a handler
            // sets is the one its DbContext filters by.
            options.ServiceLocationPolicy = ServiceLocationPolicy.AlwaysAllowed;
            var transport = configuration["Messaging:Transport"] ?? "postgresql";
            if (string.Equals(transport, "rabbitmq", StringComparison.OrdinalIgnoreCase))
            {
                var rabbit = configuration.GetConnectionString("rabbitmq")
                    ?? throw new InvalidOperationException("Messaging:Transport is rabbitmq but ConnectionStrings:rabbitmq is not set.");
                // The durable inbox keeps received messages in the bus database until handled: RabbitMQ's ack
                // comes after that, so a crash mid-handler loses nothing.
                options.PersistMessagesWithPostgresql(BusConnection(configuration), schemaName: serviceQueue.ToLowerInvariant());
                options.UseRabbitMq(new Uri(rabbit)).AutoProvision();
                options.ListenToRabbitQueue(serviceQueue).UseDurableInbox().MaximumParallelMessages(HandlersInParallel);
                foreach (var (eventType, subscribers) in EventRoutes.PublishedBy(serviceQueue))
                {
                    foreach (var subscriber in subscribers)
                    {
                        options.PublishMessage(eventType).ToRabbitQueue(subscriber).SendInline();
                    }
                }
            }
            else
            {
                // Each service keeps its envelope tables in its own schema of the shared bus database, and logs in
                // as its own bus role. Provisioning creates the shared queue tables and grants that role all rights
                // on its own queue but only INSERT on the queues it sends to, so AutoProvision finds them current.
                options.PersistMessagesWithPostgresql(BusConnection(configuration), schemaName: serviceQueue.ToLowerInvariant())
                    .EnableMessageTransport(transportOptions => transportOptions.AutoProvision());
                // The queue is polled, up to 500 messages at a time, every 250 ms: an event reaches its handlers within a
                // fraction of a second (a changed price reaches the caches), and a burst drains as fast as the handlers go.
                // Wolverine's default (200 every 5 s) held a 10,000-product import's events for minutes.
                options.ListenToPostgresqlQueue(serviceQueue).MaximumMessagesToReceive(500).PollingInterval(QueuePollingInterval)
                    .MaximumParallelMessages(HandlersInParallel);
                // A service sends only its own events: its bus role may write to no other queue. (PostgreSQL queues
                // take no inline sends: Wolverine's durable outbox on the bus stands between the relay and the queue.)
                foreach (var (eventType, subscribers) in EventRoutes.PublishedBy(serviceQueue))
                {
                    foreach (var subscriber in subscribers)
                    {
                        options.PublishMessage(eventType).ToPostgresqlQueue(subscriber).UseDurableOutbox();
                    }
                }
            }

            // A handler that fails (a concurrent writer, a database restart) is retried with growing pauses; a message
            // that still fails lands in the dead-letter store for an operator instead of blocking the queue.
            options.Policies.OnException<Exception>()
                .RetryWithCooldown(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1))
                .Then.ScheduleRetry(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2))
                .Then.MoveToErrorQueue();

            // Handlers are generated at build time (`codegen write`) and loaded statically: no compiler at run time.
            options.CodeGeneration.TypeLoadMode = Enum.TryParse<TypeLoadMode>(configuration["Messaging:TypeLoadMode"], out var mode)
                ? mode
                : TypeLoadMode.Static;
        });
        return builder;
    }

    private static string BusConnection(IConfiguration configuration) =>
        configuration.GetConnectionString("bus")
        ?? throw new InvalidOperationException("ConnectionStrings:bus (the message bus database) is not set.");
}
