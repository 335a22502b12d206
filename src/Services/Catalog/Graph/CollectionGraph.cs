using GraphQL;
using GraphQL.Types;
using UnifiedCommerce.Catalog.Application;
using UnifiedCommerce.Catalog.Domain;
using UnifiedCommerce.PlatformApi;

namespace UnifiedCommerce.Catalog.Graph;

/// <summary>
/// Collections in the subgraph: the storefront reads them (published products only), staff write them
/// (products:write) and preview rules (products:read). A product move on a rule collection is CONFLICT with
/// extensions.reason NOT_MANUAL.
/// </summary>
public static class CollectionGraph
{
    public static void AddCollectionQueries(this ObjectGraphType query)
    {
        query.Field<CollectionType>("collection")
            .Description("A collection by its slug.")
            .Argument<NonNullGraphType<StringGraphType>>("slug")
            .ResolveAsync(async context => await Queries(context).FindBySlugAsync(context.GetArgument<string>("slug"), context.CancellationToken));

        query.Field<NonNullGraphType<CollectionConnectionType>>("collections")
            .Description("The merchant's collections, newest first. first: 1..100 (default 24).")
            .Argument<IntGraphType>("first", arg => arg.DefaultValue = CatalogQueries.DefaultPageSize)
            .Argument<StringGraphType>("after")
            .ResolveAsync(async context => await Queries(context).ListAsync(
                context.GetArgument<int?>("first"), context.GetArgument<string?>("after"),
                context.SubFields?.Values.Any(selected => selected.Field.Name.StringValue == "totalCount") ?? true, context.CancellationToken));

        query.Field<NonNullGraphType<CollectionRulesPreviewType>>("collectionRulesPreview")
            .Description($"What the rules match now: how many products (any status, and published), and the newest {CollectionQueries.PreviewSize}; products:read.")
            .AuthorizeWithPolicy(Permissions.ProductsRead)
            .Argument<NonNullGraphType<CollectionRulesInputType>>("rules")
            .ResolveAsync(async context => await Queries(context).PreviewAsync(context.GetArgument<CollectionRulesInput>("rules"), context.CancellationToken));
    }

    public static void AddCollectionMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CollectionType>>("collectionCreate")
            .Description("Creates a manual collection (optionally with its first products, in order) or a rule collection.")
            .AuthorizeWithPolicy(Permissions.ProductsWrite)
            .Argument<NonNullGraphType<CollectionInputType>>("input")
            .ResolveAsync(async context => await Commands(context).CreateAsync(context.GetArgument<CollectionInput>("input"), context.CancellationToken));

        mutation.Field<NonNullGraphType<CollectionType>>("collectionUpdate")
            .Description("Changes the fields given (rules: rule collections only); `version`, when given, must be current (CONFLICT with extensions.currentVersion otherwise).")
            .AuthorizeWithPolicy(Permissions.ProductsWrite)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<LongGraphType>("version")
            .Argument<NonNullGraphType<CollectionUpdateInputType>>("input")
            .ResolveAsync(async context => await Commands(context).UpdateAsync(
                context.GetArgument<Guid>("id"), context.GetArgument<long?>("version"), context.GetArgument<CollectionUpdateInput>("input"), context.CancellationToken));

        mutation.Field<NonNullGraphType<CollectionDeletePayloadType>>("collectionDelete")
            .Description("Deletes the collection; its products stay.")
            .AuthorizeWithPolicy(Permissions.ProductsWrite)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async context =>
            {
                var id = context.GetArgument<Guid>("id");
                await Commands(context).DeleteAsync(id, context.CancellationToken);
                return new CollectionDeletePayload(id);
            });

        mutation.Field<NonNullGraphType<CollectionType>>("collectionProductsAdd")
            .Description($"Adds up to {CatalogLimits.BulkProducts} products at the end of a manual collection, in the order given; ones listed already stay where they are.")
            .AuthorizeWithPolicy(Permissions.ProductsWrite)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("productIds")
            .ResolveAsync(async context => await Commands(context).AddProductsAsync(
                context.GetArgument<Guid>("id"), context.GetArgument<List<Guid>>("productIds"), context.CancellationToken));

        mutation.Field<NonNullGraphType<CollectionType>>("collectionProductsRemove")
            .Description($"Removes up to {CatalogLimits.BulkProducts} products from a manual collection; the others close up.")
            .AuthorizeWithPolicy(Permissions.ProductsWrite)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("productIds")
            .ResolveAsync(async context => await Commands(context).RemoveProductsAsync(
                context.GetArgument<Guid>("id"), context.GetArgument<List<Guid>>("productIds"), context.CancellationToken));

        mutation.Field<NonNullGraphType<CollectionType>>("collectionProductsReorder")
            .Description("Puts a manual collection's products in the order given: every product of the collection, each once.")
            .AuthorizeWithPolicy(Permissions.ProductsWrite)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("productIds")
            .ResolveAsync(async context => await Commands(context).ReorderProductsAsync(
                context.GetArgument<Guid>("id"), context.GetArgument<List<Guid>>("productIds"), context.CancellationToken));
    }

    /// <summary>Product.collections: the collections a product is in, batched for every product of the answer.</summary>
    public static void AddCollectionsField(this ObjectGraphType<Product> product) =>
        product.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CollectionType>>>>("collections")
            .Description("The collections the product is in (listed in a manual one, or matching a rule one), by title.")
            .Resolve(context => EntityLoading.Loaders(context).Load<Guid, IReadOnlyList<Collection>>(
                "collections-by-product", context.Source.Id, Queries(context).ForProductsAsync, context.CancellationToken, []));

    internal static CollectionQueries Queries(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<CollectionQueries>();

    private static CollectionCommands Commands(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<CollectionCommands>();
}

public sealed class CollectionType : ObjectGraphType<Collection>
{
    public CollectionType()
    {
        this.AllowAnonymous();
        Name = "Collection";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(context => context.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("slug").Resolve(context => context.Source.Slug);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(context => context.Source.Title);
        Field<NonNullGraphType<StringGraphType>>("description").Description("Sanitised HTML.").Resolve(context => context.Source.Description);
        Field<NonNullGraphType<CollectionKindType>>("kind").Resolve(context => context.Source.Kind);
        Field<CollectionRulesType>("rules")
            .Description("A rule collection's rules (none for a manual one); products:read.")
            .AuthorizeWithPolicy(Permissions.ProductsRead)
            .Resolve(context => context.Source.Kind == CollectionKind.Rules ? context.Source : null);
        Field<NonNullGraphType<LongGraphType>>("version").Description("Send it back with an edit (collectionUpdate's version).").Resolve(context => context.Source.Version);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("updatedAt").Resolve(context => context.Source.UpdatedAt);
        Field<NonNullGraphType<ProductConnectionType>>("products")
            .Description("Its published products: a manual collection's in its order, a rule collection's newest first. first: 1..100 (default 24). Staff with products:read see drafts too when they ask with includeUnpublished (others get the published ones).")
            .Argument<IntGraphType>("first", arg => arg.DefaultValue = CatalogQueries.DefaultPageSize)
            .Argument<StringGraphType>("after")
            .Argument<BooleanGraphType>("includeUnpublished", arg => arg.DefaultValue = false)
            .ResolveAsync(async context =>
            {
                // Drafts only for the merchant's own staff and clients; anyone else gets the shoppers' view.
                var includeUnpublished = context.GetArgument<bool>("includeUnpublished") && context.User?.HasPermission(Permissions.ProductsRead) == true;
                return await CollectionGraph.Queries(context).ProductsAsync(
                    context.Source, context.GetArgument<int?>("first"), context.GetArgument<string?>("after"), publishedOnly: !includeUnpublished,
                    includeTotalCount: context.SubFields?.Values.Any(selected => selected.Field.Name.StringValue == "totalCount") ?? true,
                    context.CancellationToken);
            });
    }
}

public sealed class CollectionRulesType : ObjectGraphType<Collection>
{
    public CollectionRulesType()
    {
        this.AuthorizeWithPolicy(Permissions.ProductsRead);
        Name = "CollectionRules";
        Field<NonNullGraphType<RuleMatchType>>("match").Resolve(context => context.Source.Match);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RuleConditionType>>>>("conditions").Resolve(context => context.Source.Conditions);
    }
}

public sealed class RuleConditionType : ObjectGraphType<RuleCondition>
{
    public RuleConditionType()
    {
        this.AuthorizeWithPolicy(Permissions.ProductsRead);
        Name = "RuleCondition";
        Field<NonNullGraphType<RuleFieldType>>("field").Resolve(context => context.Source.Field);
        Field<NonNullGraphType<RuleOperatorType>>("operator").Resolve(context => context.Source.Operator);
        Field<NonNullGraphType<StringGraphType>>("value").Resolve(context => context.Source.Value);
    }
}

public sealed class CollectionConnectionType : ObjectGraphType<CollectionPage>
{
    public CollectionConnectionType()
    {
        this.AllowAnonymous();
        Name = "CollectionConnection";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CollectionType>>>>("nodes").Resolve(context => context.Source.Nodes);
        Field<NonNullGraphType<IntGraphType>>("totalCount").Resolve(context => context.Source.TotalCount ?? 0);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(context => new ProductPage([], null, context.Source.HasNextPage, context.Source.EndCursor));
    }
}

public sealed class CollectionRulesPreviewType : ObjectGraphType<RulesPreview>
{
    public CollectionRulesPreviewType()
    {
        this.AuthorizeWithPolicy(Permissions.ProductsRead);
        Name = "CollectionRulesPreview";
        Field<NonNullGraphType<IntGraphType>>("count").Description("Every matching product, whatever its status.").Resolve(context => context.Source.Count);
        Field<NonNullGraphType<IntGraphType>>("publishedCount").Description("The matching products shoppers see now.").Resolve(context => context.Source.PublishedCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductType>>>>("products").Description("The newest matches.").Resolve(context => context.Source.Products);
    }
}

public sealed record CollectionDeletePayload(Guid DeletedCollectionId);

public sealed class CollectionDeletePayloadType : ObjectGraphType<CollectionDeletePayload>
{
    public CollectionDeletePayloadType()
    {
        this.AuthorizeWithPolicy(Permissions.ProductsWrite);
        Name = "CollectionDeletePayload";
        Field<NonNullGraphType<IdGraphType>>("deletedCollectionId").Resolve(context => context.Source.DeletedCollectionId);
    }
}

public sealed class CollectionKindType : EnumerationGraphType<CollectionKind>
{
    public CollectionKindType() => Name = "CollectionKind";
}

public sealed class RuleMatchType : EnumerationGraphType<RuleMatch>
{
    public RuleMatchType()
    {
        Name = "CollectionRuleMatch";
        Description = "ALL: every condition holds; ANY: at least one does.";
    }
}

public sealed class RuleFieldType : EnumerationGraphType<RuleField>
{
    public RuleFieldType()
    {
        Name = "CollectionRuleField";
        Description = "TAG (EQUALS, NOT_EQUALS), BRAND and PRODUCT_TYPE (EQUALS, NOT_EQUALS, CONTAINS; any letter case), PRICE: the lowest variant price in minor units (EQUALS, NOT_EQUALS, LESS_THAN, GREATER_THAN), COMPARE_AT: on sale, true or false (EQUALS), CATEGORY: a category's id, its subcategories included (EQUALS, NOT_EQUALS), TITLE (CONTAINS).";
    }
}

public sealed class RuleOperatorType : EnumerationGraphType<RuleOperator>
{
    public RuleOperatorType() => Name = "CollectionRuleOperator";
}

public sealed class RuleConditionInputType : InputObjectGraphType<RuleConditionInput>
{
    public RuleConditionInputType()
    {
        Name = "CollectionRuleConditionInput";
        Field<NonNullGraphType<RuleFieldType>>("field");
        Field<NonNullGraphType<RuleOperatorType>>("operator");
        Field<NonNullGraphType<StringGraphType>>("value").Description($"At most {CollectionLimits.ConditionValue} characters; a price in minor units, a category's id, true or false for COMPARE_AT.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) =>
        new RuleConditionInput((RuleField)value["field"]!, (RuleOperator)value["operator"]!, (string)value["value"]!);
}

public sealed class CollectionRulesInputType : InputObjectGraphType<CollectionRulesInput>
{
    public CollectionRulesInputType()
    {
        Name = "CollectionRulesInput";
        Field<NonNullGraphType<RuleMatchType>>("match");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RuleConditionInputType>>>>("conditions").Description($"1 to {CollectionLimits.Conditions}.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) =>
        new CollectionRulesInput((RuleMatch)value["match"]!, ProductInputType.List<RuleConditionInput>(value, "conditions") ?? []);
}

public sealed class CollectionInputType : InputObjectGraphType<CollectionInput>
{
    public CollectionInputType()
    {
        Name = "CollectionInput";
        Field<NonNullGraphType<StringGraphType>>("slug").Description("1 to 120 lower-case letters, digits and single hyphens; unique among the store's collections.");
        Field<NonNullGraphType<StringGraphType>>("title").Description($"At most {CatalogLimits.Name} characters.");
        Field<StringGraphType>("description").Description("HTML, sanitised like a product's.");
        Field<NonNullGraphType<CollectionKindType>>("kind");
        Field<CollectionRulesInputType>("rules").Description("For RULES.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("productIds").Description($"For MANUAL: its first products, in order (at most {CatalogLimits.BulkProducts}).");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        var productIds = ProductInputType.List<object>(value, "productIds")?.Select(id => CategoryCreateInputType.ParseId(id, "productIds")).ToList();
        if (productIds is { Count: > CatalogLimits.BulkProducts })
        {
            throw UnifiedCommerce.ServiceDefaults.Http.RequestValidationException.For("productIds", $"Name at most {CatalogLimits.BulkProducts} products; add more with collectionProductsAdd.");
        }

        return new CollectionInput(
            (string)value["slug"]!,
            (string)value["title"]!,
            ProductInputType.Get<string>(value, "description"),
            (CollectionKind)value["kind"]!,
            ProductInputType.Get<CollectionRulesInput>(value, "rules"),
            productIds);
    }
}

public sealed class CollectionUpdateInputType : InputObjectGraphType<CollectionUpdateInput>
{
    public CollectionUpdateInputType()
    {
        Name = "CollectionUpdateInput";
        Field<StringGraphType>("slug");
        Field<StringGraphType>("title");
        Field<StringGraphType>("description");
        Field<CollectionRulesInputType>("rules").Description("Replaces a rule collection's rules.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new CollectionUpdateInput(
        ProductInputType.Get<string>(value, "slug"),
        ProductInputType.Get<string>(value, "title"),
        ProductInputType.Get<string>(value, "description"),
        ProductInputType.Get<CollectionRulesInput>(value, "rules"));
}
