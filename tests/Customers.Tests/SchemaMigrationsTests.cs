using Microsoft.EntityFrameworkCore;
using UnifiedCommerce.Customers.Data;
using Xunit;

namespace UnifiedCommerce.Customers.Tests;

public sealed class SchemaMigrationsTests
{
    [Fact]
    public void Every_model_change_has_a_migration()
    {
        using var db = new DesignTimeDbContextFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(),
            "The Customers model changed without a migration: run `dotnet dotnet-ef migrations add <Name> -p src/Services/Customers -s src/Services/Customers -o Data/Migrations`.");
    }
}
