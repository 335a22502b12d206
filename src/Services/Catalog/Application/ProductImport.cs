using Microsoft.EntityFrameworkCore;
using UnifiedCommerce.Catalog.Domain;
using UnifiedCommerce.ServiceDefaults.Http;

namespace UnifiedCommerce.Catalog.Application;

/// <summary>One product of an import file, with where its rows are (for the error report).</summary>
public sealed record ImportCandidate(int FirstLine, IReadOnlyList<int> VariantLines, string Slug, ProductInput Input);

/// <summary>What a batch did: products created and updated, and each product refused with its field errors.</summary>
public sealed record ImportBatchResult(int Created, int Updated, IReadOnlyList<(ImportCandidate Candidate, IDictionary<string, string[]> Errors)> Refused);

public sealed partial class CatalogCommands
{
    /// <summary>
    /// Upserts a batch of products by handle with one query per kind of lookup and one save: the same rules as a
    /// product write (<see cref="CatalogRules.ValidateProduct"/>, categories by slug, SKUs free, the store's
    /// currency), each product's changes and ProductChanged event as in <see cref="UpsertProductAsync"/>. An import
    /// is the merchant's word for the product as it should be, so an existing product is replaced without a version.
    /// Refused products are left out and reported; the caller decides what a refusal means for the whole file.
    /// </summary>
    public async Task<ImportBatchResult> ImportBatchAsync(
        IReadOnlyList<ImportCandidate> batch, IReadOnlyDictionary<string, Guid> categoriesBySlug, CancellationToken cancellationToken)
    {
        merchant.RequireMerchantId();
        var refused = new List<(ImportCandidate, IDictionary<string, string[]>)>();
        var valid = new List<(ImportCandidate Candidate, ValidProduct Product, List<Guid> CategoryIds)>();
        foreach (var candidate in batch)
        {
            try
            {
                var product = CatalogRules.ValidateProduct(candidate.Slug, candidate.Input);
                valid.Add((candidate, product, CategoryIdsOf(product, categoriesBySlug)));
            }
            catch (RequestValidationException invalid)
            {
                refused.Add((candidate, invalid.Errors));
            }
        }

        var slugs = valid.Select(v => v.Product.Slug).ToList();
        var existing = await db.Products.Where(p => slugs.Contains(p.Slug)).ToDictionaryAsync(p => p.Slug, StringComparer.Ordinal, cancellationToken);
        if (existing.Count > 0)
        {
            // Their variants by product id, tracked, so each product's Variants fill in. (Not an Include: its
            // split query joins products again, which a long import's unanalysed rows can make a scan.)
            var ids = existing.Values.Select(p => p.Id).ToList();
            await db.Variants.Where(v => ids.Contains(v.ProductId)).LoadAsync(cancellationToken);
        }

        var owners = await SkuOwnersAsync(valid.SelectMany(v => v.Product.Variants.Select(variant => variant.Sku)).ToList(), existing.Values, cancellationToken);
        var storeCurrency = await db.Variants.AsNoTracking().Select(v => v.Currency).FirstOrDefaultAsync(cancellationToken);

        var created = 0;
        var updated = 0;
        foreach (var (candidate, product, categoryIds) in valid)
        {
            try
            {
                ThrowIfSkusTaken(product.Variants, product.Variants
                    .Where(v => owners.TryGetValue(v.Sku, out var owner) && owner.Slug != product.Slug)
                    .Select(v => (v.Sku, owners[v.Sku].Slug)));
                // The store's currency: what its products use, or the first product's of this file.
                ThrowIfOtherCurrency(storeCurrency, product.Variants[0].Currency);
                storeCurrency ??= product.Variants[0].Currency;
            }
            catch (RequestValidationException invalid)
            {
                refused.Add((candidate, invalid.Errors));
                continue;
            }

            var target = existing.GetValueOrDefault(product.Slug);
            var isNew = target is null;
            if (target is null)
            {
                target = new Product { Slug = product.Slug, Name = product.Name };
                db.Products.Add(target);
            }

            var changes = ProductChanges.Apply(target, product, categoryIds);
            changes.AddRange(ApplyVariants(target, product.Variants));
            if (isNew)
            {
                Touch(target, ["created"]);
                created++;
            }
            else if (changes.Count > 0)
            {
                Touch(target, changes);
                updated++;
            }
        }

        await SaveAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new ImportBatchResult(created, updated, refused);
    }

    private readonly record struct SkuOwner(Guid ProductId, string Slug);

    /// <summary>
    /// The product that uses each of these SKUs now, with its slug for error messages: the one SKU rule of single
    /// writes and imports. Variants alone are read (through the SKU's unique index): joined to products inside an
    /// import's long transaction, whose rows the statistics do not know yet, the planner scanned every product the
    /// import had written for each batch. Owners other than the batch's own products (a SKU taken elsewhere: rare)
    /// are named by a second read, by primary key.
    /// </summary>
    private async Task<Dictionary<string, SkuOwner>> SkuOwnersAsync(
        List<string> skus, IEnumerable<Product> batchProducts, CancellationToken cancellationToken)
    {
        var owners = await db.Variants.AsNoTracking()
            .Where(v => skus.Contains(v.Sku))
            .Select(v => new { v.Sku, v.ProductId })
            .ToListAsync(cancellationToken);
        var slugs = batchProducts.ToDictionary(p => p.Id, p => p.Slug);
        var others = owners.Select(o => o.ProductId).Where(id => !slugs.ContainsKey(id)).Distinct().ToList();
        if (others.Count > 0)
        {
            foreach (var other in await db.Products.AsNoTracking().Where(p => others.Contains(p.Id)).Select(p => new { p.Id, p.Slug }).ToListAsync(cancellationToken))
            {
                slugs[other.Id] = other.Slug;
            }
        }

        // A product deleted between the two reads no longer owns its SKUs.
        return owners.Where(o => slugs.ContainsKey(o.ProductId))
            .ToDictionary(o => o.Sku, o => new SkuOwner(o.ProductId, slugs[o.ProductId]), StringComparer.Ordinal);
    }

    /// <summary>The merchant's categories by slug, once per import.</summary>
    public async Task<IReadOnlyDictionary<string, Guid>> CategoriesBySlugAsync(CancellationToken cancellationToken) =>
        await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Slug, c => c.Id, StringComparer.Ordinal, cancellationToken);
}
