using GraphQL;
using GraphQL.Types;
using UnifiedCommerce.Catalog.Application;
using UnifiedCommerce.Catalog.Domain;
using UnifiedCommerce.PlatformApi;

namespace UnifiedCommerce.Catalog.Graph;

/// <summary>
/// The admin's and partners' catalog writes (products:write), on the same commands as REST. Invalid input is a
/// BAD_USER_INPUT error naming each field in extensions.fields, keyed as REST names them (variants[0].sku); an edit
/// based on an old version is a CONFLICT error with extensions.currentVersion; another merchant's id is NOT_FOUND.
/// </summary>
public sealed class CatalogMutation : ObjectGraphType
{
    public CatalogMutation()
    {
        Name = "Mutation";

        Field<NonNullGraphType<ProductType>>("productCreate")
            .Description("Creates a product under a slug no other product has; repeating the same create returns the product unchanged.")
            .AuthorizeWithPolicy(Permissions.ProductsWrite)
            .Argument<NonNullGraphType<ProductInputType>>("input")
            .ResolveAsync(async context =>
            {
                var (slug, input) = context.GetArgument<SluggedProductInput>("input");
                return (await Commands(context).CreateProductAsync(slug, input, context.CancellationToken)).Product;
            });

        Field<NonNullGraphType<ProductType>>("productUpdate")
            .Description("Replaces the product (slug included) if it is still at `version`; otherwise a CONFLICT error with the current version.")
            .AuthorizeWithPolicy(Permissions.ProductsWrite)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<LongGraphType>>("version")
            .Argument<NonNullGraphType<ProductInputType>>("input")
            .ResolveAsync(async context =>
            {
                var (slug, input) = context.GetArgument<SluggedProductInput>("input");
                return await Commands(context).UpdateProductAsync(
                    context.GetArgument<Guid>("id"), context.GetArgument<long>("version"), slug, input, context.CancellationToken);
            });

        Field<NonNullGraphType<ProductType>>("productArchive")
            .Description("Takes the product off sale; `version`, when given, must be current.")
            .AuthorizeWithPolicy(Permissions.ProductsWrite)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<LongGraphType>("version")
            .ResolveAsync(async context => await Commands(context).ArchiveAsync(
                ProductRef.ById(context.GetArgument<Guid>("id")), context.GetArgument<long?>("version"), context.CancellationToken));

        Field<NonNullGraphType<ProductType>>("productRestore")
            .Description("Brings an archived product back as a draft; `version`, when given, must be current.")
            .AuthorizeWithPolicy(Permissions.ProductsWrite)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<LongGraphType>("version")
            .ResolveAsync(async context => await Commands(context).RestoreAsync(
                ProductRef.ById(context.GetArgument<Guid>("id")), context.GetArgument<long?>("version"), context.CancellationToken));

        Field<NonNullGraphType<ProductDeletePayloadType>>("productDelete")
            .Description("Deletes a draft or archived product (an active one is archived first: CONFLICT); `version`, when given, must be current.")
            .AuthorizeWithPolicy(Permissions.ProductsWrite)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<LongGraphType>("version")
            .ResolveAsync(async context =>
            {
                var id = context.GetArgument<Guid>("id");
                await Commands(context).DeleteAsync(ProductRef.ById(id), context.GetArgument<long?>("version"), context.CancellationToken);
                return new ProductDeletePayload(id);
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductBulkResultType>>>>("productsBulk")
            .Description($"One action on up to {CatalogLimits.BulkProducts} products; each product changes completely or not at all, and its result says which (code NOT_FOUND, CONFLICT or BAD_USER_INPUT when not).")
            .AuthorizeWithPolicy(Permissions.ProductsWrite)
            .Argument<NonNullGraphType<ProductBulkActionType>>("action")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids")
            .Argument<StringGraphType>("tag", arg => arg.Description = "For ADD_TAG and REMOVE_TAG.")
            .Argument<StringGraphType>("categorySlug", arg => arg.Description = "For MOVE_TO_CATEGORY: the product's only (and primary) category afterwards.")
            .ResolveAsync(async context => await Commands(context).BulkAsync(
                new BulkInput(
                    context.GetArgument<BulkAction>("action").ToString(),
                    context.GetArgument<List<Guid>>("ids"),
                    context.GetArgument<string?>("tag"),
                    context.GetArgument<string?>("categorySlug")),
                context.CancellationToken));

        MediaGraph.AddMutations(this);
        this.AddCategoryMutations();
        this.AddCollectionMutations();
    }

    private static CatalogCommands Commands(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<CatalogCommands>();
}

public sealed record ProductDeletePayload(Guid DeletedProductId);

public sealed class ProductDeletePayloadType : ObjectGraphType<ProductDeletePayload>
{
    public ProductDeletePayloadType()
    {
        this.AuthorizeWithPolicy(Permissions.ProductsWrite);
        Name = "ProductDeletePayload";
        Field<NonNullGraphType<IdGraphType>>("deletedProductId").Resolve(context => context.Source.DeletedProductId);
    }
}

public sealed class ProductBulkActionType : EnumerationGraphType<BulkAction>
{
    public ProductBulkActionType() => Name = "ProductBulkAction";
}

public sealed class ProductBulkResultType : ObjectGraphType<BulkResult>
{
    public ProductBulkResultType()
    {
        this.AuthorizeWithPolicy(Permissions.ProductsWrite);
        Name = "ProductBulkResult";
        Field<NonNullGraphType<IdGraphType>>("productId").Resolve(context => context.Source.ProductId);
        Field<NonNullGraphType<BooleanGraphType>>("ok").Resolve(context => context.Source.Ok);
        Field<StringGraphType>("code").Description("NOT_FOUND, CONFLICT or BAD_USER_INPUT when not ok.").Resolve(context => context.Source.Code);
        Field<StringGraphType>("message").Resolve(context => context.Source.Message);
        Field<LongGraphType>("version").Description("The product's version afterwards; none when deleted or refused.").Resolve(context => context.Source.Version);
    }
}

/// <summary>A product input from GraphQL with the slug it goes under (REST takes the slug from the path).</summary>
public sealed record SluggedProductInput(string Slug, ProductInput Input);

public sealed class ProductInputType : InputObjectGraphType<SluggedProductInput>
{
    public ProductInputType()
    {
        Name = "ProductInput";
        Field<NonNullGraphType<StringGraphType>>("slug").Description("1 to 120 lower-case letters, digits and single hyphens; unique in the store.");
        Field<NonNullGraphType<StringGraphType>>("name").Description($"At most {CatalogLimits.Name} characters.");
        Field<StringGraphType>("description").Description("HTML, sanitised: formatting, lists, links and tables stay; scripts, styles and event handlers go.");
        Field<ProductStatusType>("status").Description("Default DRAFT.");
        Field<DateTimeOffsetGraphType>("publishAt");
        Field<DateTimeOffsetGraphType>("unpublishAt");
        Field<StringGraphType>("brand");
        Field<StringGraphType>("productType");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("tags").Description("At most 25, each 1 to 40 characters; stored trimmed, lower case, each once.");
        Field<StringGraphType>("seoTitle").Description($"At most {CatalogLimits.SeoTitle} characters.");
        Field<StringGraphType>("seoDescription").Description($"At most {CatalogLimits.SeoDescription} characters.");
        Field<StringGraphType>("categorySlug").Description("The primary category.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("categorySlugs").Description("Every category; the primary is added when missing.");
        Field<ListGraphType<NonNullGraphType<ProductOptionInputType>>>("options").Description("Up to 3; when left out, the options the variants name.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductVariantInputType>>>>("variants");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new SluggedProductInput(
        (string)value["slug"]!,
        new ProductInput(
            (string)value["name"]!,
            Get<string>(value, "description"),
            Get<string>(value, "categorySlug"),
            IsPublished: null,
            Variants: List<VariantInput>(value, "variants") ?? [],
            Status: value.TryGetValue("status", out var status) && status is ProductStatus known ? known.ToString() : null,
            PublishAt: Get<DateTimeOffset?>(value, "publishAt"),
            UnpublishAt: Get<DateTimeOffset?>(value, "unpublishAt"),
            Brand: Get<string>(value, "brand"),
            ProductType: Get<string>(value, "productType"),
            Tags: List<string>(value, "tags"),
            SeoTitle: Get<string>(value, "seoTitle"),
            SeoDescription: Get<string>(value, "seoDescription"),
            CategorySlugs: List<string>(value, "categorySlugs"),
            Options: List<ProductOptionInput>(value, "options")));

    internal static T? Get<T>(IDictionary<string, object?> value, string name) =>
        value.TryGetValue(name, out var item) && item is T typed ? typed : default;

    internal static List<T>? List<T>(IDictionary<string, object?> value, string name) =>
        value.TryGetValue(name, out var item) && item is System.Collections.IEnumerable items ? items.Cast<T>().ToList() : null;
}

public sealed class ProductOptionInputType : InputObjectGraphType<ProductOptionInput>
{
    public ProductOptionInputType()
    {
        Name = "ProductOptionInput";
        Field<NonNullGraphType<StringGraphType>>("name").Description($"Such as Size; at most {CatalogLimits.OptionName} characters.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("values").Description("In display order.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) =>
        new ProductOptionInput((string)value["name"]!, ProductInputType.List<string>(value, "values") ?? []);
}

public sealed class OptionValueInputType : InputObjectGraphType<OptionValue>
{
    public OptionValueInputType()
    {
        Name = "OptionValueInput";
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<StringGraphType>>("value");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new OptionValue((string)value["name"]!, (string)value["value"]!);
}

public sealed class ProductVariantInputType : InputObjectGraphType<VariantInput>
{
    public ProductVariantInputType()
    {
        Name = "ProductVariantInput";
        Field<NonNullGraphType<StringGraphType>>("sku").Description("Unique in the store, across products.");
        Field<NonNullGraphType<StringGraphType>>("title");
        Field<ListGraphType<NonNullGraphType<OptionValueInputType>>>("options").Description("One value for each of the product's options.");
        Field<NonNullGraphType<LongGraphType>>("priceAmount").Description("Minor units (cents).");
        Field<NonNullGraphType<StringGraphType>>("currency").Description("The store's currency (ISO 4217).");
        Field<StringGraphType>("barcode");
        Field<LongGraphType>("compareAtPriceAmount").Description("The \"was\" price in minor units; not below the price.");
        Field<LongGraphType>("costAmount").Description("What one costs the merchant, in minor units.");
        Field<IntGraphType>("weightGrams");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        var options = ProductInputType.List<OptionValue>(value, "options");
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var option in options ?? [])
        {
            if (!byName.TryAdd(option.Name, option.Value))
            {
                throw new UnifiedCommerce.ServiceDefaults.Http.RequestValidationException(new Dictionary<string, string[]>
                {
                    [$"options.{option.Name}"] = [$"{option.Name} is given twice; a variant has one value per option."],
                });
            }
        }

        return new VariantInput(
            (string)value["sku"]!,
            (string)value["title"]!,
            options is null ? null : byName,
            Convert.ToInt64(value["priceAmount"], System.Globalization.CultureInfo.InvariantCulture),
            (string)value["currency"]!,
            ProductInputType.Get<string>(value, "barcode"),
            value.TryGetValue("compareAtPriceAmount", out var compareAt) && compareAt is not null ? Convert.ToInt64(compareAt, System.Globalization.CultureInfo.InvariantCulture) : null,
            value.TryGetValue("costAmount", out var cost) && cost is not null ? Convert.ToInt64(cost, System.Globalization.CultureInfo.InvariantCulture) : null,
            value.TryGetValue("weightGrams", out var weight) && weight is not null ? Convert.ToInt32(weight, System.Globalization.CultureInfo.InvariantCulture) : null);
    }
}
