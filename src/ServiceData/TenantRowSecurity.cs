using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace UnifiedCommerce.ServiceData;

/// <summary>
/// PostgreSQL row-level security on every tenant-owned table, beneath the EF query filters and the save guard: a
/// forgotten filter, a raw SQL query or a bug in the guard still cannot reach another merchant's rows. It binds the
/// services' app roles (they neither own the tables nor are superusers); migrations run as the owner role.
/// Each connection says which merchant it acts for (<see cref="TenantSessionInterceptor"/>); with none, a tenant
/// table shows no rows and accepts no writes. Code that must act across merchants (a person's own memberships in
/// Identity) says so explicitly with <see cref="TenantDbContext.AcrossMerchants"/>.
/// </summary>
public static class TenantRowSecurity
{
    public const string MerchantSetting = "app.merchant_id";
    public const string AllMerchantsSetting = "app.all_merchants";
    public const string PolicyName = "merchant_isolation";

    /// <summary>The tables of the model's tenant-owned entities (the ones under query filters).</summary>
    public static IReadOnlyList<string> TenantTables(IModel model) =>
        model.GetEntityTypes()
            .Where(type => typeof(IMerchantOwned).IsAssignableFrom(type.ClrType) && type.BaseType is null && type.GetTableName() is not null)
            .Select(type => type.GetTableName()!)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Enables row security with the isolation policy on every tenant table. Run as the tables' owner; safe to repeat.</summary>
    public static async Task ApplyAsync(DbContext db, CancellationToken cancellationToken)
    {
        var column = "merchant_id";
        var rule = $"""{column} = nullif(current_setting('{MerchantSetting}', true), '')::uuid OR current_setting('{AllMerchantsSetting}', true) = 'on'""";
        foreach (var table in TenantTables(db.Model))
        {
            // Table names come from the model, never from input.
#pragma warning disable EF1002
            await db.Database.ExecuteSqlRawAsync($"""
                ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY;
                DROP POLICY IF EXISTS {PolicyName} ON "{table}";
                CREATE POLICY {PolicyName} ON "{table}" USING ({rule}) WITH CHECK ({rule});
                """, cancellationToken);
#pragma warning restore EF1002
        }
    }
}

/// <summary>
/// Tells PostgreSQL, on every connection a service's DbContext opens, which merchant it acts for (and whether this
/// unit of work was explicitly allowed to act across merchants). EF opens a connection per operation, so the
/// values are always those of the moment.
/// </summary>
public sealed class TenantSessionInterceptor : DbConnectionInterceptor
{
    public static readonly TenantSessionInterceptor Instance = new();

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is TenantDbContext tenant)
        {
            await using var command = Command(connection, tenant);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (eventData.Context is TenantDbContext tenant)
        {
            using var command = Command(connection, tenant);
            command.ExecuteNonQuery();
        }
    }

    private static DbCommand Command(DbConnection connection, TenantDbContext tenant)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"SELECT set_config('{TenantRowSecurity.MerchantSetting}', @merchant, false), set_config('{TenantRowSecurity.AllMerchantsSetting}', @all, false)";
        var merchant = command.CreateParameter();
        merchant.ParameterName = "merchant";
        merchant.Value = tenant.MerchantForSession?.ToString() ?? "";
        var all = command.CreateParameter();
        all.ParameterName = "all";
        all.Value = tenant.IsAcrossMerchants ? "on" : "off";
        command.Parameters.Add(merchant);
        command.Parameters.Add(all);
        return command;
    }
}
