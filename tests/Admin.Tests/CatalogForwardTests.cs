using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using UnifiedCommerce.Admin.Proxy;
using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Admin.Tests;

/// <summary>
/// The catalog screens reach Catalog's REST API through the admin (<c>/bff/api/catalog/{path}</c>, for what GraphQL
/// does not carry: media uploads, CSV imports and exports) with the session's token, and its product images through
/// <c>/media/{path}</c>, reading only. Nothing else of Catalog is reachable that way, and only the catalog route
/// takes bodies larger than the platform's default.
/// </summary>
[Collection(AdminCollection.Name)]
public sealed class CatalogForwardTests(AdminPlatform platform)
{
    [Fact]
    public async Task The_owner_writes_and_reads_products_through_the_forward_with_the_sessions_token()
    {
        using var browser = platform.NewBrowser();
        var person = await platform.NewOwnerAsync();
        await browser.SignInAsync(person.Email, StaffOnboarding.Password);
        var slug = $"harbor-jacket-{Guid.NewGuid():N}"[..30];

        using var written = await browser.FetchAsync(HttpMethod.Put, $"/bff/api/catalog/products/{slug}", Product("Harbor jacket", $"HJ-{Guid.NewGuid():N}"));
        var read = await browser.FetchJsonAsync(HttpMethod.Get, $"/bff/api/catalog/products/{slug}?status=any");
        var listed = await browser.FetchJsonAsync(HttpMethod.Get, $"/bff/api/catalog/admin/products?search={Uri.EscapeDataString("Harbor jacket")}");

        Assert.True(written.IsSuccessStatusCode, await written.Content.ReadAsStringAsync());
        Assert.Equal("Harbor jacket", (string)read["name"]!);
        // The query string travels with the call: the staff list is filtered by it.
        Assert.Contains(listed["nodes"]!.AsArray(), node => (string)node!["slug"]! == slug);
        StaffSessionTests.AssertNoTokenReached(browser);
    }

    [Fact]
    public async Task A_role_without_products_write_is_refused_by_Catalog_naming_the_permission_and_nothing_is_written()
    {
        using var browser = platform.NewBrowser();
        var viewer = await platform.Identity.StaffWithAsync(platform.FirstStore, "products:read");
        await browser.SignInAsync(viewer.Email, StaffOnboarding.Password);
        var slug = $"viewer-made-{Guid.NewGuid():N}"[..30];

        using var refused = await browser.FetchAsync(HttpMethod.Put, $"/bff/api/catalog/products/{slug}", Product("Viewer made", $"VM-{Guid.NewGuid():N}"));
        using var after = await platform.Catalog.AsMerchantAsync(HttpMethod.Get, $"/api/v1/products/{slug}?status=any", platform.FirstStore);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("products:write", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Fact]
    public async Task Another_merchants_product_is_not_found_through_the_forward()
    {
        var slug = $"meadow-lamp-{Guid.NewGuid():N}"[..30];
        using (var other = await platform.Catalog.AsMerchantAsync(HttpMethod.Put, $"/api/v1/products/{slug}", platform.SecondStore, Product("Meadow lamp", $"ML-{Guid.NewGuid():N}")))
        {
            Assert.True(other.IsSuccessStatusCode, await other.Content.ReadAsStringAsync());
        }

        using var browser = platform.NewBrowser();
        var person = await platform.NewOwnerAsync();
        await browser.SignInAsync(person.Email, StaffOnboarding.Password);

        using var read = await browser.FetchAsync(HttpMethod.Get, $"/bff/api/catalog/products/{slug}?status=any");
        using var archive = await browser.FetchAsync(HttpMethod.Post, $"/bff/api/catalog/products/{slug}/archive");
        using var stillThere = await platform.Catalog.AsMerchantAsync(HttpMethod.Get, $"/api/v1/products/{slug}", platform.SecondStore);

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, archive.StatusCode);
        Assert.DoesNotContain("Meadow lamp", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("active", (string)JsonNode.Parse(await stillThere.Content.ReadAsStringAsync())!["status"]!);
    }

    [Fact]
    public async Task Catalogs_refusals_reach_the_SPA_as_they_are_and_nothing_is_written()
    {
        using var browser = platform.NewBrowser();
        var person = await platform.NewOwnerAsync();
        await browser.SignInAsync(person.Email, StaffOnboarding.Password);
        var slug = $"nul-name-{Guid.NewGuid():N}"[..30];

        using var withNul = await browser.FetchAsync(HttpMethod.Put, $"/bff/api/catalog/products/{slug}", Product("Bad\u0000name", $"NU-{Guid.NewGuid():N}"));
        using var wrongType = await browser.FetchAsync(HttpMethod.Put, $"/bff/api/catalog/products/{slug}",
            new StringContent("{\"name\":42,\"variants\":\"many\"}", Encoding.UTF8, "application/json"));
        using var after = await platform.Catalog.AsMerchantAsync(HttpMethod.Get, $"/api/v1/products/{slug}?status=any", platform.FirstStore);

        Assert.Equal(HttpStatusCode.BadRequest, withNul.StatusCode);
        Assert.Contains("name", await withNul.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Theory]
    [InlineData("/bff/api/catalog/..%2F..%2Fgraphql")]
    [InlineData("/bff/api/catalog/%2E%2E/%2E%2E/openapi/v1.json")]
    [InlineData("/bff/api/catalog/products/..%2F..%2F..%2Fhealth")]
    [InlineData("/media/..%2Fapi%2Fv1%2Fadmin%2Fproducts")]
    [InlineData("/media/x/..%2F..%2F..%2Fgraphql")]
    public async Task The_forwards_reach_Catalogs_REST_API_and_media_and_nothing_else(string path)
    {
        using var browser = platform.NewBrowser();
        var person = await platform.NewOwnerAsync();
        await browser.SignInAsync(person.Email, StaffOnboarding.Password);

        using var response = await browser.FetchAsync(HttpMethod.Get, path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("\"nodes\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Media_is_read_only_and_answered_by_Catalog_not_by_the_apps_page()
    {
        using var browser = platform.NewBrowser();
        var person = await platform.NewOwnerAsync();
        await browser.SignInAsync(person.Email, StaffOnboarding.Password);
        var missing = $"/media/{Guid.NewGuid()}/320.webp";

        using var read = await browser.FetchAsync(HttpMethod.Get, missing, csrf: false);
        using var written = await browser.FetchAsync(HttpMethod.Post, missing, new ByteArrayContent([1, 2, 3]));
        using var removed = await browser.FetchAsync(HttpMethod.Delete, missing);
        using var signedOut = platform.NewBrowser();
        using var anonymous = await signedOut.FetchAsync(HttpMethod.Get, missing, csrf: false);

        // Catalog's answer for an image it does not have, where without the forward the SPA's page would be.
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.DoesNotContain(AdminPlatform.SpaPage, await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, written.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, removed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Large_bodies_stream_on_to_Catalog_up_to_60_MB_and_only_on_the_catalog_route()
    {
        using var browser = platform.NewBrowser();
        var person = await platform.NewOwnerAsync();
        await browser.SignInAsync(person.Email, StaffOnboarding.Password);
        var megabyte = Encoding.UTF8.GetBytes("{\"action\":\"publish\",\"ids\":[\"" + new string('a', 1024 * 1024) + "\"]}");

        using var passedOn = await browser.FetchAsync(HttpMethod.Post, "/bff/api/catalog/products/bulk", Json(megabyte));
        // Small enough to be sent whole before Catalog answers: an answer that comes while a body is still on its way
        // ends the forward early.
        using var upload = new MultipartFormDataContent { { new ByteArrayContent(new byte[16 * 1024]), "file", "photo.png" }, { new StringContent("A photo"), "alt" } };
        using var uploaded = await browser.FetchAsync(HttpMethod.Post, $"/bff/api/catalog/products/{Guid.NewGuid():N}/media", upload);
        // Refused by its length before it is read: the client asks first (Expect: 100-continue) and sends nothing.
        using var tooLarge = await browser.FetchAsync(HttpMethod.Post, "/bff/api/catalog/imports",
            new StreamContent(new ZeroStream(PlatformProxy.CatalogMaxRequestBodyBytes + 1)) { Headers = { ContentLength = PlatformProxy.CatalogMaxRequestBodyBytes + 1 } }, expectContinue: true);
        using var graphQL = await browser.FetchAsync(HttpMethod.Post, "/bff/graphql", Json(megabyte), expectContinue: true);

        // Catalog itself answered: its bulk endpoint takes 256 KiB, and it says so (the admin's limit here is 60 MB).
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, passedOn.StatusCode);
        Assert.Contains("256 KiB", await passedOn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // A multipart upload travels as it is; Catalog answers for the product it does not know.
        Assert.Equal(HttpStatusCode.NotFound, uploaded.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Contains($"{PlatformProxy.CatalogMaxRequestBodyBytes / 1024} KiB", await tooLarge.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Every other route keeps the default.
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, graphQL.StatusCode);
    }

    private static ByteArrayContent Json(byte[] body) => new(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };

    private static object Product(string name, string sku) => new
    {
        name,
        description = $"{name}, made well.",
        isPublished = true,
        variants = new[] { new { sku, title = "One", options = new Dictionary<string, string>(), priceAmount = 4900, currency = "USD" } },
    };

    /// <summary>A body of zeros of a given length, made as it is read: the admin must refuse it by its length alone.</summary>
    private sealed class ZeroStream(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = (int)Math.Min(count, length - _position);
            Array.Clear(buffer, offset, read);
            _position += read;
            return read;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
