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

        foreach (var service in PlatformDatabases.Services)
        {
            var owner = PlatformDatabases.OwnerRole(service);
            var app = PlatformDatabases.AppRole(service);
            await EnsureRoleAsync(admin, owner, cancellationToken);
            await EnsureRoleAsync(admin, app, cancellationToken);
            await EnsureDatabaseAsync(admin, service, owner, log, cancellationToken);
            await ExecuteAsync(admin, $"REVOKE ALL ON DATABASE {service} FROM PUBLIC; GRANT CONNECT, TEMPORARY ON DATABASE {service} TO {app};", cancellationToken);

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
