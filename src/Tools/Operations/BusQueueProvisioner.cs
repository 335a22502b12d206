using System.Reflection;
using Npgsql;
using UnifiedCommerce.Contracts;
using UnifiedCommerce.Hosting;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;
using Wolverine.Postgresql.Transport;

namespace UnifiedCommerce.Operations;

/// <summary>
/// Creates the PostgreSQL transport's queue tables in the bus database, as the <c>bus</c> role, and grants each
/// service's bus role exactly what its traffic needs: every row right on its own queue (it receives, deletes and
/// reschedules there) and INSERT on the queues of its own events' subscribers. Nobody but <c>bus</c> may drop a
/// queue or touch another service's messages. The tables come from the transport's own definitions, so a service's
/// AutoProvision finds them current and issues no DDL (which its role could not run).
/// </summary>
public static class BusQueueProvisioner
{
    private static readonly string[] QueueTableProperties = ["QueueTable", "ScheduledTable"];

    public static async Task ProvisionAsync(LocalPostgresCluster cluster, CancellationToken cancellationToken)
    {
        var schema = PlatformDatabases.QueueSchema;
        var transport = new PostgresqlTransport { TransportSchemaName = schema };
        await using var bus = new NpgsqlConnection(cluster.ConnectionString(PlatformDatabases.Bus, PlatformDatabases.Bus));
        await bus.OpenAsync(cancellationToken);

        var tablesByQueue = EventRoutes.Services.ToDictionary(queue => queue, queue => TablesOf(new PostgresqlQueue(queue, transport)));
        foreach (var table in tablesByQueue.Values.SelectMany(tables => tables))
        {
            await table.ApplyChangesAsync(bus, cancellationToken);
        }

        foreach (var service in EventRoutes.Services)
        {
            var role = PlatformDatabases.BusRole(service);
            var grants = new List<string>
            {
                // Start from nothing, so a route that went away takes its right with it.
                $"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {role}",
                $"GRANT USAGE ON SCHEMA {schema} TO {role}",
            };
            grants.AddRange(tablesByQueue[service].Select(table => $"GRANT SELECT, INSERT, UPDATE, DELETE ON {table.Identifier.QualifiedName} TO {role}"));
            grants.AddRange(EventRoutes.QueuesSentToBy(service).Where(queue => queue != service)
                .SelectMany(queue => tablesByQueue[queue])
                .Select(table => $"GRANT INSERT ON {table.Identifier.QualifiedName} TO {role}"));
            await using var command = new NpgsqlCommand(string.Join(";\n", grants), bus);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>The transport keeps its table definitions to itself; reading them keeps these tables identical to
    /// what the transport would create.</summary>
    private static Table[] TablesOf(PostgresqlQueue queue) =>
        QueueTableProperties.Select(name =>
            typeof(PostgresqlQueue).GetProperty(name, BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(queue) as Table
            ?? throw new InvalidOperationException($"The PostgreSQL transport no longer exposes its {name} definition; update the bus provisioning."))
        .ToArray();
}
