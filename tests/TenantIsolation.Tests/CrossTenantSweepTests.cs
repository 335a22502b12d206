using System.Diagnostics;
using UnifiedCommerce.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace UnifiedCommerce.TenantIsolation.Tests;

/// <summary>
/// The release gate for tenancy: every operation of the platform (enumerated, never listed by hand) is tried by
/// merchant A's owner, shopper and API client against merchant B's ids and data, and must show and change nothing
/// of B, while the same call by B succeeds.
/// </summary>
[Collection(SweptPlatformCollection.Name)]
public sealed class CrossTenantSweepTests(SweptPlatform platform, ITestOutputHelper output)
{
    [Fact]
    public async Task Merchant_A_reads_and_writes_nothing_of_merchant_B_through_any_operation()
    {
        var operations = await SweptOperations.EnumerateAsync(platform.Services);
        var sweep = new CrossTenantSweep(platform);
        var clock = Stopwatch.StartNew();

        var failures = await sweep.RunAsync(operations);

        output.WriteLine($"Swept {sweep.CasesRun} of {SweepCases.All.Count} cases ({operations.Count} operations, {SweepCases.Excluded.Count} excluded) with {sweep.CallsMade} calls in {clock.Elapsed.TotalSeconds:F1} s.");
        Assert.True(failures.Count == 0, $"{failures.Count} problem(s) across tenants:\n- " + string.Join("\n- ", failures));
        Assert.Equal(SweepCases.All.Count, sweep.CasesRun);
    }

    [Fact]
    public async Task Every_operation_has_a_sweep_case_or_a_reasoned_exclusion_and_every_case_an_operation()
    {
        var problems = CrossTenantSweep.RegistryProblems(await SweptOperations.EnumerateAsync(platform.Services));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.All(SweepCases.Excluded, exclusion =>
        {
            Assert.False(string.IsNullOrWhiteSpace(exclusion.Reason), $"{exclusion.Operation} is excluded without a reason.");
            Assert.False(string.IsNullOrWhiteSpace(exclusion.CheckedBy), $"{exclusion.Operation} is excluded without naming the tests that check it.");
        });
    }

    /// <summary>An enumeration that found nothing would let an empty sweep pass: each source must give what it has today.</summary>
    [Fact]
    public async Task The_enumeration_finds_the_operations_of_every_service_and_subgraph()
    {
        var operations = await SweptOperations.EnumerateAsync(platform.Services);
        var services = Directory.GetDirectories(Path.Combine(ServiceProcess.RepositoryRoot(), "src", "Services"))
            .Select(folder => Path.GetFileName(folder).ToLowerInvariant()).Order(StringComparer.Ordinal).ToList();
        var subgraphs = Directory.GetFiles(Path.Combine(SweptOperations.GatewayFolder, "subgraphs"), "*.graphql")
            .Select(file => Path.GetFileNameWithoutExtension(file)).Order(StringComparer.Ordinal).ToList();
        output.WriteLine(string.Join('\n', operations.GroupBy(o => (o.Kind, o.Service)).Select(g => $"{g.Key.Kind} {g.Key.Service}: {g.Count()}")));

        // A service the sweep does not start would escape it.
        Assert.Equal(services, platform.Services.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(services, subgraphs);
        Assert.All(services, service => Assert.Contains(operations, o => o.Kind == OperationKind.Rest && o.Service == service));
        Assert.All(subgraphs, subgraph => Assert.Contains(operations, o => o.Kind is OperationKind.Query or OperationKind.Entity && o.Service == subgraph));
        Assert.Contains(operations, o => o.Kind == OperationKind.Mutation);
        Assert.True(operations.Count(o => o.Kind is OperationKind.Query or OperationKind.Mutation) >= 10, "Fewer supergraph fields than the platform had when the sweep was written.");
        Assert.True(operations.Count(o => o.Kind == OperationKind.Entity) >= 7, "Fewer entity types than the platform had when the sweep was written.");
        Assert.True(operations.Count(o => o.Kind == OperationKind.Rest) >= 36, "Fewer REST operations than the platform had when the sweep was written.");
        // Anchors: a parser that reads the wrong thing cannot find these.
        Assert.Contains(operations, o => o.Key == "Query.products" && o.Service == "catalog");
        Assert.Contains(operations, o => o.Key == "Entity inventory.ProductVariant" && o.KeyFields.SequenceEqual(["id"]));
        Assert.Contains(operations, o => o.Key == "PUT inventory /api/v1/stock/{variantId}");
    }
}
