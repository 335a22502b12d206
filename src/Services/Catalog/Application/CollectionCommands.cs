using Microsoft.EntityFrameworkCore;
using Npgsql;
using UnifiedCommerce.Catalog.Data;
using UnifiedCommerce.Catalog.Domain;
using UnifiedCommerce.Contracts.Catalog;
using UnifiedCommerce.Messaging;
using UnifiedCommerce.PlatformApi;
using UnifiedCommerce.ServiceDefaults.Http;

namespace UnifiedCommerce.Catalog.Application;

/// <summary>
/// The write side of collections. Every change bumps the collection's version and publishes CollectionChanged in
/// the same transaction, so the public caches drop what they showed of it.
/// </summary>
public sealed class CollectionCommands(CatalogDbContext db, IMerchantContext merchant, TimeProvider clock)
{
    public async Task<Collection> CreateAsync(CollectionInput input, CancellationToken cancellationToken)
    {
        merchant.RequireMerchantId();
        var errors = new FieldErrors();
        CatalogRules.ValidateSlug(input.Slug, errors);
        errors.RequireText("title", input.Title, CatalogLimits.Name);
        var description = Description(input.Description, errors);
        if (!Enum.IsDefined(input.Kind))
        {
            errors.Add("kind", "Use manual or rules.");
        }

        List<RuleCondition> conditions = [];
        if (input.Kind == CollectionKind.Rules)
        {
            conditions = CollectionRules.Validate("rules", input.Rules, errors);
            if (input.ProductIds is { Count: > 0 })
            {
                errors.Add("productIds", "A rule collection finds its products by its rules; list products in a manual collection.");
            }
        }
        else if (input.Rules is not null)
        {
            errors.Add("rules", "A manual collection lists its products; rules are for a rule collection.");
        }

        errors.ThrowIfAny();
        await RequireCategoriesAsync(conditions, cancellationToken);
        await RequireFreeSlugAsync(input.Slug, null, cancellationToken);
        var collection = new Collection
        {
            Slug = input.Slug,
            Title = input.Title.Trim(),
            Description = description,
            Kind = input.Kind,
            Match = input.Rules?.Match ?? RuleMatch.All,
            Conditions = conditions,
        };
        db.Collections.Add(collection);
        if (input.Kind == CollectionKind.Manual && input.ProductIds is { Count: > 0 } productIds)
        {
            await AddProductsAsync(collection, productIds, [], cancellationToken);
        }

        Touch(collection, deleted: false);
        await SaveAsync(cancellationToken);
        return collection;
    }

    public async Task<Collection> UpdateAsync(Guid id, long? expectedVersion, CollectionUpdateInput input, CancellationToken cancellationToken)
    {
        merchant.RequireMerchantId();
        var errors = new FieldErrors();
        if (input.Slug is not null)
        {
            CatalogRules.ValidateSlug(input.Slug, errors);
        }

        if (input.Title is not null)
        {
            errors.RequireText("title", input.Title, CatalogLimits.Name);
        }

        var description = input.Description is null ? null : Description(input.Description, errors);
        var collection = await LoadAsync(id, cancellationToken);
        List<RuleCondition>? conditions = null;
        if (input.Rules is not null)
        {
            if (collection.Kind != CollectionKind.Rules)
            {
                errors.Add("rules", "A manual collection lists its products; rules are for a rule collection.");
            }
            else
            {
                conditions = CollectionRules.Validate("rules", input.Rules, errors);
            }
        }

        errors.ThrowIfAny();
        RequireVersion(collection, expectedVersion);
        if (conditions is not null)
        {
            await RequireCategoriesAsync(conditions, cancellationToken);
            collection.Conditions = conditions;
            collection.Match = input.Rules!.Match;
        }

        if (input.Slug is not null && input.Slug != collection.Slug)
        {
            await RequireFreeSlugAsync(input.Slug, collection.Id, cancellationToken);
            collection.Slug = input.Slug;
        }

        collection.Title = input.Title?.Trim() ?? collection.Title;
        collection.Description = description ?? collection.Description;
        if (db.ChangeTracker.HasChanges())
        {
            Touch(collection, deleted: false);
            await SaveAsync(cancellationToken);
        }

        return collection;
    }

    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        merchant.RequireMerchantId();
        var collection = await LoadAsync(id, cancellationToken);
        db.Collections.Remove(collection);
        Touch(collection, deleted: true);
        await SaveAsync(cancellationToken);
    }

    /// <summary>Adds products at the end of a manual collection, in the order given; ones listed already stay where they are.</summary>
    public async Task<Collection> AddProductsAsync(Guid id, IReadOnlyList<Guid> productIds, CancellationToken cancellationToken)
    {
        RequireProductIds(productIds, CatalogLimits.BulkProducts);
        var collection = await LoadManualAsync(id, cancellationToken);
        var members = await db.CollectionProducts.Where(member => member.CollectionId == id).ToListAsync(cancellationToken);
        if (await AddProductsAsync(collection, productIds, members, cancellationToken))
        {
            Touch(collection, deleted: false);
            await SaveAsync(cancellationToken);
        }

        return collection;
    }

    public async Task<Collection> RemoveProductsAsync(Guid id, IReadOnlyList<Guid> productIds, CancellationToken cancellationToken)
    {
        RequireProductIds(productIds, CatalogLimits.BulkProducts);
        var collection = await LoadManualAsync(id, cancellationToken);
        var members = await db.CollectionProducts.Where(member => member.CollectionId == id).OrderBy(member => member.Position).ToListAsync(cancellationToken);
        var removed = members.Where(member => productIds.Contains(member.ProductId)).ToList();
        if (removed.Count > 0)
        {
            db.CollectionProducts.RemoveRange(removed);
            Renumber(members.Except(removed).ToList());
            Touch(collection, deleted: false);
            await SaveAsync(cancellationToken);
        }

        return collection;
    }

    /// <summary>Puts a manual collection's products in the order given: every product of the collection, each once.</summary>
    public async Task<Collection> ReorderProductsAsync(Guid id, IReadOnlyList<Guid> productIds, CancellationToken cancellationToken)
    {
        RequireProductIds(productIds, CollectionLimits.ManualProducts);
        var collection = await LoadManualAsync(id, cancellationToken);
        var members = await db.CollectionProducts.Where(member => member.CollectionId == id).ToDictionaryAsync(member => member.ProductId, cancellationToken);
        if (productIds.Distinct().Count() != productIds.Count || productIds.Count != members.Count || productIds.Any(productId => !members.ContainsKey(productId)))
        {
            throw RequestValidationException.For("productIds", $"Name every product of the collection once, in the new order ({members.Count} products).");
        }

        Renumber(productIds.Select(productId => members[productId]).ToList());
        if (db.ChangeTracker.HasChanges())
        {
            Touch(collection, deleted: false);
            await SaveAsync(cancellationToken);
        }

        return collection;
    }

    private async Task<bool> AddProductsAsync(Collection collection, IReadOnlyList<Guid> productIds, List<CollectionProduct> members, CancellationToken cancellationToken)
    {
        var wanted = productIds.Distinct().Where(productId => members.All(member => member.ProductId != productId)).ToList();
        var known = await db.Products.Where(product => wanted.Contains(product.Id)).Select(product => product.Id).ToListAsync(cancellationToken);
        var errors = new FieldErrors();
        for (var index = 0; index < productIds.Count; index++)
        {
            if (wanted.Contains(productIds[index]) && !known.Contains(productIds[index]))
            {
                errors.Add($"productIds[{index}]", $"No product {productIds[index]}.");
            }
        }

        errors.ThrowIfAny();
        if (members.Count + wanted.Count > CollectionLimits.ManualProducts)
        {
            throw RequestValidationException.For("productIds", $"A manual collection lists at most {CollectionLimits.ManualProducts} products.");
        }

        var position = members.Count == 0 ? 0 : members.Max(member => member.Position) + 1;
        foreach (var productId in wanted)
        {
            db.CollectionProducts.Add(new CollectionProduct { CollectionId = collection.Id, ProductId = productId, Position = position++ });
        }

        return wanted.Count > 0;
    }

    private static void RequireProductIds(IReadOnlyList<Guid>? productIds, int max)
    {
        if (productIds is null || productIds.Count > max)
        {
            throw RequestValidationException.For("productIds", $"Name at most {max} products.");
        }
    }

    private static void Renumber(List<CollectionProduct> ordered)
    {
        for (var index = 0; index < ordered.Count; index++)
        {
            if (ordered[index].Position != index)
            {
                ordered[index].Position = index;
            }
        }
    }

    private async Task<Collection> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Collections.FirstOrDefaultAsync(collection => collection.Id == id, cancellationToken)
            ?? throw new NotFoundException($"No collection {id}.");

    private async Task<Collection> LoadManualAsync(Guid id, CancellationToken cancellationToken)
    {
        merchant.RequireMerchantId();
        var collection = await LoadAsync(id, cancellationToken);
        if (collection.Kind != CollectionKind.Manual)
        {
            throw new ConflictException(
                $"'{collection.Slug}' is a rule collection: its rules choose its products and their order. Only a manual collection lists products.",
                new Dictionary<string, object?> { ["reason"] = "NOT_MANUAL", ["kind"] = "rules" });
        }

        return collection;
    }

    /// <summary>Every category a condition names exists (a removed one simply stops matching later).</summary>
    private async Task RequireCategoriesAsync(List<RuleCondition> conditions, CancellationToken cancellationToken)
    {
        var named = conditions.Where(c => c.Field == RuleField.Category).Select(c => Guid.Parse(c.Value)).Distinct().ToList();
        var known = await db.Categories.Where(category => named.Contains(category.Id)).Select(category => category.Id).ToListAsync(cancellationToken);
        var errors = new FieldErrors();
        for (var index = 0; index < conditions.Count; index++)
        {
            if (conditions[index].Field == RuleField.Category && !known.Contains(Guid.Parse(conditions[index].Value)))
            {
                errors.Add($"rules.conditions[{index}].value", $"No category {conditions[index].Value}.");
            }
        }

        errors.ThrowIfAny();
    }

    private async Task RequireFreeSlugAsync(string slug, Guid? exceptId, CancellationToken cancellationToken)
    {
        if (await db.Collections.AnyAsync(collection => collection.Slug == slug && collection.Id != exceptId, cancellationToken))
        {
            throw RequestValidationException.For("slug", $"Another collection has the slug '{slug}'.");
        }
    }

    private static string Description(string? html, FieldErrors errors)
    {
        if (html is { Length: > CatalogLimits.Description })
        {
            errors.Add("description", $"At most {CatalogLimits.Description} characters.");
            return "";
        }

        return ProductDescription.Sanitize(html);
    }

    private static void RequireVersion(Collection collection, long? expectedVersion)
    {
        if (expectedVersion is { } expected && expected != collection.Version)
        {
            throw new ConflictException(
                $"'{collection.Slug}' changed since version {expected}: it is at version {collection.Version} now. Read it again and retry.",
                new Dictionary<string, object?> { ["currentVersion"] = collection.Version });
        }
    }

    private void Touch(Collection collection, bool deleted)
    {
        collection.Version++;
        collection.UpdatedAt = clock.GetUtcNow();
        db.OutboxMessages.Add(OutboxMessage.From(new CollectionChanged
        {
            EventId = Guid.CreateVersion7(),
            MerchantId = merchant.RequireMerchantId(),
            AggregateId = collection.Id,
            AggregateVersion = collection.Version,
            OccurredAt = collection.UpdatedAt,
            Slug = collection.Slug,
            Kind = CollectionRules.Name(collection.Kind),
            Deleted = deleted,
        }));
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw;
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            throw new ConflictException("This change collides with another one (the same slug or product at once); read the current state and retry.");
        }
    }
}
