using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using UnifiedCommerce.PlatformApi;
using UnifiedCommerce.ServiceData;

namespace UnifiedCommerce.Identity.Data;

/// <summary>Lets the EF Core tools build the model (for migrations) without starting the service.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<IdentityDbContext>
{
    public IdentityDbContext CreateDbContext(string[] args) => Create("Host=127.0.0.1;Database=identity");

    /// <summary>A context with no merchant in scope: used for migrations, which touch no tenant rows.</summary>
    public static IdentityDbContext Create(string connectionString) =>
        new((DbContextOptions<IdentityDbContext>)new DbContextOptionsBuilder<IdentityDbContext>().UseCommerceNpgsql(connectionString).Options, new MerchantContext());
}
