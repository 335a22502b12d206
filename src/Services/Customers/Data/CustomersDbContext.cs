using Microsoft.EntityFrameworkCore;
using UnifiedCommerce.Customers.Domain;
using UnifiedCommerce.IdentityReadModels;
using UnifiedCommerce.Messaging;
using UnifiedCommerce.PlatformApi;
using UnifiedCommerce.ServiceData;

namespace UnifiedCommerce.Customers.Data;

public sealed class CustomersDbContext(DbContextOptions<CustomersDbContext> options, IMerchantContext merchant)
    : TenantDbContext(options, merchant)
{
    public DbSet<CustomerProfile> Profiles => Set<CustomerProfile>();
    public DbSet<DeletedCustomer> DeletedCustomers => Set<DeletedCustomer>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CustomerProfile>(profile =>
        {
            profile.ToTable("customer_profiles");
            // The id comes from Identity (the account id), never from here.
            profile.Property(p => p.Id).ValueGeneratedNever();
            profile.Property(p => p.Email).HasMaxLength(CustomerProfile.MaxEmailLength);
            profile.Property(p => p.Name).HasMaxLength(CustomerProfile.MaxNameLength);
            profile.Property(p => p.Phone).HasMaxLength(CustomerProfile.MaxPhoneLength);
            profile.Property(p => p.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<DeletedCustomer>(deleted =>
        {
            deleted.ToTable("deleted_customers");
            deleted.Property(d => d.Id).ValueGeneratedNever();
        });

        // The events it consumes are applied once (processed events); it publishes none, so it has no outbox.
        modelBuilder.MapProcessedEvents();
        modelBuilder.MapIdentityReadModels();
        base.OnModelCreating(modelBuilder);
    }
}
