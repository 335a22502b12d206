using Microsoft.EntityFrameworkCore;
using UnifiedCommerce.Catalog.Data;
using Xunit;

namespace UnifiedCommerce.Catalog.Tests;

public sealed class SchemaMigrationsTests
{
    [Fact]
    public void Every_model_change_has_a_migration()
    {
        using var db = new DesignTimeDbContextFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(),
            "The Catalog model changed without a migration: run `dotnet dotnet-ef migrations add <Name> -p src/Services/Catalog -s src/Services/Catalog -o Data/Migrations`.");
    }
}
