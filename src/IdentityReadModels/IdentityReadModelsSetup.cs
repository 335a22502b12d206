using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using UnifiedCommerce.Messaging;
using UnifiedCommerce.PlatformApi;
using Wolverine;

namespace UnifiedCommerce.IdentityReadModels;

/// <summary>
/// Copies of Identity's decisions that a service checks on every request: merchant standing, staff access and
/// revoked API clients, each kept current from Identity's events in the service's own database. A service that
/// serves merchants' staff and API clients calls both halves: <see cref="AddIdentityReadModels"/> (the readers and
/// the handlers) and, in its context, <see cref="MapIdentityReadModels"/> (the tables). Identity reads its own
/// tables instead and uses neither.
/// </summary>
public static class IdentityReadModelsSetup
{
    public static IHostApplicationBuilder AddIdentityReadModels(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddScoped<IMerchantStatusReader, LocalMerchantStatusReader>();
        builder.Services.TryAddScoped<IStaffAccessReader, LocalStaffAccessReader>();
        builder.Services.TryAddScoped<IRevokedApiClientReader, LocalRevokedApiClientReader>();
        builder.Services.ConfigureWolverine(options => options.Discovery.IncludeAssembly(typeof(IdentityReadModelsSetup).Assembly));
        return builder;
    }

    /// <summary>The copies' tables, and processed events, which their handlers record each applied event in.</summary>
    public static ModelBuilder MapIdentityReadModels(this ModelBuilder modelBuilder)
    {
        modelBuilder.MapProcessedEvents();
        modelBuilder.Entity<MerchantState>(state =>
        {
            state.ToTable("merchant_states");
            state.HasKey(s => s.MerchantId);
        });
        modelBuilder.Entity<StaffAccessState>(state =>
        {
            state.ToTable("staff_access");
            state.HasKey(s => new { s.MerchantId, s.AccountId });
        });
        modelBuilder.Entity<RevokedApiClient>(client =>
        {
            client.ToTable("revoked_api_clients");
            client.HasKey(c => c.ClientId);
            client.Property(c => c.ClientId).HasMaxLength(200);
        });
        return modelBuilder;
    }
}
