using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Federation;
using GraphQL.Types;
using UnifiedCommerce.Catalog.Application;
using UnifiedCommerce.Catalog.Domain;
using UnifiedCommerce.PlatformApi;
using UnifiedCommerce.Subgraph;

namespace UnifiedCommerce.Catalog.Graph;

public sealed class CatalogSchema : Schema
{
    public CatalogSchema(IServiceProvider services, CatalogQuery query, CatalogMutation mutation) : base(services)
    {
        Query = query;
        Mutation = mutation;
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

        Field<ProductType>("adminProduct")
            .Description("A product by id whatever its status (drafts, archived, scheduled): the admin's view (products:read).")
            .AuthorizeWithPolicy(Permissions.ProductsRead)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async context => await Queries(context).FindByIdAsync(context.GetArgument<Guid>("id"), context.CancellationToken));

        Field<NonNullGraphType<ProductConnectionType>>("adminProducts")
            .Description("Every product of the merchant, filtered by status, tag, brand, category (with its subcategories), collection or stock state and searched by title (contains) or SKU (whole), in the order asked (newest first by default); products:read. first: 1..100 (default 24). A cursor belongs to its order.")
            .AuthorizeWithPolicy(Permissions.ProductsRead)
            .Argument<IntGraphType>("first", arg => arg.DefaultValue = CatalogQueries.DefaultPageSize)
            .Argument<StringGraphType>("after")
            .Argument<ProductStatusType>("status")
            .Argument<StringGraphType>("tag")
            .Argument<StringGraphType>("brand")
            .Argument<StringGraphType>("categorySlug")
            .Argument<StringGraphType>("search")
            .Argument<IdGraphType>("collection", arg => arg.Description = "A collection's id: its products (a manual one's listed, a rule one's matching).")
            .Argument<StockStateType>("stockState")
            .Argument<ProductSortType>("sort", arg => arg.DefaultValue = ProductSort.Newest)
            .ResolveAsync(async context => await Queries(context).ListForStaffAsync(
                new StaffProductFilter(
                    context.GetArgument<ProductStatus?>("status")?.ToString(),
                    context.GetArgument<string?>("tag"),
                    context.GetArgument<string?>("brand"),
                    context.GetArgument<string?>("categorySlug"),
                    context.GetArgument<string?>("search"),
                    context.GetArgument<Guid?>("collection"),
                    context.GetArgument<StockState?>("stockState")),
                context.GetArgument("sort", ProductSort.Newest),
                context.GetArgument<int?>("first"),
                context.GetArgument<string?>("after"),
                includeTotalCount: AsksFor(context, "totalCount"),
                context.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryType>>>>("categories")
            .Description("Root categories; each carries its children (the whole tree).")
            .ResolveAsync(async context => (await Queries(context).CategoryTreeAsync(context.CancellationToken)).Select(node => node.Category));

        Field<CategoryType>("category")
            .Argument<NonNullGraphType<StringGraphType>>("slug")
            .ResolveAsync(async context => await Queries(context).FindCategoryAsync(context.GetArgument<string>("slug"), context.CancellationToken));

        this.AddCollectionQueries();
        this.AddImportQueries();
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
        Field<NonNullGraphType<StringGraphType>>("description").Description("Sanitised HTML.").Resolve(context => context.Source.Description);
        Field<NonNullGraphType<ProductStatusType>>("status").Resolve(context => context.Source.Status);
        Field<NonNullGraphType<BooleanGraphType>>("isPublished")
            .Description("Whether shoppers see it now: active and inside its publishing window.")
            .Resolve(context => context.Source.IsPublishedAt(CatalogQuery.Queries(context).Now));
        Field<DateTimeOffsetGraphType>("publishAt").Resolve(context => context.Source.PublishAt);
        Field<DateTimeOffsetGraphType>("unpublishAt").Resolve(context => context.Source.UnpublishAt);
        Field<StringGraphType>("brand").Resolve(context => context.Source.Brand);
        Field<StringGraphType>("productType").Resolve(context => context.Source.ProductType);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("tags").Resolve(context => context.Source.Tags);
        Field<StringGraphType>("seoTitle").Resolve(context => context.Source.SeoTitle);
        Field<StringGraphType>("seoDescription").Resolve(context => context.Source.SeoDescription);
        Field<CategoryType>("category").Description("The primary category: breadcrumbs follow it.").Resolve(context => EntityLoading.ById(context, context.Source.CategoryId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryType>>>>("categories")
            .Description("Every category the product is listed in, the primary first.")
            .Resolve(context => new AllLoaded<Category>(context.Source.CategoryIds.Select(id => EntityLoading.CategoryById(context, id)).ToList()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductOptionType>>>>("options").Resolve(context => context.Source.Options);
        Field<NonNullGraphType<LongGraphType>>("version").Description("Send it back with an edit (productUpdate's version).").Resolve(context => context.Source.Version);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("updatedAt").Resolve(context => context.Source.UpdatedAt);
        Field<NonNullGraphType<MoneyType>>("priceFrom").Description("Lowest price among the product's variants.").Resolve(context => context.Source.PriceFrom);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductVariantType>>>>("variants")
            .Resolve(context => context.Source.Variants.OrderBy(variant => variant.SortOrder));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductMediaType>>>>("media").Description("Its images in display order, the main image first.").Resolve(MediaGraph.MediaOf);
        this.AddCollectionsField();
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
        Field<MoneyType>("compareAtPrice").Description("The \"was\" price, never below the price.").Resolve(context => context.Source.CompareAtPrice);
        Field<MoneyType>("cost")
            .Description("What one costs the merchant: staff and the merchant's clients only (products:read).")
            .AuthorizeWithPolicy(Permissions.ProductsRead)
            .Resolve(context => context.Source.Cost);
        Field<StringGraphType>("barcode").Resolve(context => context.Source.Barcode);
        Field<IntGraphType>("weightGrams").Resolve(context => context.Source.WeightGrams);
        Field<NonNullGraphType<IntGraphType>>("position").Description("Its place among the product's variants, from 0.").Resolve(context => context.Source.SortOrder);
        Field<ProductMediaType>("image").Description("The image that shows this variant: one of its product's media.").Resolve(MediaGraph.ImageOf);
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

public sealed class ProductOptionType : ObjectGraphType<ProductOption>
{
    public ProductOptionType()
    {
        this.AllowAnonymous();
        Name = "ProductOption";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(context => context.Source.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("values").Description("In display order.").Resolve(context => context.Source.Values);
    }
}

public sealed class ProductStatusType : EnumerationGraphType<ProductStatus>
{
    public ProductStatusType()
    {
        Name = "ProductStatus";
        Description = "DRAFT and ARCHIVED products are the merchant's own; ACTIVE ones are for sale inside their publishing window.";
    }
}

public sealed class StockStateType : EnumerationGraphType<StockState>
{
    public StockStateType()
    {
        Name = "StockState";
        Description = $"By the catalog's copy of Inventory's counts, over every location. OUT_OF_STOCK: no variant can be sold; LOW_STOCK: some can, but a variant is down to {VariantStock.LowStockThreshold} units or fewer; IN_STOCK: every variant has more.";
    }
}

public sealed class ProductSortType : EnumerationGraphType<ProductSort>
{
    public ProductSortType()
    {
        Name = "ProductSort";
        Description = "NEWEST first (the default), OLDEST first, TITLE A to Z, TITLE_DESCENDING Z to A, RECENTLY_UPDATED: last edited first.";
    }
}

/// <summary>Many batched loads as one deferred list: awaiting the first dispatches the batch, the rest come from it.</summary>
internal sealed class AllLoaded<T>(IReadOnlyList<IDataLoaderResult<T?>> parts) : IDataLoaderResult<IReadOnlyList<T>>
    where T : class
{
    public async Task<IReadOnlyList<T>> GetResultAsync(CancellationToken cancellationToken = default)
    {
        var values = new List<T>(parts.Count);
        foreach (var part in parts)
        {
            if (await part.GetResultAsync(cancellationToken) is { } value)
            {
                values.Add(value);
            }
        }

        return values;
    }

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
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
        Field<NonNullGraphType<StringGraphType>>("description").Description("Sanitised HTML.").Resolve(context => context.Source.Description);
        Field<NonNullGraphType<IntGraphType>>("position").Description("Its place among its siblings, from 0.").Resolve(context => context.Source.SortOrder);
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
        categoryId is { } id ? CategoryById(context, id) : null;

    public static IDataLoaderResult<Category?> CategoryById(IResolveFieldContext context, Guid id) =>
        Loaders(context).Load<Guid, Category>("categories-by-id", id, CatalogQuery.Queries(context).CategoriesByIdAsync, context.CancellationToken);
}
