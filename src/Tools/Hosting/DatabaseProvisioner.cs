using Npgsql;

namespace UnifiedCommerce.Hosting;

/// <summary>
/// Creates the platform's roles and databases, idempotently. Each service gets an owner role (owns its
/// database and tables, runs migrations) and an app role that may connect to that database only and read and
/// write rows there, nothing else: it owns no table, so row-level security binds it.
/// </summary>
public sealed class DatabaseProvisioner(LocalPostgresCluster cluster)
{
    public async Task ProvisionAsync(Action<string> log, CancellationToken cancellationToken = default)
    {
        await using var admin = new NpgsqlConnection(cluster.ConnectionString("postgres"));
        await admin.OpenAsync(cancellationToken);

        await EnsureRoleAsync(admin, PlatformDatabases.Bus, cancellationToken);
        await EnsureDatabaseAsync(admin, PlatformDatabases.Bus, PlatformDatabases.Bus, log, cancellationToken);
        await ProvisionBusRolesAsync(admin, cancellationToken);

        foreach (var service in PlatformDatabases.Services)
        {
            var owner = PlatformDatabases.OwnerRole(service);
            var app = PlatformDatabases.AppRole(service);
            await EnsureRoleAsync(admin, owner, cancellationToken);
            await EnsureRoleAsync(admin, app, cancellationToken);
            await EnsureDatabaseAsync(admin, service, owner, log, cancellationToken);
            await ExecuteAsync(admin, ServiceDatabaseGrants(service, service), cancellationToken);

            await using var database = new NpgsqlConnection(cluster.ConnectionString(service));
            await database.OpenAsync(cancellationToken);
            await ExecuteAsync(database, $"""
                REVOKE CREATE ON SCHEMA public FROM PUBLIC;
                GRANT USAGE ON SCHEMA public TO {app};
                ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {app};
                ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {app};
                GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {app};
                GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {app};
                """, cancellationToken);
        }
    }

    /// <summary>
    /// Each service logs in to the bus database as its own role, which owns the service's schema there (Wolverine's
    /// envelope tables) and nothing else; the shared queue schema stays the <c>bus</c> role's. A data folder from
    /// before this rule has those schemas owned by <c>bus</c>: their ownership moves to the service's role.
    /// </summary>
    private async Task ProvisionBusRolesAsync(NpgsqlConnection admin, CancellationToken cancellationToken)
    {
        var bus = PlatformDatabases.Bus;
        foreach (var service in PlatformDatabases.Services)
        {
            await EnsureRoleAsync(admin, PlatformDatabases.BusRole(service), cancellationToken);
        }

        await ExecuteAsync(admin, BusDatabaseGrants(bus), cancellationToken);
        await using var database = new NpgsqlConnection(cluster.ConnectionString(bus));
        await database.OpenAsync(cancellationToken);
        await ExecuteAsync(database, $"""
            REVOKE CREATE ON SCHEMA public FROM PUBLIC;
            CREATE SCHEMA IF NOT EXISTS {PlatformDatabases.QueueSchema} AUTHORIZATION {bus};
            ALTER SCHEMA {PlatformDatabases.QueueSchema} OWNER TO {bus};
            """, cancellationToken);
        foreach (var service in PlatformDatabases.Services)
        {
            var role = PlatformDatabases.BusRole(service);
            await ExecuteAsync(database, $"""
                CREATE SCHEMA IF NOT EXISTS {service} AUTHORIZATION {role};
                ALTER SCHEMA {service} OWNER TO {role};
                DO $$
                DECLARE item record;
                BEGIN
                  FOR item IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                              WHERE n.nspname = '{service}' AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
                              AND pg_get_userbyid(c.relowner) <> '{role}'
                  LOOP
                    EXECUTE format('ALTER %s %I.%I OWNER TO {role}',
                      CASE item.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                                        WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END,
                      '{service}', item.relname);
                  END LOOP;
                  FOR item IN SELECT p.oid::regprocedure AS signature, p.prokind FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                              WHERE n.nspname = '{service}' AND pg_get_userbyid(p.proowner) <> '{role}'
                  LOOP
                    EXECUTE format('ALTER %s %s OWNER TO {role}', CASE item.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END, item.signature);
                  END LOOP;
                END $$;
                """, cancellationToken);
        }
    }

    /// <summary>
    /// Who may connect to a service's database: its owner, and its app role with CONNECT and TEMPORARY only. These
    /// rights belong to the database, not to its contents, so a copy made with CREATE DATABASE … TEMPLATE needs
    /// them again.
    /// </summary>
    public static string ServiceDatabaseGrants(string service, string database) =>
        $"REVOKE ALL ON DATABASE {database} FROM PUBLIC; GRANT CONNECT, TEMPORARY ON DATABASE {database} TO {PlatformDatabases.AppRole(service)};";

    /// <summary>Who may connect to the bus database: the <c>bus</c> role fully, each service's bus role with CONNECT
    /// and TEMPORARY (the queue listener stages each batch in a temporary table). Every role named must exist.</summary>
    public static string BusDatabaseGrants(string database) =>
        $"REVOKE ALL ON DATABASE {database} FROM PUBLIC; GRANT ALL ON DATABASE {database} TO {PlatformDatabases.Bus};"
        + string.Concat(PlatformDatabases.Services.Select(service => $" GRANT CONNECT, TEMPORARY ON DATABASE {database} TO {PlatformDatabases.BusRole(service)};"));

    private async Task EnsureRoleAsync(NpgsqlConnection admin, string role, CancellationToken cancellationToken)
    {
        var password = cluster.PasswordFor(role).Replace("'", "''", StringComparison.Ordinal);
        await ExecuteAsync(admin, $"""
            DO $$ BEGIN
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') THEN
                CREATE ROLE {role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '{password}';
              ELSE
                ALTER ROLE {role} LOGIN PASSWORD '{password}';
              END IF;
            END $$;
            """, cancellationToken);
    }

    private static async Task EnsureDatabaseAsync(NpgsqlConnection admin, string database, string owner, Action<string> log, CancellationToken cancellationToken)
    {
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", admin);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            log($"Creating database {database}");
            await ExecuteAsync(admin, $"CREATE DATABASE {database} OWNER {owner}", cancellationToken);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
