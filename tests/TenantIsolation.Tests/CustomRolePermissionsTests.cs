using System.Net;
using UnifiedCommerce.PlatformApi;
using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.TenantIsolation.Tests;

/// <summary>
/// For every permission of the platform: a staff member whose custom role grants exactly that permission can do
/// what it allows, in the service that owns it, and gets a 403 naming the missing permission for everything
/// else. A new permission without a probe here fails, so the list cannot fall behind.
/// </summary>
[Collection(SweptPlatformCollection.Name)]
public sealed class CustomRolePermissionsTests(SweptPlatform platform)
{
    /// <summary>One call per permission that needs exactly it, on merchant A's own data, changing nothing.</summary>
    private IReadOnlyDictionary<string, Probe> Probes => new Dictionary<string, Probe>
    {
        [Permissions.ProductsRead] = new(platform.Catalog, HttpMethod.Get, $"/api/v1/products/{platform.A.Draft.Slug}?status=any"),
        [Permissions.ProductsWrite] = new(platform.Catalog, HttpMethod.Put, $"/api/v1/products/{platform.A.Product.Slug}", platform.A.Product.AsInput(platform.A.Currency)),
        [Permissions.InventoryRead] = new(platform.Inventory, HttpMethod.Get, "/api/v1/locations"),
        [Permissions.InventoryWrite] = new(platform.Inventory, HttpMethod.Put, $"/api/v1/stock/{platform.A.Product.Variant.Id}",
            new { productId = platform.A.Product.Id, sku = platform.A.Product.Variant.Sku, onHand = platform.A.Product.Variant.OnHand }),
        [Permissions.CustomersRead] = new(platform.Customers, HttpMethod.Get, "/api/v1/customers"),
        [Permissions.CustomersWrite] = new(platform.Customers, HttpMethod.Put, $"/api/v1/customers/{platform.A.Customer.AccountId}",
            new { name = platform.A.Customer.Name, phone = platform.A.Customer.Phone }),
        [Permissions.StaffManage] = new(platform.Identity.Process, HttpMethod.Get, "/api/v1/staff"),
        [Permissions.SecurityRead] = new(platform.Identity.Process, HttpMethod.Get, "/api/v1/security-events"),
    };

    public static TheoryData<string> EveryPermission => [.. Permissions.All];

    [Fact]
    public void Every_permission_has_a_probe() =>
        Assert.Equal(Permissions.All.Order(StringComparer.Ordinal), Probes.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(EveryPermission))]
    public async Task A_role_of_one_permission_allows_exactly_that(string permission)
    {
        var staff = await platform.Identity.StaffWithAsync(platform.A.Id, permission);
        var problems = new List<string>();

        foreach (var (needed, probe) in Probes)
        {
            using var response = await probe.Service.SendWithTokenAsync(probe.Method, probe.Path, staff.AccessToken, probe.Body);
            var body = await response.Content.ReadAsStringAsync();
            if (needed == permission && !response.IsSuccessStatusCode)
            {
                problems.Add($"{probe.Method} {probe.Path} (needs {needed}) was refused: {(int)response.StatusCode} {body}");
            }
            else if (needed != permission && (response.StatusCode != HttpStatusCode.Forbidden || !body.Contains(needed, StringComparison.Ordinal)))
            {
                problems.Add($"{probe.Method} {probe.Path} (needs {needed}) answered {(int)response.StatusCode} instead of a 403 naming {needed}: {body}");
            }
        }

        Assert.True(problems.Count == 0, $"A role with only {permission}:\n" + string.Join('\n', problems));
    }

    private sealed record Probe(ServiceProcess Service, HttpMethod Method, string Path, object? Body = null);
}
