using Microsoft.EntityFrameworkCore;
using UnifiedCommerce.Identity.Domain;
using UnifiedCommerce.ServiceDefaults.Messaging;
using UnifiedCommerce.ServiceDefaults.Tenancy;

namespace UnifiedCommerce.Identity.Data;

public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options, IMerchantContext merchant, OutboxSignal? outboxSignal = null)
    : TenantDbContext(options, merchant, outboxSignal)
{
    public DbSet<Merchant> Merchants => Set<Merchant>();
    public DbSet<StorefrontHost> StorefrontHosts => Set<StorefrontHost>();
    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Merchant>(merchant =>
        {
            merchant.Property(m => m.Name).HasMaxLength(200);
            merchant.Property(m => m.DefaultCurrency).HasMaxLength(3).IsFixedLength();
            merchant.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
            merchant.Property(m => m.SuspensionReason).HasMaxLength(500);
            merchant.Property(m => m.Version).IsConcurrencyToken();
            merchant.HasMany(m => m.Hosts).WithOne().HasForeignKey(h => h.MerchantId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<StorefrontHost>(host =>
        {
            host.HasKey(h => h.Host);
            host.Property(h => h.Host).HasMaxLength(253);
        });

        modelBuilder.Entity<SigningKey>(key => key.Property(k => k.Use).HasConversion<string>().HasMaxLength(20));

        // OpenIddict's applications (API clients), authorizations, scopes and tokens.
        modelBuilder.UseOpenIddict();

        base.OnModelCreating(modelBuilder);
    }
}
