using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SkiaSharp;
using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Catalog.Tests;

/// <summary>
/// Product images: uploads are judged by their bytes and their size before anything is decoded or stored; renditions
/// come in the listed widths only, never upscaled, cached for good; and no merchant reaches another's images.
/// </summary>
[Collection(CatalogCollection.Name)]
public sealed class ProductMediaTests(CatalogPlatform platform)
{
    private const string MediaFields = "id alt position width height url";

    private ServiceProcess Catalog => platform.Catalog;

    [Fact]
    public async Task A_JPEG_and_a_PNG_are_stored_in_upload_order_without_changing_the_products_version()
    {
        var merchant = await platform.NewMerchantWithCatalogAsync(productsInShirts: 1);

        var jpeg = await UploadAsync(merchant, "shirt-1", Jpeg(1200, 800), "front.jpg", alt: "  The shirt from the front  ");
        var png = await UploadAsync(merchant, "shirt-1", Png(300, 200), "back.png");

        Assert.Equal(HttpStatusCode.Created, jpeg.StatusCode);
        Assert.Equal(HttpStatusCode.Created, png.StatusCode);
        var first = await CatalogPlatform.ReadAsync<JsonObject>(jpeg);
        Assert.Equal("image/jpeg", (string?)first["contentType"]);
        Assert.Equal(1200, (int)first["width"]!);
        Assert.Equal(800, (int)first["height"]!);
        Assert.Equal("The shirt from the front", (string?)first["alt"]);
        Assert.Equal($"/media/{first["id"]}/640.webp", (string?)first["url"]);
        Assert.Equal(first["url"]!.ToString(), jpeg.Headers.Location?.ToString());
        var second = await CatalogPlatform.ReadAsync<JsonObject>(png);
        Assert.Equal("image/png", (string?)second["contentType"]);

        var product = await PublicProductAsync(merchant, "shirt-1");
        var media = product["media"]!.AsArray();
        Assert.Equal([(string)first["id"]!, (string)second["id"]!], media.Select(m => (string)m!["id"]!).ToArray());
        Assert.Equal([0, 1], media.Select(m => (int)m!["position"]!).ToArray());
        Assert.Equal("", (string?)media[1]!["alt"]);
        Assert.Equal(1L, (long)product["version"]!);
    }

    [Fact]
    public async Task Every_media_change_announces_the_product_with_media_changed_at_its_unchanged_version()
    {
        var merchant = await platform.NewMerchantWithCatalogAsync(productsInShirts: 1);
        var mediaId = await UploadIdAsync(merchant, "shirt-1", Png(16, 16));
        var product = await AdminProductAsync(merchant, "shirt-1");
        await AsMerchantAsync(merchant, "mutation($id: ID!) { productMediaUpdate(id: $id, alt: \"Front\") { id } }", new { id = mediaId });
        await AsMerchantAsync(merchant, "mutation($v: ID!, $m: ID) { productVariantImageSet(variantId: $v, mediaId: $m) { id } }",
            new { v = (string)product["variants"]![0]!["id"]!, m = mediaId });
        await AsMerchantAsync(merchant, "mutation($id: ID!) { productMediaDelete(id: $id) { deletedMediaId } }", new { id = mediaId });

        var changes = await platform.Database.ScalarAsync<long>("catalog", """
            SELECT count(*) FROM outbox_messages
            WHERE merchant_id = @m AND message_type LIKE '%ProductChanged'
              AND payload->'changes' = '["media"]'::jsonb AND (payload->>'aggregateVersion')::bigint = 1 AND payload->>'aggregateId' = @p
            """, ("m", merchant), ("p", (string)product["id"]!));

        Assert.Equal(4L, changes);
        Assert.Equal(1L, (long)(await AdminProductAsync(merchant, "shirt-1"))["version"]!);
    }

    [Fact]
    public async Task Deleting_a_product_removes_its_images_and_their_files()
    {
        var merchant = await platform.NewMerchantWithCatalogAsync(productsInShirts: 1);
        await platform.PutAsync(merchant, "/api/v1/products/old", new
        {
            name = "Old",
            isPublished = false,
            variants = new[] { new { sku = $"OLD-{merchant:N}", title = "One", priceAmount = 1000, currency = "USD" } },
        });
        var mediaId = await UploadIdAsync(merchant, "old", Png(400, 300));
        using (await Catalog.AsMerchantAsync(HttpMethod.Get, $"/media/{mediaId}/320.webp", merchant))
        {
        }

        var deleted = await Catalog.AsMerchantAsync(HttpMethod.Delete, "/api/v1/products/old", merchant);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await AssertNoMediaAsync(merchant);
        Assert.DoesNotContain(Directory.GetFiles(platform.Database.FilesDirectory("catalog-media"), "*", SearchOption.AllDirectories),
            path => path.Contains(mediaId.ToString("N"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stored_files_no_media_names_are_swept_once_old_and_only_within_their_own_merchant()
    {
        var merchant = await platform.NewMerchantWithCatalogAsync(productsInShirts: 1);
        var other = Guid.NewGuid();
        var mediaId = await UploadIdAsync(merchant, "shirt-1", Png(300, 200));
        var root = platform.Database.FilesDirectory("catalog-media");
        var longAgo = DateTime.UtcNow.AddHours(-2);
        var named = Directory.GetFiles(root, "original.*", SearchOption.AllDirectories)
            .Single(path => path.Contains(mediaId.ToString("N"), StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(named, longAgo);
        // Kept: an orphan written just now (an upload whose row is about to commit).
        var fresh = await StoreAsync(root, merchant, Guid.NewGuid(), DateTime.UtcNow);
        // Swept: another store's folder naming this store's media, which that store has no row for.
        var borrowed = await StoreAsync(root, other, mediaId, longAgo);
        var orphan = await StoreAsync(root, merchant, Guid.NewGuid(), longAgo);
        await Eventually.TrueAsync(() => Task.FromResult(!File.Exists(orphan)), "the old orphan is swept");
        // A second orphan after the first is gone: its sweep surely listed every file above.
        var second = await StoreAsync(root, merchant, Guid.NewGuid(), longAgo);
        await Eventually.TrueAsync(() => Task.FromResult(!File.Exists(second)), "the second old orphan is swept");

        Assert.True(File.Exists(named), "a file its media row names stays, however old");
        Assert.True(File.Exists(fresh), "a young file stays");
        Assert.False(File.Exists(borrowed), "another store's copy of the key is an orphan there");
        using var served = await Catalog.AsMerchantAsync(HttpMethod.Get, $"/media/{mediaId}/320.webp", merchant);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    private static async Task<string> StoreAsync(string root, Guid merchantId, Guid mediaId, DateTime written)
    {
        var path = Path.Combine(root, "merchants", merchantId.ToString("N"), "media", mediaId.ToString("N"), "original.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, Png(8, 8));
        File.SetLastWriteTimeUtc(path, written);
        return path;
    }

    [Fact]
    public async Task The_stored_original_keeps_no_metadata()
    {
        var merchant = await platform.NewMerchantWithCatalogAsync(productsInShirts: 1);
        var marker = "secret-gps-comment-" + Guid.NewGuid().ToString("N");
        var withComment = WithPngTextChunk(Png(64, 64), "Comment", marker);

        var created = await CatalogPlatform.ReadAsync<JsonObject>(await UploadAsync(merchant, "shirt-1", withComment, "tagged.png"));

        var mediaId = Guid.Parse((string)created["id"]!);
        var stored = Directory.GetFiles(platform.Database.FilesDirectory("catalog-media"), "original.*", SearchOption.AllDirectories)
            .Single(path => path.Contains(mediaId.ToString("N"), StringComparison.Ordinal));
        Assert.Contains(merchant.ToString("N"), stored, StringComparison.Ordinal);
        Assert.DoesNotContain(marker, Encoding.Latin1.GetString(await File.ReadAllBytesAsync(stored)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_text_file_named_png_is_refused_with_415_and_nothing_is_stored()
    {
        var merchant = await platform.NewMerchantWithCatalogAsync(productsInShirts: 1);

        var response = await UploadAsync(merchant, "shirt-1", Encoding.UTF8.GetBytes("this is not a picture at all"), "photo.png", contentType: "image/png");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var problem = await CatalogPlatform.ReadAsync<JsonObject>(response);
        Assert.Contains("JPEG, PNG, WebP or GIF", (string?)problem["detail"], StringComparison.Ordinal);
        await AssertNoMediaAsync(merchant);
    }

    [Fact]
    public async Task A_file_that_starts_like_a_PNG_but_is_not_one_is_refused_with_415()
    {
        var merchant = await platform.NewMerchantWithCatalogAsync(productsInShirts: 1);
        byte[] fake = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. Encoding.ASCII.GetBytes("and then nothing of a PNG")];

        var response = await UploadAsync(merchant, "shirt-1", fake, "fake.png");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await AssertNoMediaAsync(merchant);
    }

    [Fact]
    public async Task A_file_over_10_MB_is_refused_with_413_and_nothing_is_stored()
    {
        var merchant = await platform.NewMerchantWithCatalogAsync(productsInShirts: 1);
        var justOver = Jpeg(32, 32).Concat(new byte[10 * 1024 * 1024]).ToArray();
        var farOver = new byte[12 * 1024 * 1024];

        var over = await UploadAsync(merchant, "shirt-1", justOver, "big.jpg");
        var wayOver = await UploadAsync(merchant, "shirt-1", farOver, "huge.jpg");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, over.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, wayOver.StatusCode);
        await AssertNoMediaAsync(merchant);
    }

    [Fact]
    public async Task A_pixel_bomb_is_refused_from_its_header_before_it_is_decoded()
    {
        var merchant = await platform.NewMerchantWithCatalogAsync(productsInShirts: 1);
        // A few hundred bytes that claim 30000 × 30000 pixels (900 megapixels, 3.6 GB decoded).
        var bomb = WithPngSize(Png(8, 8), 30_000, 30_000);
        var tooWide = WithPngSize(Png(8, 8), 10_001, 10);

        var bombAnswer = await UploadAsync(merchant, "shirt-1", bomb, "bomb.png");
        var wideAnswer = await UploadAsync(merchant, "shirt-1", tooWide, "wide.png");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, bombAnswer.StatusCode);
        Assert.Contains("30000 × 30000", (string?)(await CatalogPlatform.ReadAsync<JsonObject>(bombAnswer))["detail"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wideAnswer.StatusCode);
        await AssertNoMediaAsync(merchant);
    }

    [Fact]
    public async Task Alt_text_follows_the_text_rules_and_a_refused_alt_stores_nothing()
    {
        var merchant = await platform.NewMerchantWithCatalogAsync(productsInShirts: 1);

        var withNul = await UploadAsync(merchant, "shirt-1", Png(16, 16), "a.png", alt: "front\0back");
        var withLineBreak = await UploadAsync(merchant, "shirt-1", Png(16, 16), "a.png", alt: "front\nback");
        var tooLong = await UploadAsync(merchant, "shirt-1", Png(16, 16), "a.png", alt: new string('a', 513));

        Assert.Equal(HttpStatusCode.BadRequest, withNul.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withLineBreak.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.NotNull((await CatalogPlatform.ReadAsync<JsonObject>(tooLong))["errors"]!["alt"]);
        await AssertNoMediaAsync(merchant);
    }

    [Fact]
    public async Task Uploading_needs_products_write_and_a_product_of_the_callers_own()
    {
        var merchant = await platform.NewMerchantWithCatalogAsync(productsInShirts: 1);
        var other = await platform.NewMerchantWithCatalogAsync(productsInShirts: 0);
        var readOnly = await platform.Identity.MerchantTokenAsync(merchant, "products:read");

        var anonymous = await UploadAsync(merchant, "shirt-1", Png(16, 16), "a.png", token: "");
        var reader = await UploadAsync(merchant, "shirt-1", Png(16, 16), "a.png", token: readOnly);
        var stranger = await UploadAsync(other, "shirt-1", Png(16, 16), "a.png");
        var notAForm = await Catalog.AsMerchantAsync(HttpMethod.Post, "/api/v1/products/shirt-1/media", merchant, new { file = "x" });

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reader.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notAForm.StatusCode);
        await AssertNoMediaAsync(merchant);
    }

    [Fact]
    public async Task A_product_has_at_most_50_images()
    {
        var merchant = await platform.NewMerchantWithCatalogAsync(productsInShirts: 1);
        var image = Png(8, 8);
        for (var index = 0; index < 50; index++)
        {
            Assert.Equal(HttpStatusCode.Created, (await UploadAsync(merchant, "shirt-1", image, $"{index}.png")).StatusCode);
        }

        var oneMore = await UploadAsync(merchant, "shirt-1", image, "51.png");

        Assert.Equal(HttpStatusCode.Conflict, oneMore.StatusCode);
        Assert.Equal(50, (await PublicProductAsync(merchant, "shirt-1"))["media"]!.AsArray().Count);
    }

    [Fact]
    public async Task Renditions_come_in_the_asked_widths_never_wider_than_the_original_and_are_cached_for_good()
    {
        var merchant = await platform.NewMerchantWithCatalogAsync(productsInShirts: 1);
        var mediaId = await UploadIdAsync(merchant, "shirt-1", Jpeg(1000, 500));

        foreach (var (path, width, height, type) in new[]
        {
            ("160.webp", 160, 80, "image/webp"), ("320.webp", 320, 160, "image/webp"), ("640.jpg", 640, 320, "image/jpeg"),
            ("960.webp", 960, 480, "image/webp"), ("1280.jpg", 960, 480, "image/jpeg"), ("1600.webp", 960, 480, "image/webp"),
        })
        {
            using var response = await Catalog.SendAsync(HttpMethod.Get, $"/media/{mediaId}/{path}", merchant);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
            Assert.NotNull(response.Headers.ETag);
            using var decoded = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
            Assert.Equal((width, height), (decoded.Width, decoded.Height));
        }

        var first = await Catalog.SendAsync(HttpMethod.Get, $"/media/{mediaId}/480.webp", merchant);
        var again = await Catalog.SendAsync(HttpMethod.Get, $"/media/{mediaId}/480.webp", merchant);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, again.Headers.ETag);
        Assert.Contains(Directory.GetFiles(platform.Database.FilesDirectory("catalog-media"), "w480.webp", SearchOption.AllDirectories),
            path => path.Contains(mediaId.ToString("N"), StringComparison.Ordinal));

        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/media/{mediaId}/480.webp");
        conditional.Headers.Add("x-merchant-id", merchant.ToString());
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var notModified = await Catalog.Http.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task An_original_narrower_than_every_width_is_served_as_it_is()
    {
        var merchant = await platform.NewMerchantWithCatalogAsync(productsInShirts: 1);
        var mediaId = await UploadIdAsync(merchant, "shirt-1", Png(100, 50));

        using var response = await Catalog.SendAsync(HttpMethod.Get, $"/media/{mediaId}/640.webp", merchant);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var decoded = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((100, 50), (decoded.Width, decoded.Height));
    }

    [Theory]
    [InlineData("500.webp")]
    [InlineData("0640.webp")]
    [InlineData("+640.webp")]
    [InlineData("640.png")]
    [InlineData("640")]
    [InlineData("99999999999.webp")]
    [InlineData("2147483648.jpg")]
    public async Task A_width_or_format_that_is_not_a_rendition_is_404(string rendition)
    {
        var merchant = await platform.NewMerchantWithCatalogAsync(productsInShirts: 1);
        var mediaId = await UploadIdAsync(merchant, "shirt-1", Png(64, 64));

        using var response = await Catalog.SendAsync(HttpMethod.Get, $"/media/{mediaId}/{rendition}", merchant);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_drafts_images_are_the_merchants_own()
    {
        var merchant = await platform.NewMerchantWithCatalogAsync(productsInShirts: 0);
        await platform.PutAsync(merchant, "/api/v1/products/secret", new
        {
            name = "Secret",
            isPublished = false,
            variants = new[] { new { sku = $"SEC-{merchant:N}", title = "One", priceAmount = 1000, currency = "USD" } },
        });
        var mediaId = await UploadIdAsync(merchant, "secret", Png(64, 64));

        using var anonymous = await Catalog.SendAsync(HttpMethod.Get, $"/media/{mediaId}/160.webp", merchant);
        using var staff = await Catalog.AsMerchantAsync(HttpMethod.Get, $"/media/{mediaId}/160.webp", merchant);

        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
        Assert.True(staff.Headers.CacheControl is { Private: true, Public: false }, $"Cache-Control: {staff.Headers.CacheControl}");
    }

    [Fact]
    public async Task Another_merchants_images_cannot_be_seen_or_touched()
    {
        var owner = await platform.NewMerchantWithCatalogAsync(productsInShirts: 1);
        var other = await platform.NewMerchantWithCatalogAsync(productsInShirts: 1);
        var ownersMedia = await UploadIdAsync(owner, "shirt-1", Png(64, 64), alt: "Owner's");
        var ownersProduct = await AdminProductAsync(owner, "shirt-1");
        var othersProduct = await AdminProductAsync(other, "shirt-1");
        var othersMedia = await UploadIdAsync(other, "shirt-1", Png(64, 64));

        using var throughOtherStore = await Catalog.SendAsync(HttpMethod.Get, $"/media/{ownersMedia}/160.webp", other);
        using var withOthersToken = await Catalog.AsMerchantAsync(HttpMethod.Get, $"/media/{ownersMedia}/160.webp", other);
        var update = await AsMerchantAsync(other, "mutation($id: ID!) { productMediaUpdate(id: $id, alt: \"Hijacked\") { id } }", new { id = ownersMedia });
        var delete = await AsMerchantAsync(other, "mutation($id: ID!) { productMediaDelete(id: $id) { deletedMediaId } }", new { id = ownersMedia });
        var reorder = await AsMerchantAsync(other, "mutation($p: ID!, $m: [ID!]!) { productMediaReorder(productId: $p, mediaIds: $m) { id } }",
            new { p = (string)ownersProduct["id"]!, m = new[] { ownersMedia } });
        var attachToOwn = await AsMerchantAsync(other, "mutation($v: ID!, $m: ID) { productVariantImageSet(variantId: $v, mediaId: $m) { id } }",
            new { v = (string)othersProduct["variants"]![0]!["id"]!, m = ownersMedia });
        var attachToOwners = await AsMerchantAsync(other, "mutation($v: ID!, $m: ID) { productVariantImageSet(variantId: $v, mediaId: $m) { id } }",
            new { v = (string)ownersProduct["variants"]![0]!["id"]!, m = othersMedia });
        var upload = await UploadAsync(other, "shirt-1", Png(16, 16), "x.png");

        Assert.Equal(HttpStatusCode.NotFound, throughOtherStore.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, withOthersToken.StatusCode);
        foreach (var result in new[] { update, delete, reorder, attachToOwn, attachToOwners })
        {
            Assert.Equal("NOT_FOUND", Code(result));
            Assert.DoesNotContain("Owner's", result.ToJsonString(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var ownersView = await PublicProductAsync(owner, "shirt-1");
        Assert.Equal([ownersMedia.ToString()], ownersView["media"]!.AsArray().Select(m => (string)m!["id"]!).ToArray());
        Assert.Equal("Owner's", (string?)ownersView["media"]![0]!["alt"]);
        Assert.All(ownersView["variants"]!.AsArray(), variant => Assert.Null(variant!["image"]));
        using var stillServed = await Catalog.SendAsync(HttpMethod.Get, $"/media/{ownersMedia}/160.webp", owner);
        Assert.Equal(HttpStatusCode.OK, stillServed.StatusCode);
    }

    [Fact]
    public async Task Reordering_names_exactly_the_products_images()
    {
        var merchant = await platform.NewMerchantWithCatalogAsync(productsInShirts: 2);
        var a = await UploadIdAsync(merchant, "shirt-1", Png(16, 16));
        var b = await UploadIdAsync(merchant, "shirt-1", Png(16, 16));
        var c = await UploadIdAsync(merchant, "shirt-1", Png(16, 16));
        var elsewhere = await UploadIdAsync(merchant, "shirt-2", Png(16, 16));
        var productId = (string)(await AdminProductAsync(merchant, "shirt-1"))["id"]!;
        const string Reorder = "mutation($p: ID!, $m: [ID!]!) { productMediaReorder(productId: $p, mediaIds: $m) { version media { id position } } }";

        foreach (var wrong in new[] { new[] { a, b }, new[] { a, b, c, c }, new[] { a, b, elsewhere }, new[] { a, b, c, elsewhere }, new[] { a, b, Guid.NewGuid() } })
        {
            var refused = await AsMerchantAsync(merchant, Reorder, new { p = productId, m = wrong });
            Assert.Equal("BAD_USER_INPUT", Code(refused));
            Assert.NotNull(refused["errors"]![0]!["extensions"]!["fields"]!["mediaIds"]);
        }

        Assert.Equal([a, b, c], await MediaIdsAsync(merchant, "shirt-1"));

        var done = await AsMerchantAsync(merchant, Reorder, new { p = productId, m = new[] { c, a, b } });

        Assert.Null(done["errors"]);
        Assert.Equal(1L, (long)done["data"]!["productMediaReorder"]!["version"]!);
        Assert.Equal([c, a, b], await MediaIdsAsync(merchant, "shirt-1"));
    }

    [Fact]
    public async Task A_variant_shows_one_of_its_own_products_images_and_loses_it_when_the_image_is_deleted()
    {
        var merchant = await platform.NewMerchantWithCatalogAsync(productsInShirts: 2);
        var front = await UploadIdAsync(merchant, "shirt-1", Png(16, 16), alt: "Front");
        var back = await UploadIdAsync(merchant, "shirt-1", Png(16, 16), alt: "Back");
        var otherProducts = await UploadIdAsync(merchant, "shirt-2", Png(16, 16));
        var variantId = (string)(await AdminProductAsync(merchant, "shirt-1"))["variants"]![1]!["id"]!;
        const string Set = "mutation($v: ID!, $m: ID) { productVariantImageSet(variantId: $v, mediaId: $m) { id image { id alt } } }";

        var refused = await AsMerchantAsync(merchant, Set, new { v = variantId, m = otherProducts });
        Assert.Equal("BAD_USER_INPUT", Code(refused));
        Assert.NotNull(refused["errors"]![0]!["extensions"]!["fields"]!["mediaId"]);

        var set = await AsMerchantAsync(merchant, Set, new { v = variantId, m = back });
        Assert.Equal("Back", (string?)set["data"]!["productVariantImageSet"]!["image"]!["alt"]);
        Assert.Equal(back.ToString(), (string?)(await PublicProductAsync(merchant, "shirt-1"))["variants"]![1]!["image"]!["id"]);

        var deleted = await AsMerchantAsync(merchant, "mutation($id: ID!) { productMediaDelete(id: $id) { deletedMediaId } }", new { id = back });

        Assert.Equal(back.ToString(), (string?)deleted["data"]!["productMediaDelete"]!["deletedMediaId"]);
        var product = await PublicProductAsync(merchant, "shirt-1");
        Assert.Null(product["variants"]![1]!["image"]);
        Assert.Equal([front], await MediaIdsAsync(merchant, "shirt-1"));
        Assert.Equal(0, (int)product["media"]![0]!["position"]!);
        using var gone = await Catalog.SendAsync(HttpMethod.Get, $"/media/{back}/160.webp", merchant);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.DoesNotContain(Directory.GetFiles(platform.Database.FilesDirectory("catalog-media"), "*", SearchOption.AllDirectories),
            path => path.Contains(back.ToString("N"), StringComparison.Ordinal));

        var cleared = await AsMerchantAsync(merchant, Set, new { v = variantId, m = (string?)null });
        Assert.Null(cleared["errors"]);
    }

    [Fact]
    public async Task Alt_text_is_edited_in_the_graph_under_the_same_rules()
    {
        var merchant = await platform.NewMerchantWithCatalogAsync(productsInShirts: 1);
        var mediaId = await UploadIdAsync(merchant, "shirt-1", Png(16, 16));
        const string Update = "mutation($id: ID!, $alt: String) { productMediaUpdate(id: $id, alt: $alt) { id alt url(width: 320, format: JPEG) } }";

        var updated = await AsMerchantAsync(merchant, Update, new { id = mediaId, alt = "Folded" });
        var tooLong = await AsMerchantAsync(merchant, Update, new { id = mediaId, alt = new string('a', 513) });
        var twoLines = await AsMerchantAsync(merchant, Update, new { id = mediaId, alt = "one\ntwo" });
        var badWidth = await Catalog.GraphQLAsync(merchant, """query { product(slug: "shirt-1") { media { url(width: 500) } } }""");
        var hugeWidth = await Catalog.GraphQLAsync(merchant, """query { product(slug: "shirt-1") { media { url(width: 2147483648) } } }""");

        Assert.Equal("Folded", (string?)updated["data"]!["productMediaUpdate"]!["alt"]);
        Assert.Equal($"/media/{mediaId}/320.jpg", (string?)updated["data"]!["productMediaUpdate"]!["url"]);
        Assert.Equal("BAD_USER_INPUT", Code(tooLong));
        Assert.Equal("BAD_USER_INPUT", Code(twoLines));
        Assert.Equal("BAD_USER_INPUT", Code(badWidth));
        Assert.NotNull(hugeWidth["errors"]);
        Assert.Equal("Folded", (string?)(await PublicProductAsync(merchant, "shirt-1"))["media"]![0]!["alt"]);
    }

    [Fact]
    public async Task Media_writes_need_products_write()
    {
        var merchant = await platform.NewMerchantWithCatalogAsync(productsInShirts: 1);
        var mediaId = await UploadIdAsync(merchant, "shirt-1", Png(16, 16), alt: "Kept");
        var reader = await platform.Identity.MerchantTokenAsync(merchant, "products:read");

        var anonymous = await Catalog.GraphQLAsync(merchant, "mutation($id: ID!) { productMediaUpdate(id: $id, alt: \"x\") { id } }", new { id = mediaId });
        var readOnly = await Catalog.GraphQLWithTokenAsync(reader, "mutation($id: ID!) { productMediaDelete(id: $id) { deletedMediaId } }", new { id = mediaId });

        Assert.Equal("UNAUTHENTICATED", Code(anonymous));
        Assert.Equal("FORBIDDEN", Code(readOnly));
        Assert.Equal("Kept", (string?)(await PublicProductAsync(merchant, "shirt-1"))["media"]![0]!["alt"]);
    }

    [Fact]
    public async Task A_page_of_products_carries_each_ones_media()
    {
        var merchant = await platform.NewMerchantWithCatalogAsync(productsInShirts: 3);
        var first = await UploadIdAsync(merchant, "shirt-1", Png(16, 16));
        var third = await UploadIdAsync(merchant, "shirt-3", Png(16, 16));

        var page = BrowsingTheCatalogTests.Data(await Catalog.GraphQLAsync(merchant, "{ products(first: 10) { nodes { slug media { id } } } }"));

        var bySlug = page["products"]!["nodes"]!.AsArray().ToDictionary(n => (string)n!["slug"]!, n => n!["media"]!.AsArray().Select(m => (string)m!["id"]!).ToArray());
        Assert.Equal([first.ToString()], bySlug["shirt-1"]);
        Assert.Empty(bySlug["shirt-2"]);
        Assert.Equal([third.ToString()], bySlug["shirt-3"]);
        Assert.Empty(bySlug["mug"]);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private async Task<HttpResponseMessage> UploadAsync(
        Guid merchant, string slug, byte[] file, string fileName, string? alt = null, string? token = null, string contentType = "application/octet-stream")
    {
        // As browsers and careful clients do: the server may refuse by the headers alone (a body far too large)
        // before the body is sent.
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/products/{slug}/media") { Headers = { ExpectContinue = true } };
        token ??= await platform.Identity.MerchantTokenAsync(merchant);
        if (token.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(content, "file", fileName);
        if (alt is not null)
        {
            form.Add(new StringContent(alt), "alt");
        }

        request.Content = form;
        return await Catalog.Http.SendAsync(request);
    }

    private async Task<Guid> UploadIdAsync(Guid merchant, string slug, byte[] file, string? alt = null)
    {
        var response = await UploadAsync(merchant, slug, file, "image", alt);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Guid.Parse((string)(await CatalogPlatform.ReadAsync<JsonObject>(response))["id"]!);
    }

    private async Task<JsonObject> AsMerchantAsync(Guid merchant, string query, object variables) =>
        await Catalog.GraphQLWithTokenAsync(await platform.Identity.MerchantTokenAsync(merchant), query, variables);

    private async Task<JsonObject> PublicProductAsync(Guid merchant, string slug) =>
        BrowsingTheCatalogTests.Data(await Catalog.GraphQLAsync(merchant,
            $$"""query($slug: String!) { product(slug: $slug) { id version media { {{MediaFields}} } variants { id image { id } } } }""", new { slug }))["product"]!.AsObject();

    private async Task<JsonObject> AdminProductAsync(Guid merchant, string slug) =>
        await CatalogPlatform.ReadAsync<JsonObject>(await Catalog.AsMerchantAsync(HttpMethod.Get, $"/api/v1/products/{slug}?status=any", merchant));

    private async Task<Guid[]> MediaIdsAsync(Guid merchant, string slug) =>
        (await PublicProductAsync(merchant, slug))["media"]!.AsArray().Select(m => Guid.Parse((string)m!["id"]!)).ToArray();

    private async Task AssertNoMediaAsync(Guid merchant) =>
        Assert.Equal(0L, await platform.Database.ScalarAsync<long>("catalog", "SELECT count(*) FROM product_media WHERE merchant_id = @m", ("m", merchant)));

    private static string? Code(JsonObject result) => (string?)result["errors"]?[0]?["extensions"]?["code"];

    private static byte[] Jpeg(int width, int height) => Encode(width, height, SKEncodedImageFormat.Jpeg);

    private static byte[] Png(int width, int height) => Encode(width, height, SKEncodedImageFormat.Png);

    /// <summary>A real image with something on it: a gradient, so encoders and resamplers have work to do.</summary>
    private static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint())
        {
            paint.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height), [SKColors.Teal, SKColors.Orange], SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, width, height, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>The PNG with its header rewritten to claim another size (its checksum made right, so it reads as genuine).</summary>
    private static byte[] WithPngSize(byte[] png, int width, int height)
    {
        var copy = png.ToArray();
        // Signature (8), then the IHDR chunk: length (4), type (4), width (4), height (4), ..., CRC over type and data.
        BinaryPrimitives.WriteInt32BigEndian(copy.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(copy.AsSpan(20), height);
        BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(29), Crc32(copy.AsSpan(12, 17)));
        return copy;
    }

    /// <summary>The PNG with a tEXt chunk (metadata) right after its header.</summary>
    private static byte[] WithPngTextChunk(byte[] png, string keyword, string text)
    {
        var data = Encoding.Latin1.GetBytes($"{keyword}\0{text}");
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        "tEXt"u8.CopyTo(chunk.AsSpan(4));
        data.CopyTo(chunk.AsSpan(8));
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
        return [.. png.AsSpan(0, 33), .. chunk, .. png.AsSpan(33)];
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var value in bytes)
        {
            crc ^= value;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
