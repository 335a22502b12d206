using Microsoft.EntityFrameworkCore;
using UnifiedCommerce.Customers.Domain;
using UnifiedCommerce.ServiceDefaults.Messaging;
using UnifiedCommerce.ServiceDefaults.Tenancy;

namespace UnifiedCommerce.Customers.Data;

public sealed class CustomersDbContext(DbContextOptions<CustomersDbContext> options, IMerchantContext merchant, OutboxSignal? outboxSignal = null)
    : TenantDbContext(options, merchant, outboxSignal)
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

        base.OnModelCreating(modelBuilder);
    }
}
