using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using Microsoft.EntityFrameworkCore;
using UnifiedCommerce.Catalog.Data;
using UnifiedCommerce.Catalog.Domain;
using UnifiedCommerce.ServiceDefaults.Http;

namespace UnifiedCommerce.Catalog.Application;

public sealed record CollectionPage(IReadOnlyList<Collection> Nodes, int? TotalCount, bool HasNextPage, string? EndCursor);

/// <summary>What a set of rules matches now: every product (any status), the published ones, and the first few.</summary>
public sealed record RulesPreview(int Count, int PublishedCount, IReadOnlyList<Product> Products);

/// <summary>
/// The read side of collections. A manual collection reads its listed products in its order; a rule collection
/// turns its conditions into one predicate, so each page is one SQL query over the products' own indexes.
/// </summary>
public sealed class CollectionQueries(CatalogDbContext db, TimeProvider clock)
{
    public const int PreviewSize = 5;

    public Task<Collection?> FindBySlugAsync(string slug, CancellationToken cancellationToken) =>
        db.Collections.AsNoTracking().FirstOrDefaultAsync(collection => collection.Slug == slug, cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, Collection>> ByIdAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await db.Collections.AsNoTracking().Where(collection => ids.Contains(collection.Id)).ToDictionaryAsync(collection => collection.Id, cancellationToken);

    /// <summary>The merchant's collections, newest first, with keyset pagination on the id.</summary>
    public async Task<CollectionPage> ListAsync(int? first, string? after, bool includeTotalCount, CancellationToken cancellationToken)
    {
        var pageSize = PageSize(first);
        var query = db.Collections.AsNoTracking();
        int? totalCount = includeTotalCount ? await query.CountAsync(cancellationToken) : null;
        if (after is not null)
        {
            var afterId = CatalogQueries.DecodeCursor(after);
            query = query.Where(collection => collection.Id.CompareTo(afterId) < 0);
        }

        var rows = await query.OrderByDescending(collection => collection.Id).Take(pageSize + 1).ToListAsync(cancellationToken);
        var nodes = rows.Take(pageSize).ToList();
        return new CollectionPage(nodes, totalCount, rows.Count > pageSize, nodes.Count > 0 ? CatalogQueries.EncodeCursor(nodes[^1].Id) : null);
    }

    /// <summary>
    /// A page of the collection's products: a manual one's in its order (the cursor is a position), a rule one's
    /// newest first (the cursor is a product id, as in the product listing). Shoppers see published products only.
    /// </summary>
    public async Task<ProductPage> ProductsAsync(Collection collection, int? first, string? after, bool publishedOnly, bool includeTotalCount, CancellationToken cancellationToken)
    {
        var pageSize = PageSize(first);
        var products = publishedOnly ? db.Products.AsNoTracking().Where(Published()) : db.Products.AsNoTracking();
        List<Product> rows;
        int? totalCount;
        if (collection.Kind == CollectionKind.Manual)
        {
            var members = db.CollectionProducts.AsNoTracking()
                .Where(member => member.CollectionId == collection.Id)
                .Join(products, member => member.ProductId, product => product.Id, (member, product) => new { member.Position, Product = product });
            totalCount = includeTotalCount ? await members.CountAsync(cancellationToken) : null;
            if (after is not null)
            {
                var afterPosition = DecodePosition(after);
                members = members.Where(member => member.Position > afterPosition);
            }

            var page = await members.OrderBy(member => member.Position).Take(pageSize + 1)
                .Select(member => new { member.Position, member.Product.Id })
                .ToListAsync(cancellationToken);
            var loaded = await WithVariants(db.Products.AsNoTracking().Where(product => page.Select(p => p.Id).Contains(product.Id)))
                .ToDictionaryAsync(product => product.Id, cancellationToken);
            rows = page.Where(p => loaded.ContainsKey(p.Id)).Select(p => loaded[p.Id]).ToList();
            var hasNext = rows.Count > pageSize;
            var nodes = rows.Take(pageSize).ToList();
            return new ProductPage(nodes, totalCount, hasNext, nodes.Count > 0 ? EncodePosition(page[nodes.Count - 1].Position) : null);
        }

        var matching = products.Where(await PredicateAsync(collection.Match, collection.Conditions, cancellationToken));
        totalCount = includeTotalCount ? await matching.CountAsync(cancellationToken) : null;
        if (after is not null)
        {
            var afterId = CatalogQueries.DecodeCursor(after);
            matching = matching.Where(product => product.Id.CompareTo(afterId) < 0);
        }

        rows = await WithVariants(matching.OrderByDescending(product => product.Id).Take(pageSize + 1)).ToListAsync(cancellationToken);
        var ruleNodes = rows.Take(pageSize).ToList();
        return new ProductPage(ruleNodes, totalCount, rows.Count > pageSize, ruleNodes.Count > 0 ? CatalogQueries.EncodeCursor(ruleNodes[^1].Id) : null);
    }

    /// <summary>What the rules would match: the admin's live count while a merchant writes them.</summary>
    public async Task<RulesPreview> PreviewAsync(CollectionRulesInput rules, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var conditions = CollectionRules.Validate("rules", rules, errors);
        errors.ThrowIfAny();
        var matching = db.Products.AsNoTracking().Where(await PredicateAsync(rules.Match, conditions, cancellationToken));
        var count = await matching.CountAsync(cancellationToken);
        var published = await matching.Where(Published()).CountAsync(cancellationToken);
        var first = await WithVariants(matching.OrderByDescending(product => product.Id).Take(PreviewSize)).ToListAsync(cancellationToken);
        return new RulesPreview(count, published, first);
    }

    /// <summary>The products of the collection as a filter (the staff list's collection filter); an unknown collection matches nothing.</summary>
    public async Task<IQueryable<Product>> WithinAsync(IQueryable<Product> products, Guid collectionId, CancellationToken cancellationToken)
    {
        var collection = await db.Collections.AsNoTracking().FirstOrDefaultAsync(c => c.Id == collectionId, cancellationToken);
        if (collection is null)
        {
            return products.Where(product => false);
        }

        return collection.Kind == CollectionKind.Manual
            ? products.Where(product => db.CollectionProducts.Any(member => member.CollectionId == collectionId && member.ProductId == product.Id))
            : products.Where(await PredicateAsync(collection.Match, collection.Conditions, cancellationToken));
    }

    /// <summary>
    /// The collections each product is in: its manual memberships and every rule collection that matches it, in
    /// one SQL query (one branch per rule collection, joined by UNION ALL).
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<Collection>>> ForProductsAsync(IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken)
    {
        var collections = await db.Collections.AsNoTracking().ToDictionaryAsync(collection => collection.Id, cancellationToken);
        var ids = productIds.ToList();
        var pairs = db.CollectionProducts.AsNoTracking()
            .Where(member => ids.Contains(member.ProductId))
            .Select(member => new { member.ProductId, member.CollectionId });
        var subtrees = await SubtreesAsync(collections.Values.SelectMany(c => c.Conditions), cancellationToken);
        foreach (var rules in collections.Values.Where(c => c.Kind == CollectionKind.Rules))
        {
            var collectionId = rules.Id;
            pairs = pairs.Concat(db.Products.AsNoTracking()
                .Where(product => ids.Contains(product.Id))
                .Where(CollectionRules.Predicate(rules.Match, rules.Conditions, subtrees))
                .Select(product => new { ProductId = product.Id, CollectionId = collectionId }));
        }

        var found = await pairs.ToListAsync(cancellationToken);
        return found.GroupBy(pair => pair.ProductId).ToDictionary(
            group => group.Key,
            group => (IReadOnlyList<Collection>)group.Select(pair => collections[pair.CollectionId]).DistinctBy(c => c.Id).OrderBy(c => c.Title, StringComparer.Ordinal).ToList());
    }

    private async Task<Expression<Func<Product, bool>>> PredicateAsync(RuleMatch match, IReadOnlyList<RuleCondition> conditions, CancellationToken cancellationToken) =>
        CollectionRules.Predicate(match, conditions, await SubtreesAsync(conditions, cancellationToken));

    /// <summary>Each category a condition names with its subcategories (bounded by the tree's depth).</summary>
    private async Task<Dictionary<Guid, List<Guid>>> SubtreesAsync(IEnumerable<RuleCondition> conditions, CancellationToken cancellationToken)
    {
        var named = conditions.Where(c => c.Field == RuleField.Category).Select(c => Guid.Parse(c.Value)).Distinct().ToList();
        if (named.Count == 0)
        {
            return [];
        }

        var children = (await db.Categories.AsNoTracking().Select(c => new { c.Id, c.ParentId }).ToListAsync(cancellationToken)).ToLookup(c => c.ParentId);
        var result = new Dictionary<Guid, List<Guid>>();
        foreach (var root in named)
        {
            var subtree = new HashSet<Guid> { root };
            var level = new List<Guid> { root };
            for (var depth = 1; depth < CatalogLimits.CategoryDepth && level.Count > 0; depth++)
            {
                level = level.SelectMany(id => children[id]).Select(child => child.Id).Where(subtree.Add).ToList();
            }

            result[root] = [.. subtree];
        }

        return result;
    }

    private Expression<Func<Product, bool>> Published()
    {
        var now = clock.GetUtcNow();
        return product => product.Status == ProductStatus.Active
            && (product.PublishAt == null || product.PublishAt <= now)
            && (product.UnpublishAt == null || product.UnpublishAt > now);
    }

    private static IQueryable<Product> WithVariants(IQueryable<Product> products) =>
        products.Include(product => product.Variants.OrderBy(variant => variant.SortOrder)).AsSplitQuery();

    private static int PageSize(int? first)
    {
        var pageSize = first ?? CatalogQueries.DefaultPageSize;
        if (pageSize is < 1 or > CatalogQueries.MaxPageSize)
        {
            throw RequestValidationException.For("first", $"Page size must be between 1 and {CatalogQueries.MaxPageSize}.");
        }

        return pageSize;
    }

    private static string EncodePosition(int position) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("m:" + position.ToString(CultureInfo.InvariantCulture)));

    private static int DecodePosition(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith("m:", StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var position))
            {
                return position;
            }
        }
        catch (FormatException)
        {
            // Falls through to the validation error below.
        }

        throw RequestValidationException.For("after", "The cursor is not one this API returned.");
    }
}
