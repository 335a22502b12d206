using System.Text;
using Microsoft.EntityFrameworkCore;
using UnifiedCommerce.Catalog.Data;
using UnifiedCommerce.Catalog.Domain;
using UnifiedCommerce.ServiceDefaults.Http;

namespace UnifiedCommerce.Catalog.Application;

/// <summary>A page of products; <see cref="TotalCount"/> only when the caller asked for it (counting reads every match).</summary>
public sealed record ProductPage(IReadOnlyList<Product> Nodes, int? TotalCount, bool HasNextPage, string? EndCursor);

public sealed record CategoryNode(Category Category, IReadOnlyList<CategoryNode> Children);

/// <summary>The read side of the catalog, shared by REST and GraphQL. Every query is scoped to the merchant in context.</summary>
public sealed class CatalogQueries(CatalogDbContext db)
{
    public const int DefaultPageSize = 24;
    public const int MaxPageSize = 100;

    /// <summary>Published products, newest first (ids are time-ordered), with keyset pagination.</summary>
    public async Task<ProductPage> ListProductsAsync(int? first, string? after, string? categorySlug, bool includeTotalCount, CancellationToken cancellationToken)
    {
        var pageSize = first ?? DefaultPageSize;
        if (pageSize is < 1 or > MaxPageSize)
        {
            throw RequestValidationException.For("first", $"Page size must be between 1 and {MaxPageSize}.");
        }

        var query = db.Products.AsNoTracking().Where(product => product.IsPublished);
        if (!string.IsNullOrEmpty(categorySlug))
        {
            var categoryIds = await SubtreeIdsAsync(categorySlug, cancellationToken);
            query = query.Where(product => product.CategoryId != null && categoryIds.Contains(product.CategoryId.Value));
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
        db.Products.AsNoTracking()
            .Include(product => product.Variants.OrderBy(variant => variant.SortOrder))
            .AsSplitQuery()
            .FirstOrDefaultAsync(product => product.Slug == slug && (includeUnpublished || product.IsPublished), cancellationToken);

    /// <summary>Products by id (the gateway's entity lookups): published ones, and drafts too when the caller may see them.</summary>
    public async Task<IReadOnlyDictionary<Guid, Product>> ProductsByIdAsync(IReadOnlyCollection<Guid> ids, bool includeUnpublished, CancellationToken cancellationToken) =>
        await db.Products.AsNoTracking()
            .Where(product => ids.Contains(product.Id) && (includeUnpublished || product.IsPublished))
            .Include(product => product.Variants.OrderBy(variant => variant.SortOrder))
            .AsSplitQuery()
            .ToDictionaryAsync(product => product.Id, cancellationToken);

    /// <summary>Variants by id, under the same rule as their product: a draft's variants only for those who may see drafts.</summary>
    public async Task<IReadOnlyDictionary<Guid, ProductVariant>> VariantsByIdAsync(IReadOnlyCollection<Guid> ids, bool includeUnpublished, CancellationToken cancellationToken) =>
        await db.Variants.AsNoTracking()
            .Where(variant => ids.Contains(variant.Id)
                && (includeUnpublished || db.Products.Any(product => product.Id == variant.ProductId && product.IsPublished)))
            .ToDictionaryAsync(variant => variant.Id, cancellationToken);

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
