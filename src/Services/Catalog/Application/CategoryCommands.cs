using Microsoft.EntityFrameworkCore;
using UnifiedCommerce.Catalog.Domain;
using UnifiedCommerce.Contracts.Catalog;
using UnifiedCommerce.Messaging;
using UnifiedCommerce.ServiceDefaults.Http;

namespace UnifiedCommerce.Catalog.Application;

public sealed record CategoryCreateInput(string Name, string? Slug, Guid? ParentId, string? Description);

public sealed record CategoryUpdateInput(string? Name, string? Slug, string? Description);

/// <summary>
/// The category tree's edits (GraphQL and REST share them): create, rename, move among siblings or under another
/// parent, delete. Every change publishes CategoryChanged with it, so the public caches drop the old tree.
/// </summary>
public sealed partial class CatalogCommands
{
    public const int CategoryDescriptionLength = 5_000;

    public async Task<Category> CreateCategoryAsync(CategoryCreateInput input, CancellationToken cancellationToken)
    {
        merchant.RequireMerchantId();
        var errors = new FieldErrors();
        errors.RequireText("name", input.Name, CatalogLimits.Name);
        var slug = string.IsNullOrWhiteSpace(input.Slug) ? CatalogRules.SlugFrom(input.Name ?? "") : input.Slug;
        CatalogRules.ValidateSlug(slug, errors);
        var description = CategoryDescription(input.Description, errors);
        errors.ThrowIfAny();

        var parents = await ParentLinksAsync(cancellationToken);
        if (input.ParentId is { } parentId)
        {
            if (!parents.ContainsKey(parentId))
            {
                throw RequestValidationException.For("parentId", $"No category {parentId}.");
            }

            if (CategoryTree.MoveProblem(null, parentId, parents, CatalogLimits.CategoryDepth) is { } problem)
            {
                throw RequestValidationException.For("parentId", problem);
            }
        }

        await RequireFreeCategorySlugAsync(slug, null, cancellationToken);
        var siblings = await db.Categories.Where(c => c.ParentId == input.ParentId).ToListAsync(cancellationToken);
        var category = new Category { Slug = slug, Name = input.Name!.Trim(), Description = description, ParentId = input.ParentId };
        db.Categories.Add(category);
        CategoryTree.PlaceAt(siblings, category, siblings.Count);
        PublishCategory(category, deleted: false);
        await SaveAsync(cancellationToken);
        return category;
    }

    public async Task<Category> UpdateCategoryAsync(Guid id, CategoryUpdateInput input, CancellationToken cancellationToken)
    {
        merchant.RequireMerchantId();
        var errors = new FieldErrors();
        if (input.Name is not null)
        {
            errors.RequireText("name", input.Name, CatalogLimits.Name);
        }

        if (input.Slug is not null)
        {
            CatalogRules.ValidateSlug(input.Slug, errors);
        }

        var description = input.Description is null ? null : CategoryDescription(input.Description, errors);
        errors.ThrowIfAny();

        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw CategoryNotFound(id);
        var changed = false;
        if (input.Name is not null && category.Name != input.Name.Trim())
        {
            category.Name = input.Name.Trim();
            changed = true;
        }

        if (input.Slug is not null && category.Slug != input.Slug)
        {
            await RequireFreeCategorySlugAsync(input.Slug, category.Id, cancellationToken);
            category.Slug = input.Slug;
            changed = true;
        }

        if (description is not null && category.Description != description)
        {
            category.Description = description;
            changed = true;
        }

        if (changed)
        {
            PublishCategory(category, deleted: false);
            await SaveAsync(cancellationToken);
        }

        return category;
    }

    /// <summary>Moves the category under <paramref name="parentId"/> (none: the root) at <paramref name="position"/> among its new siblings.</summary>
    public async Task<Category> MoveCategoryAsync(Guid id, Guid? parentId, int position, CancellationToken cancellationToken)
    {
        merchant.RequireMerchantId();
        if (position < 0)
        {
            throw RequestValidationException.For("position", "A position counts from 0.");
        }

        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw CategoryNotFound(id);
        var parents = await ParentLinksAsync(cancellationToken);
        if (parentId is { } newParent && !parents.ContainsKey(newParent))
        {
            throw RequestValidationException.For("parentId", $"No category {newParent}.");
        }

        if (CategoryTree.MoveProblem(category.Id, parentId, parents, CatalogLimits.CategoryDepth) is { } problem)
        {
            throw RequestValidationException.For("parentId", problem);
        }

        var oldParent = category.ParentId;
        var affected = await db.Categories.Where(c => c.ParentId == parentId || c.ParentId == oldParent).ToListAsync(cancellationToken);
        category.ParentId = parentId;
        CategoryTree.PlaceAt(affected.Where(c => c.ParentId == parentId).ToList(), category, position);
        if (oldParent != parentId)
        {
            CategoryTree.Close(affected.Where(c => c.ParentId == oldParent && c.Id != category.Id));
        }

        if (db.ChangeTracker.HasChanges())
        {
            PublishCategory(category, deleted: false);
            await SaveAsync(cancellationToken);
        }

        return category;
    }

    /// <summary>
    /// Deletes a category without children (they must be moved or deleted first). The products listed in it move to
    /// <paramref name="productsTo"/> when given (in its place among their categories), otherwise they lose it; a
    /// product whose primary category it was gets its next category as primary. Each changed product publishes its
    /// own ProductChanged; everything commits together or not at all.
    /// </summary>
    public async Task DeleteCategoryAsync(Guid id, Guid? productsTo, CancellationToken cancellationToken)
    {
        merchant.RequireMerchantId();
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw CategoryNotFound(id);
        if (productsTo == id)
        {
            throw RequestValidationException.For("productsTo", "The products cannot move to the category being deleted.");
        }

        if (productsTo is { } target && !await db.Categories.AnyAsync(c => c.Id == target, cancellationToken))
        {
            throw RequestValidationException.For("productsTo", $"No category {target}.");
        }

        var children = await db.Categories.CountAsync(c => c.ParentId == id, cancellationToken);
        if (children > 0)
        {
            throw new ConflictException(
                $"'{category.Slug}' has {children} subcategories: move or delete them first.",
                new Dictionary<string, object?> { ["children"] = children });
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var products = await db.Products.Include(p => p.Variants)
            .Where(p => p.CategoryIds.Contains(id) || p.CategoryId == id)
            .ToListAsync(cancellationToken);
        foreach (var product in products)
        {
            var categoryIds = CategoryTree.WithoutCategory(product.CategoryIds, id, productsTo);
            product.CategoryIds = categoryIds;
            product.CategoryId = categoryIds.Count > 0 ? categoryIds[0] : null;
            Touch(product, ["categories"]);
        }

        await SaveAsync(cancellationToken);
        var siblings = await db.Categories.Where(c => c.ParentId == category.ParentId && c.Id != id).ToListAsync(cancellationToken);
        db.Categories.Remove(category);
        CategoryTree.Close(siblings);
        PublishCategory(category, deleted: true);
        await SaveAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static string CategoryDescription(string? html, FieldErrors errors)
    {
        if (html is { Length: > CategoryDescriptionLength })
        {
            errors.Add("description", $"At most {CategoryDescriptionLength} characters.");
            return "";
        }

        return ProductDescription.Sanitize(html);
    }

    private async Task RequireFreeCategorySlugAsync(string slug, Guid? exceptId, CancellationToken cancellationToken)
    {
        if (await db.Categories.AnyAsync(c => c.Slug == slug && c.Id != exceptId, cancellationToken))
        {
            throw RequestValidationException.For("slug", $"Another category has the slug '{slug}'.");
        }
    }

    private async Task<Dictionary<Guid, Guid?>> ParentLinksAsync(CancellationToken cancellationToken) =>
        await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.ParentId, cancellationToken);

    private void PublishCategory(Category category, bool deleted)
    {
        var now = clock.GetUtcNow();
        db.OutboxMessages.Add(OutboxMessage.From(new CategoryChanged
        {
            EventId = Guid.CreateVersion7(),
            MerchantId = merchant.RequireMerchantId(),
            AggregateId = category.Id,
            // Categories carry no version of their own: the event's time orders them.
            AggregateVersion = now.ToUnixTimeMilliseconds(),
            OccurredAt = now,
            Slug = category.Slug,
            ParentId = category.ParentId,
            Deleted = deleted,
        }));
    }

    private static NotFoundException CategoryNotFound(Guid id) => new($"No category {id}.");
}
