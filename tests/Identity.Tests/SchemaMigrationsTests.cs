using Microsoft.EntityFrameworkCore;
using UnifiedCommerce.Identity.Data;
using Xunit;

namespace UnifiedCommerce.Identity.Tests;

public sealed class SchemaMigrationsTests
{
    [Fact]
    public void Every_model_change_has_a_migration()
    {
        using var db = new DesignTimeDbContextFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(),
            "The Identity model changed without a migration: run `dotnet dotnet-ef migrations add <Name> -p src/Services/Identity -s src/Services/Identity -o Data/Migrations`.");
    }
}
