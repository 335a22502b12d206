using UnifiedCommerce.ServiceData;


namespace UnifiedCommerce.Catalog.Domain;

/// <summary>A node of the merchant's category tree; products in a category are listed under all its ancestors too.</summary>
public sealed class Category : IMerchantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MerchantId { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }

    /// <summary>Rich text as HTML, sanitised on the way in like a product's (<see cref="ProductDescription"/>).</summary>
    public string Description { get; set; } = "";
    public Guid? ParentId { get; set; }

    /// <summary>The category's position among its siblings, from 0.</summary>
    public int SortOrder { get; set; }
}

/// <summary>The shape rules of the category tree, on the parent links alone, so they hold whatever asks for a move.</summary>
public static class CategoryTree
{
    /// <summary>
    /// Why <paramref name="moving"/> cannot go under <paramref name="newParent"/>, or null when it can: under itself or
    /// one of its descendants would make a cycle, and a chain deeper than <paramref name="maxDepth"/> is refused. The
    /// walk up from the new parent is bounded, so even a cycle already in stored data ends.
    /// </summary>
    public static string? MoveProblem(Guid? moving, Guid? newParent, IReadOnlyDictionary<Guid, Guid?> parents, int maxDepth)
    {
        if (newParent is null)
        {
            return null;
        }

        if (newParent == moving)
        {
            return "A category cannot be its own parent.";
        }

        var parentDepth = 0;
        for (Guid? current = newParent; current is { } id && parentDepth <= maxDepth; current = parents.GetValueOrDefault(id))
        {
            if (id == moving)
            {
                return "The new parent is inside this category: a category cannot move under its own descendant.";
            }

            parentDepth++;
        }

        return parentDepth + Math.Max(1, SubtreeHeight(moving, parents, maxDepth)) > maxDepth
            ? $"Categories nest at most {maxDepth} levels deep."
            : null;
    }

    /// <summary>How many levels the category and its descendants take (1 for a leaf; 0 for a category not yet made).</summary>
    public static int SubtreeHeight(Guid? root, IReadOnlyDictionary<Guid, Guid?> parents, int maxDepth)
    {
        if (root is not { } id)
        {
            return 0;
        }

        var children = parents.Where(pair => pair.Value is not null).ToLookup(pair => pair.Value!.Value, pair => pair.Key);
        var level = new List<Guid> { id };
        var height = 0;
        while (level.Count > 0 && height <= maxDepth)
        {
            height++;
            level = level.SelectMany(parent => children[parent]).ToList();
        }

        return height;
    }

    /// <summary>
    /// Puts <paramref name="moving"/> at <paramref name="position"/> among <paramref name="siblings"/> (it may or may
    /// not be one of them yet; a position past the end means last) and numbers them all from 0 in that order.
    /// </summary>
    public static void PlaceAt(List<Category> siblings, Category moving, int position)
    {
        var ordered = siblings.Where(sibling => sibling.Id != moving.Id)
            .OrderBy(sibling => sibling.SortOrder).ThenBy(sibling => sibling.Name, StringComparer.Ordinal).ThenBy(sibling => sibling.Id)
            .ToList();
        ordered.Insert(Math.Clamp(position, 0, ordered.Count), moving);
        Renumber(ordered);
    }

    /// <summary>Numbers siblings from 0 in their current order (what is left after one moves away or is deleted).</summary>
    public static void Close(IEnumerable<Category> siblings) =>
        Renumber(siblings.OrderBy(sibling => sibling.SortOrder).ThenBy(sibling => sibling.Name, StringComparer.Ordinal).ThenBy(sibling => sibling.Id).ToList());

    private static void Renumber(List<Category> ordered)
    {
        for (var index = 0; index < ordered.Count; index++)
        {
            if (ordered[index].SortOrder != index)
            {
                ordered[index].SortOrder = index;
            }
        }
    }

    /// <summary>
    /// The product's categories once <paramref name="removed"/> goes: replaced by <paramref name="replacement"/> in
    /// its place (once), or dropped. The first that remains is the primary.
    /// </summary>
    public static List<Guid> WithoutCategory(IReadOnlyList<Guid> categoryIds, Guid removed, Guid? replacement)
    {
        var result = new List<Guid>(categoryIds.Count);
        foreach (var id in categoryIds)
        {
            var next = id == removed ? replacement : id;
            if (next is { } kept && !result.Contains(kept))
            {
                result.Add(kept);
            }
        }

        return result;
    }
}
