using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using UnifiedCommerce.PlatformApi;
using UnifiedCommerce.ServiceData;

namespace UnifiedCommerce.Catalog.Data;

/// <summary>Lets the EF Core tools build the model (for migrations) without starting the service.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<CatalogDbContext>
{
    public CatalogDbContext CreateDbContext(string[] args) => Create("Host=127.0.0.1;Database=catalog");

    /// <summary>A context with no merchant in scope: used for migrations, which touch no tenant rows.</summary>
    public static CatalogDbContext Create(string connectionString) =>
        new((DbContextOptions<CatalogDbContext>)new DbContextOptionsBuilder<CatalogDbContext>().UseCommerceNpgsql(connectionString).Options, new MerchantContext());
}
