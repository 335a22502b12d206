using Microsoft.EntityFrameworkCore;
using UnifiedCommerce.Catalog.Domain;
using UnifiedCommerce.Contracts.Catalog;
using UnifiedCommerce.ServiceDefaults.Http;
using UnifiedCommerce.Messaging;

namespace UnifiedCommerce.Catalog.Application;

/// <summary>Names a product by its id (GraphQL, bulk actions) or by its slug (REST).</summary>
public sealed record ProductRef(Guid? Id, string? Slug)
{
    public static ProductRef ById(Guid id) => new(id, null);

    public static ProductRef BySlug(string slug) => new(null, slug);

    public override string ToString() => Id?.ToString() ?? $"'{Slug}'";
}

/// <summary>
/// Thrown when a write would replace an existing product without saying which version it was based on. REST answers
/// 428 Precondition Required: the client must read the product and send its version in If-Match.
/// </summary>
public sealed class VersionRequiredException(string message) : Exception(message);

public enum BulkAction
{
    Publish,
    Archive,
    Delete,
    AddTag,
    RemoveTag,
    MoveToCategory,
}

public sealed record BulkInput(string Action, IReadOnlyList<Guid> Ids, string? Tag = null, string? CategorySlug = null);

/// <summary>What a bulk action did to one product: done (with the new version, none when deleted), or why not.</summary>
public sealed record BulkResult(Guid ProductId, bool Ok, string? Code, string? Message, long? Version);

public sealed partial class CatalogCommands
{
    /// <summary>
    /// REST's PUT: creates the product under its slug, or replaces it. Creating and repeating a write that changes
    /// nothing stay idempotent without a version; replacing an existing product needs the version it was based on.
    /// </summary>
    public async Task<(Product Product, UpsertOutcome Outcome)> UpsertProductAsync(string slug, ProductInput input, long? expectedVersion, CancellationToken cancellationToken)
    {
        merchant.RequireMerchantId();
        var valid = CatalogRules.ValidateProduct(slug, input);
        var product = await LoadAsync(ProductRef.BySlug(slug), cancellationToken);
        if (product is null && expectedVersion is not null)
        {
            throw new NotFoundException($"No product '{slug}' to update: it may have been deleted. Leave If-Match out to create it.");
        }

        return await SaveProductAsync(product, valid, expectedVersion, cancellationToken);
    }

    /// <summary>GraphQL's productCreate: a new product under a slug no other product has (repeating the same create is harmless).</summary>
    public async Task<(Product Product, UpsertOutcome Outcome)> CreateProductAsync(string slug, ProductInput input, CancellationToken cancellationToken)
    {
        merchant.RequireMerchantId();
        var valid = CatalogRules.ValidateProduct(slug, input);
        var existing = await LoadAsync(ProductRef.BySlug(slug), cancellationToken);
        // The same product again is a repeated create; anything else under the slug is another product.
        return await SaveProductAsync(existing, valid, expectedVersion: null, cancellationToken, onChange: () =>
            throw RequestValidationException.For("slug", $"Another product has the slug '{slug}'."));
    }

    /// <summary>GraphQL's productUpdate: replaces the product (its slug too) if it is still at <paramref name="expectedVersion"/>.</summary>
    public async Task<Product> UpdateProductAsync(Guid id, long expectedVersion, string slug, ProductInput input, CancellationToken cancellationToken)
    {
        merchant.RequireMerchantId();
        var valid = CatalogRules.ValidateProduct(slug, input);
        var product = await LoadAsync(ProductRef.ById(id), cancellationToken) ?? throw NotFound(ProductRef.ById(id));
        if (product.Slug != slug && await db.Products.AnyAsync(other => other.Slug == slug && other.Id != id, cancellationToken))
        {
            throw RequestValidationException.For("slug", $"Another product has the slug '{slug}'.");
        }

        return (await SaveProductAsync(product, valid, expectedVersion, cancellationToken)).Product;
    }

    /// <summary>Takes the product off sale and out of the merchant's everyday lists; it can be restored.</summary>
    public Task<Product> ArchiveAsync(ProductRef target, long? expectedVersion, CancellationToken cancellationToken) =>
        TransitionAsync(target, expectedVersion, product =>
        {
            product.Status = ProductStatus.Archived;
            return ["status"];
        }, cancellationToken);

    /// <summary>Brings an archived product back as a draft: the merchant decides again when it goes on sale.</summary>
    public Task<Product> RestoreAsync(ProductRef target, long? expectedVersion, CancellationToken cancellationToken) =>
        TransitionAsync(target, expectedVersion, product =>
        {
            if (product.Status != ProductStatus.Archived)
            {
                throw new ConflictException($"Only an archived product can be restored; '{product.Slug}' is {Text(product.Status)}.");
            }

            product.Status = ProductStatus.Draft;
            return ["status"];
        }, cancellationToken);

    /// <summary>Removes a draft or archived product and its variants for good, and tells subscribers it is gone.</summary>
    public async Task DeleteAsync(ProductRef target, long? expectedVersion, CancellationToken cancellationToken)
    {
        var merchantId = merchant.RequireMerchantId();
        var product = await LoadAsync(target, cancellationToken) ?? throw NotFound(target);
        RequireVersion(product, expectedVersion);
        RequireDeletable(product);
        var now = clock.GetUtcNow();
        // The rows go with the product (cascade); their stored files are removed once that has committed.
        var removedMedia = await db.Media.AsNoTracking().Where(m => m.ProductId == product.Id).ToListAsync(cancellationToken);
        db.Products.Remove(product);
        db.OutboxMessages.Add(OutboxMessage.From(new ProductDeleted
        {
            EventId = Guid.CreateVersion7(),
            MerchantId = merchantId,
            AggregateId = product.Id,
            AggregateVersion = product.Version + 1,
            OccurredAt = now,
            Slug = product.Slug,
            VariantIds = product.Variants.Select(variant => variant.Id).ToList(),
            Skus = product.Variants.Select(variant => variant.Sku).ToList(),
        }));
        await SaveAsync(cancellationToken);
        await media.RemoveFilesAsync(removedMedia);
    }

    /// <summary>
    /// Which products may be deleted. This is where the "ever ordered" rule goes once an Ordering service exists: a
    /// product that has been ordered can then only be archived, since orders keep pointing at it. Until then the rule
    /// is that nothing on sale disappears from under shoppers: an active product is archived first.
    /// </summary>
    private static void RequireDeletable(Product product)
    {
        if (product.Status == ProductStatus.Active)
        {
            throw new ConflictException($"'{product.Slug}' is active (for sale): archive it first, then delete it.");
        }
    }

    /// <summary>
    /// One action on many products. Each product is changed and saved on its own (its own transaction), so a product
    /// that fails is left exactly as it was while the others go through; the result says what happened to each.
    /// </summary>
    public async Task<IReadOnlyList<BulkResult>> BulkAsync(BulkInput input, CancellationToken cancellationToken)
    {
        merchant.RequireMerchantId();
        var errors = new FieldErrors();
        if (!Enum.TryParse<BulkAction>(input.Action?.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var action)
            || !Enum.IsDefined(action) || input.Action.Any(char.IsDigit))
        {
            errors.Add("action", "Use publish, archive, delete, addTag, removeTag or moveToCategory.");
        }

        if (input.Ids is null || input.Ids.Count is 0 or > CatalogLimits.BulkProducts)
        {
            errors.Add("ids", $"Name 1 to {CatalogLimits.BulkProducts} products.");
        }

        string? tag = null;
        if (action is BulkAction.AddTag or BulkAction.RemoveTag)
        {
            tag = input.Tag is null ? null : CatalogRules.ValidateTags("tag", [input.Tag], errors).FirstOrDefault();
            if (tag is null && !errors.Has("tag[0]"))
            {
                errors.Add("tag", "Name the tag to add or remove.");
            }
        }

        Category? category = null;
        if (action == BulkAction.MoveToCategory)
        {
            category = string.IsNullOrEmpty(input.CategorySlug)
                ? null
                : await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == input.CategorySlug, cancellationToken);
            if (category is null)
            {
                errors.Add("categorySlug", string.IsNullOrEmpty(input.CategorySlug) ? "Name the category to move the products to." : $"No category '{input.CategorySlug}'.");
            }
        }

        if (errors.Has("tag[0]"))
        {
            errors.Add("tag", "A tag has 1 to 40 characters on one line.");
        }

        errors.ThrowIfAny();
        var results = new List<BulkResult>();
        foreach (var id in input.Ids!.Distinct())
        {
            try
            {
                var target = ProductRef.ById(id);
                if (action == BulkAction.Delete)
                {
                    await DeleteAsync(target, null, cancellationToken);
                    results.Add(new BulkResult(id, true, null, null, null));
                    continue;
                }

                var product = await TransitionAsync(target, null, product => action switch
                {
                    BulkAction.Publish => Set(product.Status != ProductStatus.Active, () => product.Status = ProductStatus.Active, "status"),
                    BulkAction.Archive => Set(product.Status != ProductStatus.Archived, () => product.Status = ProductStatus.Archived, "status"),
                    BulkAction.AddTag => AddTag(product, tag!),
                    BulkAction.RemoveTag => Set(product.Tags.Contains(tag!), () => product.Tags = product.Tags.Where(t => t != tag).ToList(), "tags"),
                    BulkAction.MoveToCategory => Set(product.CategoryId != category!.Id || product.CategoryIds.Count != 1,
                        () => (product.CategoryId, product.CategoryIds) = (category!.Id, [category.Id]), "categories"),
                    _ => throw new ArgumentOutOfRangeException(nameof(input)),
                }, cancellationToken);
                results.Add(new BulkResult(id, true, null, null, product.Version));
            }
            catch (Exception exception) when (exception is RequestValidationException or ConflictException or NotFoundException or DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                var (code, message) = exception switch
                {
                    RequestValidationException validation => ("BAD_USER_INPUT", string.Join(" ", validation.Errors.SelectMany(e => e.Value))),
                    NotFoundException => ("NOT_FOUND", exception.Message),
                    _ => ("CONFLICT", exception is DbUpdateConcurrencyException ? "It was changed by someone else meanwhile; try again." : exception.Message),
                };
                results.Add(new BulkResult(id, false, code, message, null));
            }
        }

        return results;
    }

    private static string[] AddTag(Product product, string tag)
    {
        if (product.Tags.Contains(tag))
        {
            return [];
        }

        if (product.Tags.Count >= ProductTags.MaxCount)
        {
            throw RequestValidationException.For("tags", $"'{product.Slug}' has {ProductTags.MaxCount} tags already, the most a product may have.");
        }

        product.Tags = [.. product.Tags, tag];
        return ["tags"];
    }

    private static string[] Set(bool changes, Action apply, string change)
    {
        if (!changes)
        {
            return [];
        }

        apply();
        return [change];
    }

    /// <summary>Loads the product, checks its version, applies a change and saves it with its event (when anything changed).</summary>
    private async Task<Product> TransitionAsync(ProductRef target, long? expectedVersion, Func<Product, string[]> change, CancellationToken cancellationToken)
    {
        merchant.RequireMerchantId();
        var product = await LoadAsync(target, cancellationToken) ?? throw NotFound(target);
        RequireVersion(product, expectedVersion);
        var changes = change(product);
        if (changes.Length == 0)
        {
            return product;
        }

        Touch(product, changes);
        await SaveAsync(cancellationToken);
        return product;
    }

    /// <summary>
    /// Creates the product, or changes it when it is at <paramref name="expectedVersion"/>. A change that alters
    /// nothing is <see cref="UpsertOutcome.Unchanged"/> (no version, no event); any other change to an existing
    /// product needs the version (<see cref="VersionRequiredException"/>), unless <paramref name="onChange"/> refuses it first.
    /// </summary>
    private async Task<(Product Product, UpsertOutcome Outcome)> SaveProductAsync(
        Product? product, ValidProduct valid, long? expectedVersion, CancellationToken cancellationToken, Action? onChange = null)
    {
        var categories = await ResolveCategoriesAsync(valid, cancellationToken);
        await RequireFreeSkusAsync(product, valid.Variants, cancellationToken);
        await RequireStoreCurrencyAsync(product?.Id, valid.Variants[0].Currency, cancellationToken);

        var outcome = UpsertOutcome.Updated;
        if (product is null)
        {
            product = new Product { Slug = valid.Slug, Name = valid.Name };
            db.Products.Add(product);
            outcome = UpsertOutcome.Created;
        }
        else
        {
            RequireVersion(product, expectedVersion);
        }

        var changes = ProductChanges.Apply(product, valid, categories);
        changes.AddRange(ApplyVariants(product, valid.Variants));
        if (outcome == UpsertOutcome.Updated)
        {
            if (changes.Count == 0)
            {
                return (product, UpsertOutcome.Unchanged);
            }

            if (onChange is not null || expectedVersion is null)
            {
                // The refused change must not reach a later save in this scope (another mutation of the same request).
                db.ChangeTracker.Clear();
                onChange?.Invoke();
                throw new VersionRequiredException(
                    $"'{valid.Slug}' exists: to change it, send the version you read (If-Match: \"{product.Version}\" if you read it just now), so nobody else's edit is overwritten.");
            }
        }

        Touch(product, outcome == UpsertOutcome.Created ? ["created"] : changes);
        await SaveAsync(cancellationToken);
        return (product, outcome);
    }

    /// <summary>Bumps the version and records the change with its event, in the same unit of work.</summary>
    private void Touch(Product product, IReadOnlyList<string> changes)
    {
        product.UpdatedAt = clock.GetUtcNow();
        product.Version++;
        db.OutboxMessages.Add(OutboxMessage.From(ProductChanges.Event(product, changes, merchant.RequireMerchantId(), product.UpdatedAt)));
    }

    private static void RequireVersion(Product product, long? expectedVersion)
    {
        if (expectedVersion is { } expected && expected != product.Version)
        {
            throw new ConflictException(
                $"'{product.Slug}' changed since version {expected}: it is at version {product.Version} now. Read it again, reapply your edit and send version {product.Version}.",
                new Dictionary<string, object?> { ["currentVersion"] = product.Version });
        }
    }

    private async Task<Product?> LoadAsync(ProductRef target, CancellationToken cancellationToken)
    {
        var products = db.Products.Include(p => p.Variants);
        return target.Id is { } id
            ? await products.FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            : await products.FirstOrDefaultAsync(p => p.Slug == target.Slug, cancellationToken);
    }

    private static NotFoundException NotFound(ProductRef target) => new($"No product {target}.");

    private static string Text(ProductStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>The categories' ids, the primary first; an unknown slug is a field error.</summary>
    private async Task<List<Guid>> ResolveCategoriesAsync(ValidProduct valid, CancellationToken cancellationToken)
    {
        if (valid.CategorySlugs.Count == 0)
        {
            return [];
        }

        var slugs = valid.CategorySlugs.ToList();
        var found = await db.Categories.AsNoTracking().Where(c => slugs.Contains(c.Slug)).ToDictionaryAsync(c => c.Slug, c => c.Id, cancellationToken);
        return CategoryIdsOf(valid, found);
    }

    /// <summary>The product's category ids from the merchant's categories by slug; an unknown slug is a field error.</summary>
    private static List<Guid> CategoryIdsOf(ValidProduct valid, IReadOnlyDictionary<string, Guid> categoriesBySlug)
    {
        var slugs = valid.CategorySlugs;
        var errors = new FieldErrors();
        for (var index = 0; index < slugs.Count; index++)
        {
            if (!categoriesBySlug.ContainsKey(slugs[index]))
            {
                errors.Add(index == 0 && valid.PrimaryCategorySlug == slugs[0] ? "categorySlug" : $"categorySlugs[{index}]", $"No category '{slugs[index]}'.");
            }
        }

        errors.ThrowIfAny();
        return slugs.Select(slug => categoriesBySlug[slug]).ToList();
    }

    /// <summary>A SKU names one variant in the whole store: one that another product uses is a field error naming both.</summary>
    private async Task RequireFreeSkusAsync(Product? product, IReadOnlyList<ValidVariant> variants, CancellationToken cancellationToken)
    {
        // The product itself is known: its own SKUs need no second read to name it.
        var owners = await SkuOwnersAsync(variants.Select(v => v.Sku).ToList(), product is null ? [] : [product], cancellationToken);
        ThrowIfSkusTaken(variants, owners.Where(owner => owner.Value.ProductId != product?.Id).Select(owner => (owner.Key, owner.Value.Slug)));
    }

    /// <summary>The SKUs other products use (each with that product's slug) as field errors naming both.</summary>
    private static void ThrowIfSkusTaken(IReadOnlyList<ValidVariant> variants, IEnumerable<(string Sku, string Slug)> taken)
    {
        var skus = variants.Select(v => v.Sku).ToList();
        var errors = new FieldErrors();
        foreach (var used in taken)
        {
            errors.Add($"variants[{skus.IndexOf(used.Sku)}].sku", $"SKU '{used.Sku}' is used by product '{used.Slug}' already: a SKU names one variant in the store.");
        }

        errors.ThrowIfAny();
    }

    /// <summary>
    /// A store prices everything in one currency: the one its products already use. (The catalog keeps no copy of
    /// the store's settings, so its first product sets it.)
    /// </summary>
    private async Task RequireStoreCurrencyAsync(Guid? productId, string currency, CancellationToken cancellationToken)
    {
        var storeCurrency = await db.Variants.AsNoTracking()
            .Where(variant => productId == null || variant.ProductId != productId)
            .Select(variant => variant.Currency)
            .FirstOrDefaultAsync(cancellationToken);
        ThrowIfOtherCurrency(storeCurrency, currency);
    }

    private static void ThrowIfOtherCurrency(string? storeCurrency, string currency)
    {
        if (storeCurrency is not null && storeCurrency != currency)
        {
            throw RequestValidationException.For("variants[0].currency", $"This store prices its products in {storeCurrency}; use {storeCurrency}.");
        }
    }

    /// <summary>Makes the product's variants the given ones (matched by SKU, kept in the given order); says whether any changed.</summary>
    private List<string> ApplyVariants(Product product, IReadOnlyList<ValidVariant> inputs)
    {
        var changed = product.Variants.Count != inputs.Count;
        var bySku = product.Variants.ToDictionary(variant => variant.Sku, StringComparer.Ordinal);
        product.Variants.RemoveAll(variant => !inputs.Any(input => input.Sku == variant.Sku));
        for (var index = 0; index < inputs.Count; index++)
        {
            var input = inputs[index];
            if (!bySku.TryGetValue(input.Sku, out var variant))
            {
                variant = new ProductVariant { Sku = input.Sku, Title = input.Title, Currency = input.Currency, ProductId = product.Id };
                product.Variants.Add(variant);
                // Its id is set already, so EF would take it for an existing row to update: say it is new.
                db.Variants.Add(variant);
                changed = true;
            }
            else if (variant.Title == input.Title && variant.Barcode == input.Barcode && variant.Options.SequenceEqual(input.Options)
                     && variant.PriceAmount == input.PriceAmount && variant.CompareAtPriceAmount == input.CompareAtPriceAmount
                     && variant.CostAmount == input.CostAmount && variant.Currency == input.Currency && variant.WeightGrams == input.WeightGrams
                     && variant.SortOrder == index)
            {
                continue; // Left untouched, so an unchanged write leaves nothing for EF to save.
            }

            changed = true;
            variant.Title = input.Title;
            variant.Barcode = input.Barcode;
            variant.Options = [.. input.Options];
            variant.PriceAmount = input.PriceAmount;
            variant.CompareAtPriceAmount = input.CompareAtPriceAmount;
            variant.CostAmount = input.CostAmount;
            variant.Currency = input.Currency;
            variant.WeightGrams = input.WeightGrams;
            variant.SortOrder = index;
        }

        return changed ? ["variants"] : [];
    }
}
