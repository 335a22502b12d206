using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using UnifiedCommerce.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace UnifiedCommerce.Catalog.Tests;

/// <summary>
/// Product CSV import jobs and the streamed export over REST: each mode writes what it promises and reports each
/// bad row by line, an export imports back unchanged, and the file is checked as text before a job exists.
/// </summary>
[Collection(CatalogCollection.Name)]
public sealed class ProductImportTests(CatalogPlatform platform, ITestOutputHelper output)
{
    private const string Header = "Handle,Title,Description (HTML),Status,Brand,Product Type,Tags,Categories,Option1 Name,Option1 Value,Variant SKU,Variant Price,Variant Compare At Price,Variant Cost,Variant Weight Grams,Currency";

    private ServiceProcess Catalog => platform.Catalog;

    private static readonly string[] TentTags = ["camping", "two person"];
    private static readonly string[] TentCategories = ["tents", "outdoor"];
    private static readonly string[] TentSizes = ["2P", "3P"];
    private static readonly string[] TentColours = ["Sand"];

    /// <summary>A CSV of single-variant products; the rows at <paramref name="badLines"/> (file lines, the header is 1) get a bad price.</summary>
    private static string Csv(Guid merchant, int products, params int[] badLines)
    {
        var text = new StringBuilder(Header).Append("\r\n");
        for (var index = 0; index < products; index++)
        {
            var line = index + 2;
            var price = badLines.Contains(line) ? "12.50" : (1000 + index).ToString(System.Globalization.CultureInfo.InvariantCulture);
            text.Append($"item-{index},Item {index},<p>Item {index}</p>,active,Harbour,Gear,\"a, b\",,Size,M,SKU-{merchant:N}-{index},{price},,500,250,USD\r\n");
        }

        return text.ToString();
    }

    private async Task<HttpResponseMessage> UploadAsync(Guid merchant, byte[] file, string mode, string fileName = "products.csv")
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(content, "file", fileName);
        form.Add(new StringContent(mode), "mode");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/imports") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await platform.Identity.MerchantTokenAsync(merchant));
        return await Catalog.Http.SendAsync(request);
    }

    private async Task<JsonObject> FinishedJobAsync(Guid merchant, HttpResponseMessage accepted, List<int>? progress = null, int timeoutSeconds = 120)
    {
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        return await FinishedJobAsync(merchant, accepted.Headers.Location!.ToString(), progress, timeoutSeconds);
    }

    private async Task<JsonObject> FinishedJobAsync(Guid merchant, string location, List<int>? progress = null, int timeoutSeconds = 120)
    {
        return await Eventually.GetAsync(async () =>
        {
            var job = await CatalogPlatform.ReadAsync<JsonObject>(await Catalog.AsMerchantAsync(HttpMethod.Get, location, merchant));
            progress?.Add((int)job["rowsDone"]!);
            return (string?)job["status"] is "succeeded" or "completed-with-errors" or "failed" ? job : null;
        }, "the import job to finish", timeoutSeconds);
    }

    private async Task<long> ProductCountAsync(Guid merchant) =>
        await platform.Database.ScalarAsync<long>("catalog", "SELECT count(*) FROM products WHERE merchant_id = @m", ("m", merchant));

    [Fact]
    public async Task An_import_cut_off_by_a_crash_is_taken_up_again_after_the_restart_and_writes_every_product_once()
    {
        // The restarted Catalog takes a job over once its heartbeat is 2 s old (60 s in production).
        var quickTakeover = new Dictionary<string, string> { ["Catalog__Imports__AbandonedAfterSeconds"] = "2" };
        var merchant = Guid.NewGuid();
        try
        {
            using var accepted = await UploadAsync(merchant, Encoding.UTF8.GetBytes(Csv(merchant, 3000)), "all-or-nothing");
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            var location = accepted.Headers.Location!.ToString();
            var jobId = Guid.Parse(location.Split('/')[^1]);
            await Eventually.TrueAsync(async () =>
            {
                var job = await CatalogPlatform.ReadAsync<JsonObject>(await Catalog.AsMerchantAsync(HttpMethod.Get, location, merchant));
                return (string?)job["status"] == "running" && (int)job["rowsDone"]! > 0;
            }, "the import to be under way");

            await platform.RestartCatalogAsync(quickTakeover, crash: true);

            var finished = await FinishedJobAsync(merchant, location);
            Assert.Equal("succeeded", (string?)finished["status"]);
            Assert.Equal(3000, (int)finished["productsCreated"]!);
            // It ran twice: the crash cut the first run off, and the first run's writes went with its transaction.
            Assert.Equal(2, await platform.Database.ScalarAsync<int>("catalog", "SELECT attempts FROM import_jobs WHERE id = @id", ("id", jobId)));
            Assert.Equal(3000L, await ProductCountAsync(merchant));
            Assert.Equal(3000L, await platform.Database.ScalarAsync<long>("catalog", "SELECT count(*) FROM outbox_messages WHERE merchant_id = @m", ("m", merchant)));
        }
        finally
        {
            await platform.RestartCatalogAsync();
        }
    }

    [Fact]
    public async Task A_dry_run_of_a_thousand_rows_reports_exactly_the_three_bad_ones_and_writes_nothing()
    {
        var merchant = Guid.NewGuid();
        var job = await FinishedJobAsync(merchant, await UploadAsync(merchant, Encoding.UTF8.GetBytes(Csv(merchant, 1000, 17, 501, 1001)), "dry-run"));

        Assert.Equal("completed-with-errors", (string?)job["status"]);
        Assert.Equal(1000, (int)job["rowsTotal"]!);
        Assert.Equal(1000, (int)job["rowsDone"]!);
        Assert.Equal(3, (int)job["rowsFailed"]!);
        var errors = job["errors"]!.AsArray();
        Assert.Equal([17, 501, 1001], errors.Select(e => (int)e!["line"]!));
        Assert.All(errors, e => Assert.Equal("Variant Price", (string?)e!["column"]));
        Assert.All(errors, e => Assert.Contains("minor units", (string?)e!["reason"], StringComparison.Ordinal));
        Assert.Equal(997, (int)job["productsCreated"]!);
        Assert.Equal(0, await ProductCountAsync(merchant));
        Assert.Equal(0L, await platform.Database.ScalarAsync<long>("catalog", "SELECT count(*) FROM outbox_messages WHERE merchant_id = @m", ("m", merchant)));
    }

    [Fact]
    public async Task All_or_nothing_with_a_bad_row_writes_nothing_and_without_one_writes_everything()
    {
        var merchant = Guid.NewGuid();
        var refused = await FinishedJobAsync(merchant, await UploadAsync(merchant, Encoding.UTF8.GetBytes(Csv(merchant, 300, 299)), "all-or-nothing"));

        Assert.Equal("completed-with-errors", (string?)refused["status"]);
        Assert.Equal([299], refused["errors"]!.AsArray().Select(e => (int)e!["line"]!));
        Assert.Contains("nothing was imported", (string?)refused["failure"], StringComparison.Ordinal);
        Assert.Equal(0, await ProductCountAsync(merchant));

        var accepted = await FinishedJobAsync(merchant, await UploadAsync(merchant, Encoding.UTF8.GetBytes(Csv(merchant, 300)), "all-or-nothing"));
        Assert.Equal("succeeded", (string?)accepted["status"]);
        Assert.Equal(300, await ProductCountAsync(merchant));
    }

    [Fact]
    public async Task Good_rows_only_writes_the_good_products_and_reports_the_bad_ones_and_a_repeat_updates_by_handle()
    {
        var merchant = Guid.NewGuid();
        var csv = Csv(merchant, 10, 3) + $"item-dup,Dup,,active,,,,,,,SKU-{merchant:N}-0,100,,,,USD\r\nitem-nowhere,Nowhere,,active,,,,no-such-category,,,SKU-{merchant:N}-x,100,,,,USD\r\n";
        var job = await FinishedJobAsync(merchant, await UploadAsync(merchant, Encoding.UTF8.GetBytes(csv), "good-rows-only"));

        Assert.Equal("completed-with-errors", (string?)job["status"]);
        Assert.Equal([3, 12, 13], job["errors"]!.AsArray().Select(e => (int)e!["line"]!).Distinct());
        Assert.Equal("Categories", (string?)job["errors"]!.AsArray().Single(e => (int)e!["line"]! == 13)!["column"]);
        Assert.Equal(9, await ProductCountAsync(merchant));

        var again = await FinishedJobAsync(merchant, await UploadAsync(merchant, Encoding.UTF8.GetBytes(Csv(merchant, 10).Replace("Item 5,", "Item five,", StringComparison.Ordinal)), "good-rows-only"));
        Assert.Equal("succeeded", (string?)again["status"]);
        Assert.Equal(1, (int)again["productsCreated"]!);
        Assert.Equal(1, (int)again["productsUpdated"]!);
        Assert.Equal("Item five", await platform.Database.ScalarAsync<string>("catalog", "SELECT name FROM products WHERE merchant_id = @m AND slug = 'item-5'", ("m", merchant)));
    }

    [Fact]
    public async Task An_export_imports_back_unchanged_field_by_field()
    {
        var merchant = Guid.NewGuid();
        await platform.PutAsync(merchant, "/api/v1/categories/outdoor", new { name = "Outdoor" });
        await platform.PutAsync(merchant, "/api/v1/categories/tents", new { name = "Tents", parentSlug = "outdoor" });
        await platform.PutAsync(merchant, "/api/v1/products/trail-tent", new
        {
            name = "=Trail, \"tent\"", description = "<p>Two lines,\nand a comma</p>", status = "active", brand = "+Harbour", productType = "@Shelter",
            tags = TentTags, seoTitle = "-Trail tent", seoDescription = "Light.", categorySlugs = TentCategories,
            publishAt = DateTimeOffset.Parse("2026-01-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            options = new object[] { new { name = "Size", values = TentSizes }, new { name = "Colour", values = TentColours } },
            variants = new object[]
            {
                new { sku = $"TT-{merchant:N}-2", title = "2P / Sand", options = new Dictionary<string, string> { ["Size"] = "2P", ["Colour"] = "Sand" }, priceAmount = 19900, compareAtPriceAmount = 24900, costAmount = 9000, weightGrams = 1800, barcode = "0123456789012", currency = "USD" },
                new { sku = $"TT-{merchant:N}-3", title = "3P / Sand", options = new Dictionary<string, string> { ["Size"] = "3P", ["Colour"] = "Sand" }, priceAmount = 24900, currency = "USD" },
            },
        });
        await platform.PutAsync(merchant, "/api/v1/products/plain", new { name = "Plain", variants = new[] { new { sku = $"PL-{merchant:N}", title = "Default", priceAmount = 0, currency = "USD" } } });
        var before = await AdminProductsAsync(merchant);

        var exported = await Catalog.AsMerchantAsync(HttpMethod.Get, "/api/v1/exports/products.csv", merchant);
        Assert.Equal("text/csv", exported.Content.Headers.ContentType?.MediaType);
        var csv = await exported.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(csv);
        // Formula-like text cells are written with a leading apostrophe, so a spreadsheet shows them as text.
        Assert.Contains("'=Trail", text, StringComparison.Ordinal);
        Assert.Contains("'+Harbour", text, StringComparison.Ordinal);
        Assert.Contains("'@Shelter", text, StringComparison.Ordinal);
        Assert.Contains("'-Trail tent", text, StringComparison.Ordinal);

        var target = Guid.NewGuid();
        await platform.PutAsync(target, "/api/v1/categories/outdoor", new { name = "Outdoor" });
        await platform.PutAsync(target, "/api/v1/categories/tents", new { name = "Tents", parentSlug = "outdoor" });
        var job = await FinishedJobAsync(target, await UploadAsync(target, Encoding.UTF8.GetBytes(text.Replace(merchant.ToString("N"), target.ToString("N"), StringComparison.Ordinal)), "all-or-nothing"));
        Assert.Equal("succeeded", (string?)job["status"]);

        var after = await AdminProductsAsync(target);
        Assert.Equal(before.Count, after.Count);
        foreach (var (original, copy) in before.Zip(after))
        {
            foreach (var field in new[] { "slug", "name", "description", "status", "publishAt", "unpublishAt", "brand", "productType", "tags", "seoTitle", "seoDescription", "options" })
            {
                Assert.Equal(original[field]?.ToJsonString(), copy[field]?.ToJsonString());
            }

            Assert.Equal(original["categories"]!.AsArray().Select(c => (string?)c!["slug"]), copy["categories"]!.AsArray().Select(c => (string?)c!["slug"]));
            Assert.Equal(original["variants"]!.ToJsonString().Replace(merchant.ToString("N"), "", StringComparison.Ordinal),
                copy["variants"]!.ToJsonString().Replace(target.ToString("N"), "", StringComparison.Ordinal));
        }
    }

    private async Task<List<JsonObject>> AdminProductsAsync(Guid merchant)
    {
        var result = await Catalog.GraphQLWithTokenAsync(await platform.Identity.MerchantTokenAsync(merchant), """
            { adminProducts(first: 100) { nodes { slug name description status publishAt unpublishAt brand productType tags seoTitle seoDescription
              options { name values } categories { slug }
              variants { sku title barcode position weightGrams options { name value } price { amount currency } compareAtPrice { amount } cost { amount } } } } }
            """);
        return result["data"]!["adminProducts"]!["nodes"]!.AsArray().Select(n => n!.AsObject()).OrderBy(n => (string?)n["slug"]).ToList();
    }

    [Fact]
    public async Task Progress_only_grows_until_every_row_is_done()
    {
        var merchant = Guid.NewGuid();
        var progress = new List<int>();
        var job = await FinishedJobAsync(merchant, await UploadAsync(merchant, Encoding.UTF8.GetBytes(Csv(merchant, 2000)), "good-rows-only"), progress);

        Assert.Equal("succeeded", (string?)job["status"]);
        Assert.Equal(progress.Order(), progress);
        Assert.Equal(2000, progress[^1]);
    }

    [Fact]
    public async Task A_file_with_a_NUL_byte_or_not_in_UTF8_is_refused_naming_the_line_and_no_job_is_made()
    {
        var merchant = Guid.NewGuid();
        var withNul = Encoding.UTF8.GetBytes(Csv(merchant, 5).Replace("Item 2,", "Item\u00002,", StringComparison.Ordinal));
        var latin1 = Encoding.Latin1.GetBytes(Csv(merchant, 5).Replace("Item 3,", "Itém 3,", StringComparison.Ordinal));

        foreach (var file in new[] { withNul, latin1 })
        {
            var response = await UploadAsync(merchant, file, "good-rows-only");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await CatalogPlatform.ReadAsync<JsonObject>(response);
            Assert.Contains("line", (string?)problem["errors"]!["file"]![0], StringComparison.Ordinal);
        }

        Assert.Equal(0L, await platform.Database.ScalarAsync<long>("catalog", "SELECT count(*) FROM import_jobs WHERE merchant_id = @m", ("m", merchant)));
    }

    [Fact]
    public async Task A_file_over_fifty_megabytes_is_refused_with_413_and_no_job_is_made()
    {
        var merchant = Guid.NewGuid();
        var file = new byte[(50 * 1024 * 1024) + 1];
        Encoding.ASCII.GetBytes(Header + "\r\n").CopyTo(file, 0);
        file.AsSpan(Header.Length + 2).Fill((byte)'a');

        var response = await UploadAsync(merchant, file, "dry-run");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0L, await platform.Database.ScalarAsync<long>("catalog", "SELECT count(*) FROM import_jobs WHERE merchant_id = @m", ("m", merchant)));
    }

    [Fact]
    public async Task Bad_requests_are_refused_before_a_job_exists()
    {
        var merchant = Guid.NewGuid();
        var csv = Encoding.UTF8.GetBytes(Csv(merchant, 1));

        Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync(merchant, csv, "sometimes")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync(merchant, csv, "dry-run", "products.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync(merchant, [], "dry-run")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync(merchant, csv, "dry-run", "products.zip")).StatusCode);
        var anonymous = await Catalog.SendAsync(HttpMethod.Post, "/api/v1/imports", merchant);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(0L, await platform.Database.ScalarAsync<long>("catalog", "SELECT count(*) FROM import_jobs WHERE merchant_id = @m", ("m", merchant)));
    }

    [Fact]
    public async Task A_file_that_cannot_be_read_as_the_layout_fails_its_job_clearly()
    {
        var merchant = Guid.NewGuid();
        var job = await FinishedJobAsync(merchant, await UploadAsync(merchant, Encoding.UTF8.GetBytes("Handle,Colour\r\nx,red\r\n"), "good-rows-only"));

        Assert.Equal("failed", (string?)job["status"]);
        Assert.Contains("'Colour'", (string?)job["failure"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_merchant_cannot_read_my_import_job()
    {
        var merchant = Guid.NewGuid();
        var accepted = await UploadAsync(merchant, Encoding.UTF8.GetBytes(Csv(merchant, 2)), "dry-run");
        await FinishedJobAsync(merchant, accepted);
        var id = accepted.Headers.Location!.ToString().Split('/')[^1];

        var rest = await Catalog.AsMerchantAsync(HttpMethod.Get, $"/api/v1/imports/{id}", Guid.NewGuid());
        Assert.Equal(HttpStatusCode.NotFound, rest.StatusCode);
        var graph = await Catalog.GraphQLWithTokenAsync(await platform.Identity.MerchantTokenAsync(Guid.NewGuid()), "query($id: ID!) { importJob(id: $id) { id } }", new { id });
        Assert.Null(graph["data"]!["importJob"]);
        var own = await Catalog.GraphQLWithTokenAsync(await platform.Identity.MerchantTokenAsync(merchant), "query($id: ID!) { importJob(id: $id) { status rowsTotal rowsDone } }", new { id });
        Assert.Equal(2, (int)own["data"]!["importJob"]!["rowsDone"]!);
    }

    [Fact]
    public async Task Ten_thousand_products_import_in_batches()
    {
        var merchant = Guid.NewGuid();
        var file = Encoding.UTF8.GetBytes(Csv(merchant, 10_000));
        var clock = Stopwatch.StartNew();

        var job = await FinishedJobAsync(merchant, await UploadAsync(merchant, file, "all-or-nothing"), timeoutSeconds: 300);

        Assert.Equal("succeeded", (string?)job["status"]);
        Assert.Equal(10_000, await ProductCountAsync(merchant));
        // Reported, never asserted: the machine's load decides it.
        var running = (DateTimeOffset)job["finishedAt"]! - (DateTimeOffset)job["startedAt"]!;
        output.WriteLine($"10,000 products ({file.Length / 1024} KiB of CSV): the job ran {running.TotalSeconds:F1} s; upload to finished {clock.Elapsed.TotalSeconds:F1} s.");
    }
}
