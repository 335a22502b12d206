using UnifiedCommerce.Catalog.Domain;
using Xunit;

namespace UnifiedCommerce.Catalog.UnitTests;

public sealed class CategoryTreeTests
{
    private static readonly Guid Apparel = Guid.NewGuid();
    private static readonly Guid Shirts = Guid.NewGuid();
    private static readonly Guid Tees = Guid.NewGuid();
    private static readonly Guid Mugs = Guid.NewGuid();

    // apparel > shirts > tees; mugs at the root.
    private static readonly Dictionary<Guid, Guid?> Parents = new() { [Apparel] = null, [Shirts] = Apparel, [Tees] = Shirts, [Mugs] = null };

    [Fact]
    public void A_category_cannot_move_under_itself() =>
        Assert.Contains("own parent", CategoryTree.MoveProblem(Shirts, Shirts, Parents, 10));

    [Fact]
    public void A_category_cannot_move_under_its_child_or_a_deeper_descendant()
    {
        Assert.Contains("descendant", CategoryTree.MoveProblem(Apparel, Shirts, Parents, 10));
        Assert.Contains("descendant", CategoryTree.MoveProblem(Apparel, Tees, Parents, 10));
    }

    [Fact]
    public void Moving_under_a_sibling_branch_or_to_the_root_is_fine()
    {
        Assert.Null(CategoryTree.MoveProblem(Tees, Mugs, Parents, 10));
        Assert.Null(CategoryTree.MoveProblem(Shirts, null, Parents, 10));
        Assert.Null(CategoryTree.MoveProblem(Mugs, Tees, Parents, 10));
    }

    [Fact]
    public void A_move_that_would_nest_the_subtree_too_deep_is_refused()
    {
        // apparel > shirts > tees is three levels; under mugs it would be four.
        Assert.Null(CategoryTree.MoveProblem(Apparel, Mugs, Parents, 4));
        Assert.Contains("at most 3 levels", CategoryTree.MoveProblem(Apparel, Mugs, Parents, 3));
        // A new category under tees is the fourth level.
        Assert.Contains("at most 3 levels", CategoryTree.MoveProblem(null, Tees, Parents, 3));
    }

    [Fact]
    public void A_cycle_already_in_stored_data_still_ends()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        var looped = new Dictionary<Guid, Guid?> { [a] = b, [b] = a, [Mugs] = null };

        Assert.NotNull(CategoryTree.MoveProblem(Mugs, a, looped, 10));
    }

    private static Category Node(string name, int position) => new() { Slug = name, Name = name, SortOrder = position };

    [Fact]
    public void Placing_a_category_among_siblings_numbers_them_from_zero_in_order()
    {
        var first = Node("first", 0);
        var second = Node("second", 1);
        var third = Node("third", 2);
        var moving = Node("moving", 7);

        CategoryTree.PlaceAt([first, second, third], moving, 1);

        Assert.Equal([0, 1, 2, 3], new[] { first, moving, second, third }.Select(c => c.SortOrder));
    }

    [Fact]
    public void Moving_within_the_same_siblings_and_past_the_end()
    {
        var first = Node("first", 0);
        var second = Node("second", 1);
        var third = Node("third", 2);

        CategoryTree.PlaceAt([first, second, third], first, 99);
        Assert.Equal([0, 1, 2], new[] { second, third, first }.Select(c => c.SortOrder));

        CategoryTree.PlaceAt([first, second, third], first, 0);
        Assert.Equal([0, 1, 2], new[] { first, second, third }.Select(c => c.SortOrder));
    }

    [Fact]
    public void Siblings_without_positions_are_ordered_by_name_then_numbered()
    {
        var beta = Node("beta", 0);
        var alpha = Node("alpha", 0);

        CategoryTree.Close([beta, alpha]);

        Assert.Equal(0, alpha.SortOrder);
        Assert.Equal(1, beta.SortOrder);
    }

    [Fact]
    public void Removing_a_category_from_a_product_keeps_the_rest_in_order_and_the_next_becomes_primary()
    {
        Assert.Equal([Mugs, Tees], CategoryTree.WithoutCategory([Shirts, Mugs, Tees], Shirts, null));
        Assert.Equal([Apparel, Mugs], CategoryTree.WithoutCategory([Shirts, Mugs], Shirts, Apparel));
        // Moved to a category the product is in already: listed once, where it was first.
        Assert.Equal([Mugs, Tees], CategoryTree.WithoutCategory([Shirts, Mugs, Tees], Shirts, Mugs));
        Assert.Empty(CategoryTree.WithoutCategory([Shirts], Shirts, null));
    }
}
