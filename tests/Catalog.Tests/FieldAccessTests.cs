using GraphQL;
using GraphQL.Types;
using UnifiedCommerce.Subgraph;
using Xunit;

namespace UnifiedCommerce.Catalog.Tests;

/// <summary>Deny by default in the graph: a field that does not say who may read it stops the schema from starting.</summary>
public sealed class FieldAccessTests
{
    [Fact]
    public void A_field_without_an_access_rule_is_named_and_refused()
    {
        var query = new ObjectGraphType { Name = "Query" };
        query.Field<StringGraphType>("shopName").AllowAnonymous().Resolve(_ => "Shop");
        query.Field<IntGraphType>("secretMargin").Resolve(_ => 42);

        var error = Assert.Throws<InvalidOperationException>(() => FieldAccess.Verify(new Schema { Query = query }));

        Assert.Contains("Query.secretMargin declares no access rule", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("shopName", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_must_name_a_platform_permission()
    {
        var query = new ObjectGraphType { Name = "Query" };
        query.Field<IntGraphType>("margin").AuthorizeWithPolicy("margins:peek").Resolve(_ => 42);

        var error = Assert.Throws<InvalidOperationException>(() => FieldAccess.Verify(new Schema { Query = query }));

        Assert.Contains("unknown permission 'margins:peek'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_type_rule_covers_its_fields_and_a_field_rule_overrides_it()
    {
        var product = new ObjectGraphType { Name = "Product" };
        product.AllowAnonymous();
        product.Field<StringGraphType>("name").Resolve(_ => "Tee");
        product.Field<IntGraphType>("cost").AuthorizeWithPolicy("products:read").Resolve(_ => 3);
        var query = new ObjectGraphType { Name = "Query" };
        query.Field("product", product).AllowAnonymous().Resolve(_ => new object());

        FieldAccess.Verify(new Schema { Query = query });

        var (anonymous, permissions) = FieldAccess.RuleOf(product, product.GetField("cost")!);
        Assert.False(anonymous);
        Assert.Equal(["products:read"], permissions);
        Assert.True(FieldAccess.RuleOf(product, product.GetField("name")!).Anonymous);
    }
}
