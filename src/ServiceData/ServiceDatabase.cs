using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace UnifiedCommerce.ServiceData;

/// <summary>
/// Registers a service's own database: one DbContext, snake_case names, a readiness check, the database's traces and
/// metrics, and the problems its refusals become (a stale write, another merchant's row).
/// </summary>
public static class ServiceDatabase
{
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not set.");
        builder.Services.AddDbContext<TContext>(options => options.UseCommerceNpgsql(connectionString));
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            $"{connectionName}-database",
            _ => new DatabaseHealthCheck(connectionString),
            HealthStatus.Unhealthy,
            ["ready"]));
        builder.Services.AddExceptionHandler<DataExceptionHandler>();
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddNpgsql());
        builder.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter("Npgsql"));
        return builder;
    }

    /// <summary>The one place that says how every service talks to PostgreSQL (also used by migrations and tests).</summary>
    public static DbContextOptionsBuilder UseCommerceNpgsql(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(TenantSessionInterceptor.Instance);
}

/// <summary>Opens a fresh, unpooled connection: a pooled one could report healthy while the server is gone.</summary>
internal sealed class DatabaseHealthCheck(string connectionString) : IHealthCheck
{
    private readonly string _unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 5 }.ConnectionString;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = new NpgsqlConnection(_unpooled);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("The database is unreachable.", exception);
        }
    }
}
