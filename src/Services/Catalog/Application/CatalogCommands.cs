using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using UnifiedCommerce.Catalog.Data;
using UnifiedCommerce.Catalog.Domain;
using UnifiedCommerce.Contracts.Catalog;
using UnifiedCommerce.ServiceDefaults.Http;
using UnifiedCommerce.ServiceDefaults.Tenancy;

namespace UnifiedCommerce.Catalog.Application;

public sealed record CategoryInput(string Name, string? ParentSlug, int SortOrder = 0);

public sealed record VariantInput(string Sku, string Title, IReadOnlyDictionary<string, string>? Options, long PriceAmount, string Currency);

public sealed record ProductInput(string Name, string? Description, string? CategorySlug, bool IsPublished, IReadOnlyList<VariantInput> Variants);

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
    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    public async Task<(Category Category, UpsertOutcome Outcome)> UpsertCategoryAsync(string slug, CategoryInput input, CancellationToken cancellationToken)
    {
        merchant.RequireMerchantId();
        var errors = new FieldErrors();
        ValidateSlug(slug, errors);
        errors.RequireText("name", input.Name, 200).ThrowIfAny();

        Guid? parentId = null;
        if (!string.IsNullOrEmpty(input.ParentSlug))
        {
            var parent = await db.Categories.FirstOrDefaultAsync(category => category.Slug == input.ParentSlug, cancellationToken)
                ?? throw RequestValidationException.For("parentSlug", $"No category '{input.ParentSlug}'.");
            if (parent.Slug == slug)
            {
                throw RequestValidationException.For("parentSlug", "A category cannot be its own parent.");
            }

            parentId = parent.Id;
        }

        var existing = await db.Categories.FirstOrDefaultAsync(category => category.Slug == slug, cancellationToken);
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

    public async Task<(Product Product, UpsertOutcome Outcome)> UpsertProductAsync(string slug, ProductInput input, CancellationToken cancellationToken)
    {
        var merchantId = merchant.RequireMerchantId();
        Validate(slug, input);

        Guid? categoryId = null;
        if (!string.IsNullOrEmpty(input.CategorySlug))
        {
            categoryId = (await db.Categories.FirstOrDefaultAsync(category => category.Slug == input.CategorySlug, cancellationToken))?.Id
                ?? throw RequestValidationException.For("categorySlug", $"No category '{input.CategorySlug}'.");
        }

        var product = await db.Products.Include(p => p.Variants).FirstOrDefaultAsync(p => p.Slug == slug, cancellationToken);
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

        db.OutboxMessages.Add(ServiceDefaults.Messaging.OutboxMessage.From(new ProductChanged
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

    private static void ApplyVariants(Product product, IReadOnlyList<VariantInput> inputs)
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
            }

            variant.Title = input.Title.Trim();
            variant.Options = (input.Options ?? new Dictionary<string, string>()).Select(option => new OptionValue(option.Key, option.Value)).ToList();
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
            && pair.First.Options.SequenceEqual((pair.Second.Options ?? new Dictionary<string, string>()).Select(o => new OptionValue(o.Key, o.Value))));

    private static void Validate(string slug, ProductInput input)
    {
        var errors = new FieldErrors();
        ValidateSlug(slug, errors);
        errors.RequireText("name", input.Name, 200);
        if (input.Description is { Length: > 5000 })
        {
            errors.Add("description", "At most 5000 characters.");
        }

        if (input.Variants is null || input.Variants.Count is 0 or > 100)
        {
            errors.Add("variants", "A product has between 1 and 100 variants.");
        }
        else
        {
            for (var index = 0; index < input.Variants.Count; index++)
            {
                var variant = input.Variants[index];
                var prefix = $"variants[{index}]";
                if (string.IsNullOrWhiteSpace(variant.Sku) || variant.Sku.Length > 64)
                {
                    errors.Add($"{prefix}.sku", "A SKU of 1 to 64 characters is required.");
                }

                errors.RequireText($"{prefix}.title", variant.Title, 200).RequireCurrency($"{prefix}.currency", variant.Currency);
                if (variant.PriceAmount < 0)
                {
                    errors.Add($"{prefix}.priceAmount", "A price cannot be negative.");
                }
            }

            if (input.Variants.Select(v => v.Sku).Distinct(StringComparer.Ordinal).Count() != input.Variants.Count)
            {
                errors.Add("variants", "Each variant needs its own SKU.");
            }

            if (input.Variants.Select(v => v.Currency).Distinct(StringComparer.Ordinal).Count() > 1)
            {
                errors.Add("variants", "All variants of a product are priced in one currency.");
            }
        }

        errors.ThrowIfAny();
    }

    private static void ValidateSlug(string slug, FieldErrors errors)
    {
        if (string.IsNullOrEmpty(slug) || slug.Length > 120 || !SlugPattern().IsMatch(slug))
        {
            errors.Add("slug", "Use 1 to 120 lower-case letters, digits and single hyphens.");
        }
    }

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
