using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using UnifiedCommerce.Catalog.Application;
using UnifiedCommerce.Catalog.Data;
using UnifiedCommerce.Catalog.Domain;
using UnifiedCommerce.PlatformApi;
using UnifiedCommerce.ServiceData;
using Xunit;
using Xunit.Abstractions;

namespace UnifiedCommerce.Catalog.Tests;

/// <summary>
/// The storefront's read path stays cheap as catalogs grow: on a catalog large enough (and analyzed) that the planner
/// would rather scan than use a poorly matching index, every list and detail query reads through an index, and a
/// product page costs a fixed, small number of statements on one connection. The queries are the service's own,
/// run as its login under row-level security.
/// </summary>
[Collection(CatalogCollection.Name)]
public sealed class ReadPathTests(CatalogPlatform platform, ITestOutputHelper output)
{
    private const int LargeCatalogProducts = 10_000;

    [Fact]
    public async Task Every_catalog_list_and_detail_query_reads_through_an_index_on_a_large_catalog()
    {
        var merchant = await platform.NewMerchantWithCatalogAsync();
        await SeedLargeCatalogAsync(merchant);

        var recorder = new CommandRecorder();
        await using var db = Context(merchant, recorder);
        // One connection throughout, so the plans below are explained under the same merchant session.
        await db.Database.OpenConnectionAsync();
        var queries = new CatalogQueries(db, TimeProvider.System, new CollectionQueries(db, TimeProvider.System));

        var firstPage = await queries.ListProductsAsync(null, null, null, includeTotalCount: false, CancellationToken.None);
        await queries.ListProductsAsync(null, firstPage.EndCursor, null, includeTotalCount: false, CancellationToken.None);
        await queries.ListProductsAsync(null, null, "apparel", includeTotalCount: false, CancellationToken.None);
        var product = firstPage.Nodes[0];
        await queries.FindPublishedBySlugAsync(product.Slug, CancellationToken.None);
        await queries.FindBySlugAsync(product.Slug, includeUnpublished: true, CancellationToken.None);
        await queries.ProductsByIdAsync([.. firstPage.Nodes.Select(node => node.Id)], includeUnpublished: false, CancellationToken.None);
        await queries.VariantsByIdAsync([.. firstPage.Nodes.SelectMany(node => node.Variants).Select(variant => variant.Id)], includeUnpublished: false, CancellationToken.None);
        // The admin's list: by status, brand, tag and category, and searched by title or SKU.
        var drafts = await queries.ListForStaffAsync(new StaffProductFilter(Status: "draft"), ProductSort.Newest, null, null, includeTotalCount: false, CancellationToken.None);
        await queries.ListForStaffAsync(new StaffProductFilter(Status: "draft"), ProductSort.Newest, null, drafts.EndCursor, includeTotalCount: false, CancellationToken.None);
        await queries.ListForStaffAsync(new StaffProductFilter(Brand: "Brand 3"), ProductSort.Newest, null, null, includeTotalCount: false, CancellationToken.None);
        await queries.ListForStaffAsync(new StaffProductFilter(Tag: "tag 7"), ProductSort.Newest, null, null, includeTotalCount: false, CancellationToken.None);
        await queries.ListForStaffAsync(new StaffProductFilter(CategorySlug: "apparel"), ProductSort.Newest, null, null, includeTotalCount: false, CancellationToken.None);
        await queries.ListForStaffAsync(new StaffProductFilter(Search: "bulk-77"), ProductSort.Newest, null, null, includeTotalCount: false, CancellationToken.None);
        // Its orders, each with the next page's keyset condition.
        foreach (var sort in new[] { ProductSort.Oldest, ProductSort.Title, ProductSort.TitleDescending, ProductSort.RecentlyUpdated })
        {
            var sorted = await queries.ListForStaffAsync(new StaffProductFilter(), sort, null, null, includeTotalCount: false, CancellationToken.None);
            await queries.ListForStaffAsync(new StaffProductFilter(), sort, null, sorted.EndCursor, includeTotalCount: false, CancellationToken.None);
        }

        // Its stock states, from the catalog's copy of Inventory's counts.
        foreach (var state in Enum.GetValues<StockState>())
        {
            await queries.ListForStaffAsync(new StaffProductFilter(StockState: state), ProductSort.Newest, null, null, includeTotalCount: false, CancellationToken.None);
        }

        // A rule collection's page, read in one statement through the listing index, its price condition through the variants' price index.
        var collections = new CollectionQueries(db, TimeProvider.System);
        var rules = new Collection
        {
            Slug = "rules", Title = "Rules", Kind = CollectionKind.Rules, Match = RuleMatch.All,
            Conditions = [new RuleCondition { Field = RuleField.Tag, Value = "tag 7" }, new RuleCondition { Field = RuleField.Price, Operator = RuleOperator.LessThan, Value = "5000" }],
        };
        await collections.ProductsAsync(rules, null, null, publishedOnly: true, includeTotalCount: false, CancellationToken.None);
        await collections.ForProductsAsync([.. firstPage.Nodes.Select(node => node.Id)], CancellationToken.None);
        Assert.Equal(CatalogQueries.DefaultPageSize, firstPage.Nodes.Count);
        Assert.Equal(CatalogQueries.DefaultPageSize, drafts.Nodes.Count);

        var scans = new List<string>();
        foreach (var command in recorder.Commands.Where(command => ReadsProductsOrVariants(command.Text)))
        {
            var plan = await ExplainAsync(db.Database.GetDbConnection(), command);
            output.WriteLine($"{command.Text}\n{plan}\n");
            if (plan.Contains("Seq Scan on products", StringComparison.Ordinal) || plan.Contains("Seq Scan on variants", StringComparison.Ordinal))
            {
                scans.Add($"{command.Text}\n{plan}");
            }
        }

        Assert.NotEmpty(recorder.Commands);
        Assert.Empty(scans);
    }

    [Fact]
    public async Task A_product_page_is_two_statements_on_one_connection_and_counts_only_when_asked()
    {
        var merchant = await platform.NewMerchantWithCatalogAsync(productsInShirts: 30);

        var recorder = new CommandRecorder();
        await using (var db = Context(merchant, recorder))
        {
            var page = await new CatalogQueries(db, TimeProvider.System, new CollectionQueries(db, TimeProvider.System)).ListProductsAsync(null, null, null, includeTotalCount: false, CancellationToken.None);
            Assert.Equal(CatalogQueries.DefaultPageSize, page.Nodes.Count);
            Assert.All(page.Nodes, node => Assert.Equal(2, node.Variants.Count));
            Assert.Null(page.TotalCount);
        }

        // The products of the page, then their variants; the merchant session is set once, as the connection opens.
        Assert.Equal(2, recorder.Commands.Count);
        Assert.Equal(1, recorder.ConnectionsOpened);

        var counting = new CommandRecorder();
        await using (var db = Context(merchant, counting))
        {
            var page = await new CatalogQueries(db, TimeProvider.System, new CollectionQueries(db, TimeProvider.System)).ListProductsAsync(null, null, null, includeTotalCount: true, CancellationToken.None);
            Assert.Equal(31, page.TotalCount);
        }

        Assert.Equal(3, counting.Commands.Count);
    }

    private CatalogDbContext Context(Guid merchant, CommandRecorder recorder)
    {
        var merchantContext = new MerchantContext();
        merchantContext.Use(merchant);
        var options = new DbContextOptionsBuilder<CatalogDbContext>()
            .UseCommerceNpgsql(platform.Database.ServiceConnection("catalog"))
            .AddInterceptors(recorder, recorder.Connections);
        return new CatalogDbContext((DbContextOptions<CatalogDbContext>)options.Options, merchantContext);
    }

    /// <summary>
    /// 10,000 published products (a tenth of them shirts) with 25,000 variants for the merchant, as many again for
    /// other merchants, then ANALYZE: the planner decides on real statistics.
    /// </summary>
    private async Task SeedLargeCatalogAsync(Guid merchant)
    {
        var shirts = await platform.Database.ScalarAsync<Guid>("catalog", "SELECT id FROM categories WHERE merchant_id = @m AND slug = 'shirts'", ("m", merchant));
        var others = Enumerable.Range(0, 10).Select(_ => Guid.NewGuid()).ToArray();
        await platform.Database.ExecuteAsync("catalog", """
            WITH owners AS (
                SELECT n, CASE WHEN n <= @count THEN @merchant ELSE (@others::uuid[])[1 + n % 10] END AS merchant_id
                FROM generate_series(1, 2 * @count) AS n),
            inserted AS (
                INSERT INTO products (id, merchant_id, slug, name, description, category_id, category_ids, status, brand, tags, options, version, created_at, updated_at)
                SELECT gen_random_uuid(), merchant_id, 'bulk-' || n, 'Bulk product ' || n, 'A product of a large catalog.',
                       CASE WHEN merchant_id = @merchant AND n % 10 = 0 THEN @shirts END,
                       CASE WHEN merchant_id = @merchant AND n % 10 = 0 THEN ARRAY[@shirts] ELSE '{}' END,
                       CASE WHEN n % 20 = 0 THEN 'draft' ELSE 'active' END, 'Brand ' || n % 50, ARRAY['tag ' || n % 40, 'all'],
                       '[{"Name": "Size", "Values": ["1", "2", "3"]}]', 1, now(), now()
                FROM owners
                RETURNING id, merchant_id, slug)
            INSERT INTO variants (id, merchant_id, product_id, sku, title, options, price_amount, currency, sort_order)
            SELECT gen_random_uuid(), inserted.merchant_id, inserted.id, inserted.slug || '-' || v, 'Variant ' || v,
                   jsonb_build_array(jsonb_build_object('Name', 'Size', 'Value', v::text)), 1000 + v, 'USD', v
            FROM inserted CROSS JOIN LATERAL generate_series(1, 2 + (hashtext(inserted.slug) & 1)) AS v;
            -- Inventory's counts as the catalog keeps them: most variants counted, some sold out, some running low.
            INSERT INTO variant_stock (variant_id, merchant_id, product_id, quantity_available, as_of)
            SELECT id, merchant_id, product_id, hashtext(sku) & 31, now() FROM variants WHERE hashtext(sku) % 10 <> 0;
            ANALYZE products;
            ANALYZE variants;
            ANALYZE variant_stock;
            """, ("merchant", merchant), ("others", others), ("shirts", shirts), ("count", LargeCatalogProducts));
    }

    private static bool ReadsProductsOrVariants(string sql) =>
        sql.Contains("FROM products", StringComparison.Ordinal) || sql.Contains("FROM variants", StringComparison.Ordinal);

    private static async Task<string> ExplainAsync(DbConnection connection, RecordedCommand recorded)
    {
        await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + recorded.Text, (NpgsqlConnection)connection);
        foreach (var parameter in recorded.Parameters)
        {
            command.Parameters.Add(parameter.Clone());
        }

        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    private sealed record RecordedCommand(string Text, IReadOnlyList<NpgsqlParameter> Parameters);

    /// <summary>Every statement the context sends, with its parameters, and how many connections it opens.</summary>
    private sealed class CommandRecorder : DbCommandInterceptor
    {
        public List<RecordedCommand> Commands { get; } = [];
        public ConnectionCounter Connections { get; } = new();
        public int ConnectionsOpened => Connections.Opened;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        private void Record(DbCommand command) =>
            Commands.Add(new RecordedCommand(command.CommandText, [.. command.Parameters.Cast<NpgsqlParameter>().Select(parameter => parameter.Clone())]));
    }

    private sealed class ConnectionCounter : DbConnectionInterceptor
    {
        public int Opened { get; private set; }

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Opened++;
            return Task.CompletedTask;
        }
    }
}
