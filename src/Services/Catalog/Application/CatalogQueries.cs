using System.Linq.Expressions;
using System.Text;
using Microsoft.EntityFrameworkCore;
using UnifiedCommerce.Catalog.Data;
using UnifiedCommerce.Catalog.Domain;
using UnifiedCommerce.ServiceDefaults.Http;

namespace UnifiedCommerce.Catalog.Application;

/// <summary>A page of products; <see cref="TotalCount"/> only when the caller asked for it (counting reads every match).</summary>
public sealed record ProductPage(IReadOnlyList<Product> Nodes, int? TotalCount, bool HasNextPage, string? EndCursor);

/// <summary>The staff list's filters; each one left out matches everything.</summary>
public sealed record StaffProductFilter(
    string? Status = null, string? Tag = null, string? Brand = null, string? CategorySlug = null, string? Search = null, Guid? CollectionId = null,
    StockState? StockState = null);

public sealed record CategoryNode(Category Category, IReadOnlyList<CategoryNode> Children);

/// <summary>The read side of the catalog, shared by REST and GraphQL. Every query is scoped to the merchant in context.</summary>
public sealed class CatalogQueries(CatalogDbContext db, TimeProvider clock, CollectionQueries collections)
{
    public const int DefaultPageSize = 24;
    public const int MaxPageSize = 100;

    /// <summary>The clock reads compare publishing windows with.</summary>
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>
    /// What shoppers see: active products inside their publishing window, by the clock at the time of the read, so a
    /// scheduled product appears and disappears on time without anything running.
    /// </summary>
    private Expression<Func<Product, bool>> Published()
    {
        var now = clock.GetUtcNow();
        return product => product.Status == ProductStatus.Active
            && (product.PublishAt == null || product.PublishAt <= now)
            && (product.UnpublishAt == null || product.UnpublishAt > now);
    }

    /// <summary>Published products, newest first (ids are time-ordered), with keyset pagination.</summary>
    public async Task<ProductPage> ListProductsAsync(int? first, string? after, string? categorySlug, bool includeTotalCount, CancellationToken cancellationToken)
    {
        var pageSize = first ?? DefaultPageSize;
        if (pageSize is < 1 or > MaxPageSize)
        {
            throw RequestValidationException.For("first", $"Page size must be between 1 and {MaxPageSize}.");
        }

        var query = db.Products.AsNoTracking().Where(Published());
        if (!string.IsNullOrEmpty(categorySlug))
        {
            var categoryIds = await SubtreeIdsAsync(categorySlug, cancellationToken);
            query = query.Where(product => product.CategoryIds.Any(id => categoryIds.Contains(id)));
        }

        int? totalCount = includeTotalCount ? await query.CountAsync(cancellationToken) : null;
        if (after is not null)
        {
            var afterId = DecodeCursor(after);
            query = query.Where(product => product.Id.CompareTo(afterId) < 0);
        }

        var rows = await query.OrderByDescending(product => product.Id)
            .Take(pageSize + 1)
            .Include(product => product.Variants.OrderBy(variant => variant.SortOrder))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var hasNextPage = rows.Count > pageSize;
        var nodes = rows.Take(pageSize).ToList();
        return new ProductPage(nodes, totalCount, hasNextPage, nodes.Count > 0 ? EncodeCursor(nodes[^1].Id) : null);
    }

    public Task<Product?> FindPublishedBySlugAsync(string slug, CancellationToken cancellationToken) =>
        FindBySlugAsync(slug, includeUnpublished: false, cancellationToken);

    /// <summary>A product by its slug; drafts too when asked (the merchant's own staff and clients, with products:read).</summary>
    public Task<Product?> FindBySlugAsync(string slug, bool includeUnpublished, CancellationToken cancellationToken) =>
        Visible(includeUnpublished)
            .Include(product => product.Variants.OrderBy(variant => variant.SortOrder))
            .AsSplitQuery()
            .FirstOrDefaultAsync(product => product.Slug == slug, cancellationToken);

    /// <summary>A product by id whatever its status: the admin's view (products:read).</summary>
    public Task<Product?> FindByIdAsync(Guid id, CancellationToken cancellationToken) =>
        db.Products.AsNoTracking()
            .Include(product => product.Variants.OrderBy(variant => variant.SortOrder))
            .AsSplitQuery()
            .FirstOrDefaultAsync(product => product.Id == id, cancellationToken);

    /// <summary>Products by id (the gateway's entity lookups): published ones, and drafts too when the caller may see them.</summary>
    public async Task<IReadOnlyDictionary<Guid, Product>> ProductsByIdAsync(IReadOnlyCollection<Guid> ids, bool includeUnpublished, CancellationToken cancellationToken) =>
        await Visible(includeUnpublished)
            .Where(product => ids.Contains(product.Id))
            .Include(product => product.Variants.OrderBy(variant => variant.SortOrder))
            .AsSplitQuery()
            .ToDictionaryAsync(product => product.Id, cancellationToken);

    /// <summary>Variants by id, under the same rule as their product: a draft's variants only for those who may see drafts.</summary>
    public async Task<IReadOnlyDictionary<Guid, ProductVariant>> VariantsByIdAsync(IReadOnlyCollection<Guid> ids, bool includeUnpublished, CancellationToken cancellationToken)
    {
        var products = Visible(includeUnpublished);
        return await db.Variants.AsNoTracking()
            .Where(variant => ids.Contains(variant.Id) && products.Any(product => product.Id == variant.ProductId))
            .ToDictionaryAsync(variant => variant.Id, cancellationToken);
    }

    internal IQueryable<Product> Visible(bool includeUnpublished) =>
        includeUnpublished ? db.Products.AsNoTracking() : db.Products.AsNoTracking().Where(Published());

    /// <summary>
    /// The staff's product list: every status unless filtered, by tag, brand, category (its subtree), collection or stock
    /// state, searched by title (contains) or SKU (whole), in the order asked (newest first by default) with keyset
    /// pagination on the order's key and the id.
    /// </summary>
    public async Task<ProductPage> ListForStaffAsync(StaffProductFilter filter, ProductSort sort, int? first, string? after, bool includeTotalCount,
        CancellationToken cancellationToken)
    {
        var pageSize = first ?? DefaultPageSize;
        if (pageSize is < 1 or > MaxPageSize)
        {
            throw RequestValidationException.For("first", $"Page size must be between 1 and {MaxPageSize}.");
        }

        var query = db.Products.AsNoTracking();
        if (filter.Status is { } statusText)
        {
            if (!CatalogRules.TryParseStatus(statusText, out var status))
            {
                throw RequestValidationException.For("status", "Use draft, active or archived.");
            }

            query = query.Where(product => product.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(filter.Tag))
        {
            // An array overlap (&&), which the GIN index on tags answers.
            List<string> tags = [Domain.ProductTags.Normalise(filter.Tag)];
            query = query.Where(product => product.Tags.Any(tag => tags.Contains(tag)));
        }

        if (!string.IsNullOrWhiteSpace(filter.Brand))
        {
            var brand = filter.Brand.Trim();
            query = query.Where(product => product.Brand == brand);
        }

        if (!string.IsNullOrEmpty(filter.CategorySlug))
        {
            var categoryIds = await SubtreeIdsAsync(filter.CategorySlug, cancellationToken);
            query = query.Where(product => product.CategoryIds.Any(id => categoryIds.Contains(id)));
        }

        if (filter.CollectionId is { } collectionId)
        {
            query = await collections.WithinAsync(query, collectionId, cancellationToken);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var text = filter.Search.Trim();
            if (text.Length > CatalogLimits.Name)
            {
                throw RequestValidationException.For("search", $"At most {CatalogLimits.Name} characters.");
            }

            // A SKU is matched whole (as typed, or in capitals), through the unique SKU index.
            var contains = "%" + LikeEscaped(text) + "%";
            var upper = text.ToUpperInvariant();
            query = query.Where(product => EF.Functions.ILike(product.Name, contains, "\\")
                || db.Variants.Any(variant => variant.ProductId == product.Id && (variant.Sku == text || variant.Sku == upper)));
        }

        if (filter.StockState is { } stockState)
        {
            query = query.Where(InStockState(stockState));
        }

        int? totalCount = includeTotalCount ? await query.CountAsync(cancellationToken) : null;
        var order = ProductOrder.Of(sort);
        if (after is not null)
        {
            query = order.After(query, ProductOrder.Decode(after, order.Sort));
        }

        var rows = await order.Apply(query)
            .Take(pageSize + 1)
            .Include(product => product.Variants.OrderBy(variant => variant.SortOrder))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var nodes = rows.Take(pageSize).ToList();
        return new ProductPage(nodes, totalCount, rows.Count > pageSize, nodes.Count > 0 ? order.Encode(nodes[^1]) : null);
    }

    /// <summary>Products in the stock state, by the catalog's copy of Inventory's counts (a variant without one has none).</summary>
    private Expression<Func<Product, bool>> InStockState(StockState state)
    {
        var stock = db.VariantStock;
        const int low = VariantStock.LowStockThreshold;
        return state switch
        {
            StockState.OutOfStock => product => !db.Variants.Any(variant => variant.ProductId == product.Id
                && stock.Any(count => count.VariantId == variant.Id && count.QuantityAvailable > 0)),
            StockState.LowStock => product => db.Variants.Any(variant => variant.ProductId == product.Id
                    && stock.Any(count => count.VariantId == variant.Id && count.QuantityAvailable > 0))
                && db.Variants.Any(variant => variant.ProductId == product.Id
                    && !stock.Any(count => count.VariantId == variant.Id && count.QuantityAvailable > low)),
            _ => product => !db.Variants.Any(variant => variant.ProductId == product.Id
                && !stock.Any(count => count.VariantId == variant.Id && count.QuantityAvailable > low)),
        };
    }

    /// <summary>The text matched literally: LIKE's wildcards in it are escaped.</summary>
    private static string LikeEscaped(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    public async Task<IReadOnlyDictionary<Guid, Category>> CategoriesByIdAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await db.Categories.AsNoTracking().Where(category => ids.Contains(category.Id)).ToDictionaryAsync(category => category.Id, cancellationToken);

    public Task<Category?> FindCategoryAsync(string slug, CancellationToken cancellationToken) =>
        db.Categories.AsNoTracking().FirstOrDefaultAsync(category => category.Slug == slug, cancellationToken);

    /// <summary>The whole tree in one query; a merchant's category count is small enough to shape in memory.</summary>
    public async Task<IReadOnlyList<CategoryNode>> CategoryTreeAsync(CancellationToken cancellationToken)
    {
        var all = await db.Categories.AsNoTracking().OrderBy(category => category.SortOrder).ThenBy(category => category.Name).ToListAsync(cancellationToken);
        var byParent = all.ToLookup(category => category.ParentId);
        // Bounded, so a cycle in stored data cannot recurse without end (its members have no root and are not shown).
        IReadOnlyList<CategoryNode> Build(Guid? parentId, int depth) => depth > CatalogLimits.CategoryDepth
            ? []
            : byParent[parentId].Select(category => new CategoryNode(category, Build(category.Id, depth + 1))).ToList();
        return Build(null, 1);
    }

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<Category>>> ChildrenByParentAsync(IReadOnlyCollection<Guid> parentIds, CancellationToken cancellationToken)
    {
        var children = await db.Categories.AsNoTracking()
            .Where(category => category.ParentId != null && parentIds.Contains(category.ParentId.Value))
            .OrderBy(category => category.SortOrder).ThenBy(category => category.Name)
            .ToListAsync(cancellationToken);
        return children.GroupBy(category => category.ParentId!.Value)
            .ToDictionary(group => group.Key, group => (IReadOnlyList<Category>)group.ToList());
    }

    private async Task<List<Guid>> SubtreeIdsAsync(string categorySlug, CancellationToken cancellationToken)
    {
        var all = await db.Categories.AsNoTracking().Select(category => new { category.Id, category.ParentId, category.Slug }).ToListAsync(cancellationToken);
        var root = all.FirstOrDefault(category => category.Slug == categorySlug);
        if (root is null)
        {
            return [];
        }

        var children = all.ToLookup(category => category.ParentId);
        // Level by level, each category once and at most CategoryDepth levels: stored data with a cycle still ends.
        var result = new HashSet<Guid> { root.Id };
        var level = new List<Guid> { root.Id };
        for (var depth = 1; depth < CatalogLimits.CategoryDepth && level.Count > 0; depth++)
        {
            level = level.SelectMany(id => children[id]).Select(child => child.Id).Where(result.Add).ToList();
        }

        return [.. result];
    }

    public static string EncodeCursor(Guid id) => Convert.ToBase64String(Encoding.UTF8.GetBytes("p:" + id.ToString("N")));

    public static Guid DecodeCursor(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith("p:", StringComparison.Ordinal) && Guid.TryParseExact(text[2..], "N", out var id))
            {
                return id;
            }
        }
        catch (FormatException)
        {
            // Falls through to the validation error below.
        }

        throw RequestValidationException.For("after", "The cursor is not one this API returned.");
    }
}
