using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using UnifiedCommerce.PlatformApi;
using UnifiedCommerce.ServiceData;

namespace UnifiedCommerce.Inventory.Data;

/// <summary>Lets the EF Core tools build the model (for migrations) without starting the service.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<InventoryDbContext>
{
    public InventoryDbContext CreateDbContext(string[] args) => Create("Host=127.0.0.1;Database=inventory");

    /// <summary>A context with no merchant in scope: used for migrations, which touch no tenant rows.</summary>
    public static InventoryDbContext Create(string connectionString) =>
        new((DbContextOptions<InventoryDbContext>)new DbContextOptionsBuilder<InventoryDbContext>().UseCommerceNpgsql(connectionString).Options, new MerchantContext());
}
