using Microsoft.EntityFrameworkCore;
using UnifiedCommerce.Inventory.Data;
using Xunit;

namespace UnifiedCommerce.Inventory.Tests;

public sealed class SchemaMigrationsTests
{
    [Fact]
    public void Every_model_change_has_a_migration()
    {
        using var db = new DesignTimeDbContextFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(),
            "The Inventory model changed without a migration: run `dotnet dotnet-ef migrations add <Name> -p src/Services/Inventory -s src/Services/Inventory -o Data/Migrations`.");
    }
}
