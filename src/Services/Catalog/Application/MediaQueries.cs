using Microsoft.EntityFrameworkCore;
using UnifiedCommerce.Catalog.Data;
using UnifiedCommerce.Catalog.Domain;

namespace UnifiedCommerce.Catalog.Application;

/// <summary>Reads of product media, scoped like every catalog read to the merchant in context.</summary>
public sealed class MediaQueries(CatalogDbContext db, CatalogQueries catalog)
{
    /// <summary>The media of many products in one query (a listing's page), each product's in display order.</summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<ProductMedia>>> MediaByProductAsync(IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken)
    {
        var media = await db.Media.AsNoTracking()
            .Where(m => productIds.Contains(m.ProductId))
            .OrderBy(m => m.ProductId).ThenBy(m => m.Position)
            .ToListAsync(cancellationToken);
        return media.GroupBy(m => m.ProductId).ToDictionary(group => group.Key, group => (IReadOnlyList<ProductMedia>)group.ToList());
    }

    public async Task<IReadOnlyDictionary<Guid, ProductMedia>> MediaByIdAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await db.Media.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);

    /// <summary>
    /// A media whose product the caller may see: published products' media are public; a draft's only for those who
    /// may see drafts (the merchant's own staff and clients with products:read).
    /// </summary>
    public Task<ProductMedia?> FindVisibleAsync(Guid mediaId, bool includeUnpublished, CancellationToken cancellationToken)
    {
        var products = catalog.Visible(includeUnpublished);
        return db.Media.AsNoTracking()
            .FirstOrDefaultAsync(m => m.Id == mediaId && products.Any(p => p.Id == m.ProductId), cancellationToken);
    }
}
