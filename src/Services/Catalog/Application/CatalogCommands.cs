using Microsoft.EntityFrameworkCore;
using Npgsql;
using UnifiedCommerce.Catalog.Data;
using UnifiedCommerce.Catalog.Domain;
using UnifiedCommerce.Contracts.Catalog;
using UnifiedCommerce.ServiceDefaults.Http;
using UnifiedCommerce.PlatformApi;
using UnifiedCommerce.ServiceData;

namespace UnifiedCommerce.Catalog.Application;

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
public sealed partial class CatalogCommands(CatalogDbContext db, IMerchantContext merchant, TimeProvider clock, MediaCommands media)
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
            PublishCategory(existing, deleted: false);
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
        PublishCategory(existing, deleted: false);
        await SaveAsync(cancellationToken);
        return (existing, UpsertOutcome.Updated);
    }

    /// <summary>The tree's rules (<see cref="CategoryTree"/>) on the parent links as stored now.</summary>
    private async Task RequireAcyclicAsync(Category? moving, Category parent, CancellationToken cancellationToken)
    {
        if (CategoryTree.MoveProblem(moving?.Id, parent.Id, await ParentLinksAsync(cancellationToken), CatalogLimits.CategoryDepth) is { } problem)
        {
            throw RequestValidationException.For("parentSlug", problem);
        }
    }

    /// <summary>A unique key hit by a concurrent writer (same SKU in another product) is the caller's conflict, not a 500.</summary>
    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else saved first: nothing of this change may reach a later save in the same scope.
            db.ChangeTracker.Clear();
            throw;
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
