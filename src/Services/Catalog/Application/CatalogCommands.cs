using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using UnifiedCommerce.Catalog.Data;
using UnifiedCommerce.Catalog.Domain;
using UnifiedCommerce.Contracts.Catalog;
using UnifiedCommerce.Messaging;
using UnifiedCommerce.PlatformApi;
using UnifiedCommerce.ServiceDefaults.Http;

namespace UnifiedCommerce.Catalog.Application;

// The attributes describe the limits in /openapi/v1.json; CatalogCommands enforces them (with every field's error at once).

public sealed record CategoryInput(
    [property: Required, StringLength(CatalogLimits.Name)] string Name,
    [property: StringLength(CatalogLimits.Slug)] string? ParentSlug,
    int SortOrder = 0);

public sealed record VariantInput(
    [property: Required, StringLength(CatalogLimits.Sku, MinimumLength = 1)] string Sku,
    [property: Required, StringLength(CatalogLimits.Name)] string Title,
    [property: MaxLength(CatalogLimits.OptionsPerVariant), Description("At most 3 options (name up to 50 characters, value up to 100).")]
    IReadOnlyDictionary<string, string>? Options,
    [property: Range(0, Money.MaxAmount), Description("Minor units (cents), 0 to " + Money.MaxAmountText + ".")] long PriceAmount,
    [property: Required, StringLength(3, MinimumLength = 3), Description("ISO 4217, the same for every product of the store.")] string Currency);

public sealed record ProductInput(
    [property: Required, StringLength(CatalogLimits.Name)] string Name,
    [property: StringLength(CatalogLimits.Description)] string? Description,
    [property: StringLength(CatalogLimits.Slug)] string? CategorySlug,
    bool IsPublished,
    [property: Required, MinLength(1), MaxLength(CatalogLimits.VariantsPerProduct)] IReadOnlyList<VariantInput> Variants);

/// <summary>How large each piece of the catalog may be; listings load whole products, so every field is bounded.</summary>
public static class CatalogLimits
{
    public const int Name = 200;
    public const int Slug = 120;
    public const int Sku = 64;
    public const int Description = 5000;
    public const int OptionName = 50;
    public const int OptionValue = 100;
    public const int OptionsPerVariant = 3;
    public const int VariantsPerProduct = 100;

    /// <summary>Deeper trees are refused, and reads stop here even if stored data says otherwise.</summary>
    public const int CategoryDepth = 10;
}

public enum UpsertOutcome
{
    Created,
    Updated,
    Unchanged,
}

/// <summary>
/// The write side of the catalog. Writes are upserts keyed by the merchant's own handles (slug, SKU), so an
/// import or a client retry can repeat them safely. A product change and its ProductChanged event commit together.
/// </summary>
public sealed partial class CatalogCommands(CatalogDbContext db, IMerchantContext merchant, TimeProvider clock)
{
    public async Task<(Category Category, UpsertOutcome Outcome)> UpsertCategoryAsync(string slug, CategoryInput input, CancellationToken cancellationToken)
    {
        merchant.RequireMerchantId();
        var errors = new FieldErrors();
        CatalogRules.ValidateSlug(slug, errors);
        errors.RequireText("name", input.Name, 200).ThrowIfAny();

        var existing = await db.Categories.FirstOrDefaultAsync(category => category.Slug == slug, cancellationToken);
        Guid? parentId = null;
        if (!string.IsNullOrEmpty(input.ParentSlug))
        {
            var parent = await db.Categories.FirstOrDefaultAsync(category => category.Slug == input.ParentSlug, cancellationToken)
                ?? throw RequestValidationException.For("parentSlug", $"No category '{input.ParentSlug}'.");
            if (parent.Slug == slug)
            {
                throw RequestValidationException.For("parentSlug", "A category cannot be its own parent.");
            }

            await RequireAcyclicAsync(existing, parent, cancellationToken);
            parentId = parent.Id;
        }

        if (existing is null)
        {
            existing = new Category { Slug = slug, Name = input.Name.Trim(), ParentId = parentId, SortOrder = input.SortOrder };
            db.Categories.Add(existing);
            await SaveAsync(cancellationToken);
            return (existing, UpsertOutcome.Created);
        }

        if (existing.Name == input.Name.Trim() && existing.ParentId == parentId && existing.SortOrder == input.SortOrder)
        {
            return (existing, UpsertOutcome.Unchanged);
        }

        existing.Name = input.Name.Trim();
        existing.ParentId = parentId;
        existing.SortOrder = input.SortOrder;
        await SaveAsync(cancellationToken);
        return (existing, UpsertOutcome.Updated);
    }

    /// <summary>
    /// Walks up from the new parent (a bounded loop, so even bad stored data ends): meeting the category itself means
    /// the move would make a cycle, and a chain longer than <see cref="CatalogLimits.CategoryDepth"/> is too deep.
    /// </summary>
    private async Task RequireAcyclicAsync(Category? moving, Category parent, CancellationToken cancellationToken)
    {
        var parents = await db.Categories.AsNoTracking().ToDictionaryAsync(category => category.Id, category => category.ParentId, cancellationToken);
        Guid? current = parent.Id;
        for (var depth = 1; current is { } id; depth++)
        {
            if (moving is not null && id == moving.Id)
            {
                throw RequestValidationException.For("parentSlug", $"'{parent.Slug}' is inside '{moving.Slug}': a category cannot move under its own descendant.");
            }

            if (depth >= CatalogLimits.CategoryDepth)
            {
                throw RequestValidationException.For("parentSlug", $"Categories nest at most {CatalogLimits.CategoryDepth} levels deep.");
            }

            current = parents.GetValueOrDefault(id);
        }
    }

    public async Task<(Product Product, UpsertOutcome Outcome)> UpsertProductAsync(string slug, ProductInput input, CancellationToken cancellationToken)
    {
        var merchantId = merchant.RequireMerchantId();
        CatalogRules.ValidateProduct(slug, input);

        Guid? categoryId = null;
        if (!string.IsNullOrEmpty(input.CategorySlug))
        {
            categoryId = (await db.Categories.FirstOrDefaultAsync(category => category.Slug == input.CategorySlug, cancellationToken))?.Id
                ?? throw RequestValidationException.For("categorySlug", $"No category '{input.CategorySlug}'.");
        }

        var product = await db.Products.Include(p => p.Variants).FirstOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        await RequireStoreCurrencyAsync(product?.Id, input.Variants[0].Currency, cancellationToken);
        var outcome = product is null ? UpsertOutcome.Created : UpsertOutcome.Updated;
        if (product is null)
        {
            product = new Product { Slug = slug, Name = input.Name.Trim() };
            db.Products.Add(product);
        }
        else if (Matches(product, input, categoryId))
        {
            return (product, UpsertOutcome.Unchanged);
        }

        product.Name = input.Name.Trim();
        product.Description = input.Description?.Trim() ?? "";
        product.CategoryId = categoryId;
        product.IsPublished = input.IsPublished;
        product.UpdatedAt = clock.GetUtcNow();
        product.Version++;
        ApplyVariants(product, input.Variants);

        db.OutboxMessages.Add(OutboxMessage.From(new ProductChanged
        {
            EventId = Guid.CreateVersion7(),
            MerchantId = merchantId,
            AggregateId = product.Id,
            AggregateVersion = product.Version,
            OccurredAt = product.UpdatedAt,
            Slug = product.Slug,
            Name = product.Name,
            IsPublished = product.IsPublished,
            Variants = product.Variants.Select(v => new ProductVariantSnapshot(v.Id, v.Sku, v.PriceAmount, v.Currency)).ToList(),
        }));
        await SaveAsync(cancellationToken);
        return (product, outcome);
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
        if (storeCurrency is not null && storeCurrency != currency)
        {
            throw RequestValidationException.For("variants[0].currency", $"This store prices its products in {storeCurrency}; use {storeCurrency}.");
        }
    }

    private void ApplyVariants(Product product, IReadOnlyList<VariantInput> inputs)
    {
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
            }

            variant.Title = input.Title.Trim();
            variant.Options = (input.Options ?? new Dictionary<string, string>()).Select(option => new OptionValue(option.Key.Trim(), option.Value.Trim())).ToList();
            variant.PriceAmount = input.PriceAmount;
            variant.Currency = input.Currency;
            variant.SortOrder = index;
        }
    }

    private static bool Matches(Product product, ProductInput input, Guid? categoryId) =>
        product.Name == input.Name.Trim()
        && product.Description == (input.Description?.Trim() ?? "")
        && product.CategoryId == categoryId
        && product.IsPublished == input.IsPublished
        && product.Variants.Count == input.Variants.Count
        && product.Variants.OrderBy(v => v.SortOrder).Zip(input.Variants).All(pair =>
            pair.First.Sku == pair.Second.Sku
            && pair.First.Title == pair.Second.Title.Trim()
            && pair.First.PriceAmount == pair.Second.PriceAmount
            && pair.First.Currency == pair.Second.Currency
            && pair.First.Options.SequenceEqual((pair.Second.Options ?? new Dictionary<string, string>()).Select(o => new OptionValue(o.Key.Trim(), o.Value.Trim()))));

    /// <summary>A unique key hit by a concurrent writer (same SKU in another product) is the caller's conflict, not a 500.</summary>
    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            db.ChangeTracker.Clear();
            throw new ConflictException(unique.ConstraintName?.Contains("sku", StringComparison.Ordinal) == true
                ? "A SKU of this product is already used by another product."
                : "This change collides with another one; read the current state and retry.");
        }
    }
}
