using System.Net;
using System.Text.Json.Nodes;
using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Catalog.Tests;

/// <summary>
/// Staff work on the catalog with exactly their role's permissions, and a change of role reaches Catalog within
/// seconds (Identity's StaffAccessChanged event), so a token issued before the change stops working for what the
/// new role no longer allows.
/// </summary>
[Collection(CatalogCollection.Name)]
public sealed class StaffAccessTests(CatalogPlatform platform)
{
    private ServiceProcess Catalog => platform.Catalog;

    [Fact]
    public async Task A_catalog_editor_writes_products_and_a_viewer_is_told_which_permission_is_missing()
    {
        var (merchant, _) = await platform.Identity.NewStoreAsync("Staff Catalog");
        var editor = await platform.Identity.StaffWithAsync(merchant, "products:read", "products:write");
        var viewer = await platform.Identity.StaffWithAsync(merchant, "products:read");

        using var written = await Catalog.SendWithTokenAsync(HttpMethod.Put, "/api/v1/products/staff-made", editor.AccessToken,
            CatalogPlatform.Product("Staff made", null, $"SM-{merchant:N}"));
        using var refused = await Catalog.SendWithTokenAsync(HttpMethod.Put, "/api/v1/products/viewer-made", viewer.AccessToken,
            CatalogPlatform.Product("Viewer made", null, $"VM-{merchant:N}"));
        using var read = await Catalog.SendWithTokenAsync(HttpMethod.Get, "/api/v1/products/staff-made", viewer.AccessToken);

        Assert.True(written.IsSuccessStatusCode, await written.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("products:write", (string?)(await CatalogPlatform.ReadAsync<JsonObject>(refused))["detail"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task Drafts_are_shown_to_staff_with_products_read_and_to_nobody_else()
    {
        var (merchant, _) = await platform.Identity.NewStoreAsync("Draft Catalog");
        var editor = await platform.Identity.StaffWithAsync(merchant, "products:write");
        var viewer = await platform.Identity.StaffWithAsync(merchant, "products:read");
        using (var draft = await Catalog.SendWithTokenAsync(HttpMethod.Put, "/api/v1/products/draft", editor.AccessToken, new
        {
            name = "Secret draft",
            description = "Not yet.",
            isPublished = false,
            variants = new[] { new { sku = $"DR-{merchant:N}", title = "One", options = new Dictionary<string, string>(), priceAmount = 100, currency = "USD" } },
        }))
        {
            Assert.True(draft.IsSuccessStatusCode, await draft.Content.ReadAsStringAsync());
        }

        using var asViewer = await Catalog.SendWithTokenAsync(HttpMethod.Get, "/api/v1/products/draft?status=any", viewer.AccessToken);
        using var asEditorWithoutRead = await Catalog.SendWithTokenAsync(HttpMethod.Get, "/api/v1/products/draft?status=any", editor.AccessToken);
        using var asShopper = await Catalog.SendAsync(HttpMethod.Get, "/api/v1/products/draft", merchant);
        using var asShopperAskingForDrafts = await Catalog.SendAsync(HttpMethod.Get, "/api/v1/products/draft?status=any", merchant);

        Assert.Equal(HttpStatusCode.OK, asViewer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asEditorWithoutRead.StatusCode);
        Assert.Contains("products:read", await asEditorWithoutRead.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, asShopper.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asShopperAskingForDrafts.StatusCode);
    }

    [Fact]
    public async Task An_editor_moved_to_a_read_only_role_can_no_longer_write_with_the_token_they_hold()
    {
        var (merchant, _) = await platform.Identity.NewStoreAsync("Demoted Catalog");
        var owner = await platform.Identity.OwnerOfAsync(merchant);
        var editor = await platform.Identity.StaffWithAsync(merchant, "products:read", "products:write");
        using (var before = await Catalog.SendWithTokenAsync(HttpMethod.Put, "/api/v1/products/before-demotion", editor.AccessToken,
            CatalogPlatform.Product("Before", null, $"BD-{merchant:N}")))
        {
            Assert.True(before.IsSuccessStatusCode, await before.Content.ReadAsStringAsync());
        }

        using var demoted = await platform.Identity.Process.SendWithTokenAsync(HttpMethod.Put, $"/api/v1/staff/{editor.AccountId}/role", owner.AccessToken, new { roleId = "staff" });
        Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);

        await Eventually.TrueAsync(async () =>
        {
            using var after = await Catalog.SendWithTokenAsync(HttpMethod.Put, "/api/v1/products/after-demotion", editor.AccessToken,
                CatalogPlatform.Product("After", null, $"AD-{merchant:N}"));
            return after.StatusCode == HttpStatusCode.Forbidden;
        }, "Catalog to refuse the demoted editor's writes", timeoutSeconds: 15);
        using var stillReads = await Catalog.SendWithTokenAsync(HttpMethod.Get, "/api/v1/products/before-demotion", editor.AccessToken);
        Assert.Equal(HttpStatusCode.OK, stillReads.StatusCode);
    }
}
