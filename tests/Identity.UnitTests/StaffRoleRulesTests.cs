using UnifiedCommerce.Identity.Application;
using UnifiedCommerce.Identity.Domain;
using UnifiedCommerce.ServiceDefaults.Http;
using Xunit;
using PlatformPermissions = UnifiedCommerce.PlatformApi.Permissions;

namespace UnifiedCommerce.Identity.UnitTests;

public sealed class StaffRoleRulesTests
{
    private static StaffActor Acting(StaffRole role) => new(Guid.CreateVersion7(), role, IsOperator: false);

    [Fact]
    public void Owners_and_administrators_hold_every_permission_and_staff_only_reads()
    {
        Assert.True(Acting(StaffRole.Owner).Holds(PlatformPermissions.All));
        Assert.True(Acting(StaffRole.Administrator).Holds(PlatformPermissions.All));
        Assert.True(Acting(StaffRole.Staff).Holds([PlatformPermissions.ProductsRead, PlatformPermissions.InventoryRead, PlatformPermissions.CustomersRead]));
        Assert.False(Acting(StaffRole.Staff).Holds([PlatformPermissions.ProductsWrite]));
        Assert.False(Acting(StaffRole.Staff).Holds([PlatformPermissions.StaffManage]));
    }

    [Fact]
    public void Operators_act_as_owners_of_every_store()
    {
        Assert.True(StaffActor.Operators.IsOwner);
        Assert.True(StaffActor.Operators.Holds(PlatformPermissions.All));
    }

    [Fact]
    public void Only_an_owner_gives_the_owner_role()
    {
        StaffDirectory.EnsureMayGive(Acting(StaffRole.Owner), StaffRole.Owner);
        Assert.Throws<ForbiddenException>(() => StaffDirectory.EnsureMayGive(Acting(StaffRole.Administrator), StaffRole.Owner));
    }

    [Fact]
    public void Nobody_gives_a_role_that_grants_more_than_they_hold()
    {
        var catalogEditor = new StaffRole(Guid.CreateVersion7().ToString(), "Catalog editor", [PlatformPermissions.ProductsRead, PlatformPermissions.ProductsWrite], IsBuiltIn: false);
        StaffDirectory.EnsureMayGive(Acting(StaffRole.Administrator), catalogEditor);
        var error = Assert.Throws<ForbiddenException>(() => StaffDirectory.EnsureMayGive(Acting(StaffRole.Staff), catalogEditor));
        Assert.Contains("Catalog editor", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_custom_role_has_a_name_and_known_permissions_only()
    {
        var owner = Acting(StaffRole.Owner);
        Assert.Contains("name", Assert.Throws<RequestValidationException>(() => StaffDirectory.ValidRole(owner, new RoleInput(" ", [PlatformPermissions.ProductsRead]))).Errors.Keys);
        Assert.Contains("permissions", Assert.Throws<RequestValidationException>(() => StaffDirectory.ValidRole(owner, new RoleInput("Packers", []))).Errors.Keys);
        Assert.Contains("permissions", Assert.Throws<RequestValidationException>(() => StaffDirectory.ValidRole(owner, new RoleInput("Packers", ["orders:everything"]))).Errors.Keys);
        Assert.Contains("permissions", Assert.Throws<RequestValidationException>(() => StaffDirectory.ValidRole(owner, new RoleInput("Operators", [PlatformPermissions.PlatformAdminister]))).Errors.Keys);
    }

    [Fact]
    public void A_custom_role_cannot_take_a_built_in_roles_name() =>
        Assert.Contains("name", Assert.Throws<RequestValidationException>(() =>
            StaffDirectory.ValidRole(Acting(StaffRole.Owner), new RoleInput("owner", [PlatformPermissions.ProductsRead]))).Errors.Keys);

    [Fact]
    public void A_custom_roles_permissions_are_kept_once_and_in_order()
    {
        var (name, permissions) = StaffDirectory.ValidRole(Acting(StaffRole.Owner),
            new RoleInput("  Stock keepers ", [PlatformPermissions.InventoryWrite, PlatformPermissions.InventoryRead, PlatformPermissions.InventoryWrite]));
        Assert.Equal("Stock keepers", name);
        Assert.Equal([PlatformPermissions.InventoryRead, PlatformPermissions.InventoryWrite], permissions);
    }

    [Fact]
    public void Staff_cannot_define_a_role_with_permissions_they_lack() =>
        Assert.Throws<ForbiddenException>(() => StaffDirectory.ValidRole(Acting(StaffRole.Staff), new RoleInput("Editors", [PlatformPermissions.ProductsWrite])));
}
