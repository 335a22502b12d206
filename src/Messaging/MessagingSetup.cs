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
                options.ListenToRabbitQueue(serviceQueue).UseDurableInbox();
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
                options.ListenToPostgresqlQueue(serviceQueue).MaximumMessagesToReceive(200);
                // A service sends only its own events: its bus role may write to no other queue.
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
