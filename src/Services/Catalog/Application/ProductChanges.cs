using UnifiedCommerce.Catalog.Domain;
using UnifiedCommerce.Contracts.Catalog;

namespace UnifiedCommerce.Catalog.Application;

/// <summary>
/// Applies a validated input to a product and names what changed (the <c>Changes</c> of ProductChanged), touching
/// only what differs so that an unchanged write leaves nothing to save.
/// </summary>
public static class ProductChanges
{
    public static List<string> Apply(Product product, ValidProduct valid, List<Guid> categoryIds)
    {
        var changes = new List<string>();
        void Change<T>(string name, T current, T next, Action<T> set)
        {
            if (!EqualityComparer<T>.Default.Equals(current, next))
            {
                set(next);
                if (!changes.Contains(name))
                {
                    changes.Add(name);
                }
            }
        }

        Change("slug", product.Slug, valid.Slug, value => product.Slug = value);
        Change("name", product.Name, valid.Name, value => product.Name = value);
        Change("description", product.Description, valid.Description, value => product.Description = value);
        Change("brand", product.Brand, valid.Brand, value => product.Brand = value);
        Change("productType", product.ProductType, valid.ProductType, value => product.ProductType = value);
        if (!product.Tags.SequenceEqual(valid.Tags))
        {
            product.Tags = [.. valid.Tags];
            changes.Add("tags");
        }

        Change("status", product.Status, valid.Status, value => product.Status = value);
        Change("schedule", product.PublishAt, valid.PublishAt, value => product.PublishAt = value);
        Change("schedule", product.UnpublishAt, valid.UnpublishAt, value => product.UnpublishAt = value);
        Change("seo", product.SeoTitle, valid.SeoTitle, value => product.SeoTitle = value);
        Change("seo", product.SeoDescription, valid.SeoDescription, value => product.SeoDescription = value);
        Guid? primary = categoryIds.Count > 0 ? categoryIds[0] : null;
        if (product.CategoryId != primary || !product.CategoryIds.SequenceEqual(categoryIds))
        {
            product.CategoryId = primary;
            product.CategoryIds = categoryIds;
            changes.Add("categories");
        }

        if (product.Options.Count != valid.Options.Count
            || product.Options.Zip(valid.Options).Any(pair => pair.First.Name != pair.Second.Name || !pair.First.Values.SequenceEqual(pair.Second.Values)))
        {
            product.Options = valid.Options.Select(option => new ProductOption { Name = option.Name, Values = [.. option.Values] }).ToList();
            changes.Add("options");
        }

        return changes;
    }

    public static ProductChanged Event(Product product, IReadOnlyList<string> changes, Guid merchantId, DateTimeOffset now) => new()
    {
        EventId = Guid.CreateVersion7(),
        MerchantId = merchantId,
        AggregateId = product.Id,
        AggregateVersion = product.Version,
        OccurredAt = now,
        Slug = product.Slug,
        Name = product.Name,
        IsPublished = product.IsPublishedAt(now),
        Status = product.Status.ToString().ToLowerInvariant(),
        PublishAt = product.PublishAt,
        UnpublishAt = product.UnpublishAt,
        Brand = product.Brand,
        ProductType = product.ProductType,
        Tags = [.. product.Tags],
        PrimaryCategoryId = product.CategoryId,
        CategoryIds = [.. product.CategoryIds],
        Changes = [.. changes],
        Variants = product.Variants.OrderBy(v => v.SortOrder)
            .Select(v => new ProductVariantSnapshot(v.Id, v.Sku, v.PriceAmount, v.Currency) { CompareAtPriceAmount = v.CompareAtPriceAmount })
            .ToList(),
    };
}
