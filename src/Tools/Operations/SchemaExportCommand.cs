using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using UnifiedCommerce.Catalog.Graph;
using UnifiedCommerce.Customers.Graph;
using UnifiedCommerce.Identity.Graph;
using UnifiedCommerce.Inventory.Graph;
using UnifiedCommerce.Subgraph;

namespace UnifiedCommerce.Operations;

/// <summary>Prints each subgraph's federation SDL from the service's own schema code: the composition's input.</summary>
internal static class SchemaExportCommand
{
    public static async Task<int> RunAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        await WriteAsync<IdentitySchema>(Path.Combine(folder, "identity.graphql"));
        await WriteAsync<CatalogSchema>(Path.Combine(folder, "catalog.graphql"));
        await WriteAsync<InventorySchema>(Path.Combine(folder, "inventory.graphql"));
        await WriteAsync<CustomersSchema>(Path.Combine(folder, "customers.graphql"));
        return 0;
    }

    private static async Task WriteAsync<TSchema>(string path) where TSchema : Schema
    {
        await using var services = new ServiceCollection().AddSubgraphSchema<TSchema>().BuildServiceProvider();
        var sdl = await SubgraphSetup.PrintSubgraphSdlAsync(services);
        await File.WriteAllTextAsync(path, sdl.TrimEnd() + "\n");
        Console.WriteLine($"Wrote {path}");
    }
}
