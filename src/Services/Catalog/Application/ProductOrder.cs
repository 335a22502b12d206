using System.Globalization;
using System.Text;
using UnifiedCommerce.Catalog.Domain;
using UnifiedCommerce.ServiceDefaults.Http;

namespace UnifiedCommerce.Catalog.Application;

/// <summary>
/// An order of the staff list and its keyset pagination: each order sorts by its key and then the id, and a cursor
/// carries both, so a page follows the one before it exactly however many products were added meanwhile. Newest first
/// keeps the cursors it always had (the id alone).
/// </summary>
internal sealed class ProductOrder
{
    private ProductOrder(ProductSort sort) => Sort = sort;

    public ProductSort Sort { get; }

    public static ProductOrder Of(ProductSort sort) => new(sort);

    public IQueryable<Product> Apply(IQueryable<Product> query) => Sort switch
    {
        ProductSort.Oldest => query.OrderBy(product => product.Id),
        ProductSort.Title => query.OrderBy(product => product.Name).ThenBy(product => product.Id),
        ProductSort.TitleDescending => query.OrderByDescending(product => product.Name).ThenByDescending(product => product.Id),
        ProductSort.RecentlyUpdated => query.OrderByDescending(product => product.UpdatedAt).ThenByDescending(product => product.Id),
        _ => query.OrderByDescending(product => product.Id),
    };

    public IQueryable<Product> After(IQueryable<Product> query, Position position)
    {
        var id = position.Id;
        var name = position.Key;
        return Sort switch
        {
            ProductSort.Oldest => query.Where(product => product.Id.CompareTo(id) > 0),
            ProductSort.Title => query.Where(product => string.Compare(product.Name, name) > 0
                || (product.Name == name && product.Id.CompareTo(id) > 0)),
            ProductSort.TitleDescending => query.Where(product => string.Compare(product.Name, name) < 0
                || (product.Name == name && product.Id.CompareTo(id) < 0)),
            ProductSort.RecentlyUpdated => UpdatedBefore(query, DateTimeOffset.ParseExact(position.Key, "O", CultureInfo.InvariantCulture), id),
            _ => query.Where(product => product.Id.CompareTo(id) < 0),
        };
    }

    private static IQueryable<Product> UpdatedBefore(IQueryable<Product> query, DateTimeOffset updatedAt, Guid id) =>
        query.Where(product => product.UpdatedAt < updatedAt || (product.UpdatedAt == updatedAt && product.Id.CompareTo(id) < 0));

    public string Encode(Product last) => Sort switch
    {
        ProductSort.Newest => CatalogQueries.EncodeCursor(last.Id),
        ProductSort.Title or ProductSort.TitleDescending => Encode(last.Id, last.Name),
        ProductSort.RecentlyUpdated => Encode(last.Id, last.UpdatedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)),
        _ => Encode(last.Id, ""),
    };

    private string Encode(Guid id, string key) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"s:{Sort}:{id:N}:{key}"));

    /// <summary>Where a page ended. A cursor from another order, or one this API never gave, is a 400 naming <c>after</c>.</summary>
    public static Position Decode(string cursor, ProductSort sort)
    {
        if (sort == ProductSort.Newest)
        {
            return new Position(CatalogQueries.DecodeCursor(cursor), "");
        }

        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(cursor)).Split(':', 4);
            if (parts is ["s", var order, var id, var key] && order == sort.ToString() && Guid.TryParseExact(id, "N", out var productId)
                && (sort != ProductSort.RecentlyUpdated || DateTimeOffset.TryParseExact(key, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
            {
                return new Position(productId, key);
            }
        }
        catch (FormatException)
        {
            // Falls through to the validation error below.
        }

        throw RequestValidationException.For("after", "The cursor is not one this API returned for this order.");
    }

    public sealed record Position(Guid Id, string Key);
}
