using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using UnifiedCommerce.PlatformApi;
using UnifiedCommerce.ServiceData;

namespace UnifiedCommerce.Customers.Data;

/// <summary>Lets the EF Core tools build the model (for migrations) without starting the service.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<CustomersDbContext>
{
    public CustomersDbContext CreateDbContext(string[] args) => Create("Host=127.0.0.1;Database=customers");

    /// <summary>A context with no merchant in scope: used for migrations, which touch no tenant rows.</summary>
    public static CustomersDbContext Create(string connectionString) =>
        new((DbContextOptions<CustomersDbContext>)new DbContextOptionsBuilder<CustomersDbContext>().UseCommerceNpgsql(connectionString).Options, new MerchantContext());
}
