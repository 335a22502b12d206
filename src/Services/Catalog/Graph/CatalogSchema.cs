using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;
using UnifiedCommerce.Catalog.Application;
using UnifiedCommerce.Catalog.Domain;
using UnifiedCommerce.PlatformApi;
using UnifiedCommerce.Subgraph;

namespace UnifiedCommerce.Catalog.Graph;

public sealed class CatalogSchema : Schema
{
    public CatalogSchema(IServiceProvider services, CatalogQuery query) : base(services)
    {
        Query = query;
    }
}

public sealed class CatalogQuery : ObjectGraphType
{
    public CatalogQuery()
    {
        // The storefront's catalog: published products and categories are public, read with the channel's merchant.
        this.AllowAnonymous();
        Name = "Query";
        Field<NonNullGraphType<ProductConnectionType>>("products")
            .Description("Published products of the caller's merchant, newest first. first: 1..100 (default 24).")
            .Argument<IntGraphType>("first", arg => arg.DefaultValue = CatalogQueries.DefaultPageSize)
            .Argument<StringGraphType>("after")
            .Argument<StringGraphType>("categorySlug")
            .ResolveAsync(async context => await Queries(context).ListProductsAsync(
                context.GetArgument<int?>("first"),
                context.GetArgument<string?>("after"),
                context.GetArgument<string?>("categorySlug"),
                includeTotalCount: AsksFor(context, "totalCount"),
                context.CancellationToken));

        Field<ProductType>("product")
            .Argument<NonNullGraphType<StringGraphType>>("slug")
            .ResolveAsync(async context => await Queries(context).FindPublishedBySlugAsync(context.GetArgument<string>("slug"), context.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryType>>>>("categories")
            .Description("Root categories; each carries its children (the whole tree).")
            .ResolveAsync(async context => (await Queries(context).CategoryTreeAsync(context.CancellationToken)).Select(node => node.Category));

        Field<CategoryType>("category")
            .Argument<NonNullGraphType<StringGraphType>>("slug")
            .ResolveAsync(async context => await Queries(context).FindCategoryAsync(context.GetArgument<string>("slug"), context.CancellationToken));
    }

    /// <summary>Whether the request selects the field (aliases and fragments included), so work it alone needs can be skipped.</summary>
    private static bool AsksFor(IResolveFieldContext context, string fieldName) =>
        context.SubFields?.Values.Any(selected => selected.Field.Name.StringValue == fieldName) ?? true;

    internal static CatalogQueries Queries(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<CatalogQueries>();
}

public sealed class ProductConnectionType : ObjectGraphType<ProductPage>
{
    public ProductConnectionType()
    {
        this.AllowAnonymous();
        Name = "ProductConnection";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductType>>>>("nodes").Resolve(context => context.Source.Nodes);
        Field<NonNullGraphType<IntGraphType>>("totalCount").Resolve(context => context.Source.TotalCount ?? 0);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(context => context.Source);
    }
}

public sealed class PageInfoType : ObjectGraphType<ProductPage>
{
    public PageInfoType()
    {
        this.AllowAnonymous();
        // Every paginated subgraph has the same PageInfo; federation lets them share it.
        this.Shareable();
        Name = "PageInfo";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Resolve(context => context.Source.HasNextPage);
        Field<StringGraphType>("endCursor").Resolve(context => context.Source.EndCursor);
    }
}

public sealed class ProductType : ObjectGraphType<Product>
{
    public ProductType()
    {
        this.AllowAnonymous();
        Name = "Product";
        this.Key("id");
        this.ResolveReference<EntityReference, Product>((context, reference) =>
            EntityLoading.Loaders(context).Load<Guid, Product>(
                EntityLoading.Visible(context, "products-by-id", out var drafts), reference.Id,
                (ids, ct) => CatalogQuery.Queries(context).ProductsByIdAsync(ids, drafts, ct), context.CancellationToken));
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(context => context.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("slug").Resolve(context => context.Source.Slug);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(context => context.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("description").Resolve(context => context.Source.Description);
        Field<CategoryType>("category").Resolve(context => EntityLoading.ById(context, context.Source.CategoryId));
        Field<NonNullGraphType<MoneyType>>("priceFrom").Description("Lowest price among the product's variants.").Resolve(context => context.Source.PriceFrom);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductVariantType>>>>("variants")
            .Resolve(context => context.Source.Variants.OrderBy(variant => variant.SortOrder));
    }
}

public sealed class ProductVariantType : ObjectGraphType<ProductVariant>
{
    public ProductVariantType()
    {
        this.AllowAnonymous();
        Name = "ProductVariant";
        this.Key("id");
        this.ResolveReference<EntityReference, ProductVariant>((context, reference) =>
            EntityLoading.Loaders(context).Load<Guid, ProductVariant>(
                EntityLoading.Visible(context, "variants-by-id", out var drafts), reference.Id,
                (ids, ct) => CatalogQuery.Queries(context).VariantsByIdAsync(ids, drafts, ct), context.CancellationToken));
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(context => context.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("sku").Resolve(context => context.Source.Sku);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(context => context.Source.Title);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OptionValueType>>>>("options").Resolve(context => context.Source.Options);
        Field<NonNullGraphType<MoneyType>>("price").Resolve(context => context.Source.Price);
    }
}

public sealed class OptionValueType : ObjectGraphType<OptionValue>
{
    public OptionValueType()
    {
        this.AllowAnonymous();
        Name = "OptionValue";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(context => context.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("value").Resolve(context => context.Source.Value);
    }
}

public sealed class MoneyType : ObjectGraphType<Money>
{
    public MoneyType()
    {
        this.AllowAnonymous();
        Name = "Money";
        Description = "Money in integer minor units (cents) and an ISO 4217 currency code.";
        Field<NonNullGraphType<LongGraphType>>("amount")
            .Description($"Minor units (cents), 0 to {Money.MaxAmountText}: a JSON number, exact in JavaScript.")
            .Resolve(context => context.Source.Amount);
        Field<NonNullGraphType<StringGraphType>>("currency").Resolve(context => context.Source.Currency);
    }
}

public sealed class CategoryType : ObjectGraphType<Category>
{
    public CategoryType()
    {
        this.AllowAnonymous();
        Name = "Category";
        this.Key("id");
        this.ResolveReference<EntityReference, Category>((context, reference) =>
            EntityLoading.Loaders(context).Load<Guid, Category>("categories-by-id", reference.Id, CatalogQuery.Queries(context).CategoriesByIdAsync, context.CancellationToken));
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(context => context.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("slug").Resolve(context => context.Source.Slug);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(context => context.Source.Name);
        Field<CategoryType>("parent").Resolve(context => EntityLoading.ById(context, context.Source.ParentId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryType>>>>("children")
            .Resolve(context => EntityLoading.Loaders(context).Load<Guid, IReadOnlyList<Category>>(
                "categories-by-parent", context.Source.Id, CatalogQuery.Queries(context).ChildrenByParentAsync, context.CancellationToken, []));
    }
}

/// <summary>The key of an entity the gateway asks this subgraph to resolve.</summary>
public sealed class EntityReference
{
    public Guid Id { get; set; }
}

internal static class EntityLoading
{
    public static BatchLoaders Loaders(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<BatchLoaders>();

    /// <summary>
    /// Entity lookups follow the root fields' rule: drafts only for the merchant's own staff and clients with
    /// products:read. The loader's name says which view it loads, so the two never share a batch.
    /// </summary>
    public static string Visible(IResolveFieldContext context, string loader, out bool includeUnpublished)
    {
        includeUnpublished = context.User?.HasPermission(Permissions.ProductsRead) == true;
        return includeUnpublished ? loader + "-with-drafts" : loader;
    }

    public static object? ById(IResolveFieldContext context, Guid? categoryId) =>
        categoryId is { } id
            ? Loaders(context).Load<Guid, Category>("categories-by-id", id, CatalogQuery.Queries(context).CategoriesByIdAsync, context.CancellationToken)
            : null;
}
