using Microsoft.EntityFrameworkCore;
using UnifiedCommerce.Hosting;
using UnifiedCommerce.Operations;
using Xunit;

namespace UnifiedCommerce.Hosting.Tests;

/// <summary>Every service's model matches its migrations, so provisioning builds the schema the code expects.</summary>
public sealed class SchemaMigrationsTests
{
    public static TheoryData<string> Services => new(PlatformDatabases.Services);

    [Theory]
    [MemberData(nameof(Services))]
    public void Every_model_change_has_a_migration(string service)
    {
        // Comparing the model with the migrations' snapshot needs no server.
        using var db = ProvisionCommand.ServiceDbContext(service, $"Host=127.0.0.1;Database={service}");

        var project = char.ToUpperInvariant(service[0]) + service[1..];
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The {project} model changed without a migration: run `dotnet dotnet-ef migrations add <Name> -p src/Services/{project} -s src/Services/{project} -o Data/Migrations`.");
    }
}
