using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using UnifiedCommerce.Catalog.Domain;

namespace UnifiedCommerce.Catalog.Application;

// The attributes describe the limits in /openapi/v1.json; CatalogRules enforces them (with every field's error at once).

public sealed record CategoryInput(
    [property: Required, StringLength(CatalogLimits.Name)] string Name,
    [property: StringLength(CatalogLimits.Slug)] string? ParentSlug,
    int SortOrder = 0);

public sealed record VariantInput(
    [property: Required, StringLength(CatalogLimits.Sku, MinimumLength = 1)] string Sku,
    [property: Required, StringLength(CatalogLimits.Name)] string Title,
    [property: MaxLength(CatalogLimits.OptionsPerProduct), Description("One value for each of the product's options (name up to 50 characters, value up to 100).")]
    IReadOnlyDictionary<string, string>? Options,
    [property: Range(0, Money.MaxAmount), Description("Minor units (cents), 0 to " + Money.MaxAmountText + ".")] long PriceAmount,
    [property: Required, StringLength(3, MinimumLength = 3), Description("ISO 4217, the same for every product of the store.")] string Currency,
    [property: StringLength(CatalogLimits.Barcode), Description("GTIN, EAN, UPC or ISBN.")] string? Barcode = null,
    [property: Range(0, Money.MaxAmount), Description("The \"was\" price in minor units; not below the price.")] long? CompareAtPriceAmount = null,
    [property: Range(0, Money.MaxAmount), Description("What one costs the merchant, in minor units: staff only, never shown to shoppers.")] long? CostAmount = null,
    [property: Range(0, CatalogLimits.MaxWeightGrams)] int? WeightGrams = null);

public sealed record ProductOptionInput(
    [property: Required, StringLength(CatalogLimits.OptionName)] string Name,
    [property: Required, MinLength(1), MaxLength(CatalogLimits.ValuesPerOption)] IReadOnlyList<string> Values);

/// <summary>
/// A whole product as the merchant wants it. Fields added after the first version are optional: <see cref="Status"/>
/// falls back to <see cref="IsPublished"/> (published = active, else draft), <see cref="Options"/> to the options the
/// variants name in order of appearance, and <see cref="CategorySlugs"/> to the primary <see cref="CategorySlug"/>.
/// </summary>
public sealed record ProductInput(
    [property: Required, StringLength(CatalogLimits.Name)] string Name,
    [property: StringLength(CatalogLimits.Description), Description("HTML; sanitised (formatting, lists, links and tables stay; scripts and event handlers go).")] string? Description,
    [property: StringLength(CatalogLimits.Slug), Description("The primary category: breadcrumbs follow it.")] string? CategorySlug,
    [property: Description("Older clients' status: true = active, false = draft. Ignored when status is given.")] bool? IsPublished,
    [property: Required, MinLength(1), MaxLength(CatalogLimits.VariantsPerProduct)] IReadOnlyList<VariantInput> Variants,
    [property: Description("draft, active or archived.")] string? Status = null,
    [property: Description("An active product is for sale from this time (none: at once).")] DateTimeOffset? PublishAt = null,
    [property: Description("... and until this time (none: until archived).")] DateTimeOffset? UnpublishAt = null,
    [property: StringLength(CatalogLimits.Brand)] string? Brand = null,
    [property: StringLength(CatalogLimits.ProductType)] string? ProductType = null,
    [property: MaxLength(ProductTags.MaxCount), Description("At most 25 tags of 1 to 40 characters; stored trimmed, lower case, each once.")] IReadOnlyList<string>? Tags = null,
    [property: StringLength(CatalogLimits.SeoTitle)] string? SeoTitle = null,
    [property: StringLength(CatalogLimits.SeoDescription)] string? SeoDescription = null,
    [property: MaxLength(CatalogLimits.CategoriesPerProduct), Description("Every category the product is listed in; the primary is added when missing.")] IReadOnlyList<string>? CategorySlugs = null,
    [property: MaxLength(CatalogLimits.OptionsPerProduct), Description("Up to 3 options with their values in display order.")] IReadOnlyList<ProductOptionInput>? Options = null);

/// <summary>How large each piece of the catalog may be; listings load whole products, so every field is bounded.</summary>
public static class CatalogLimits
{
    public const int Name = 200;
    public const int Slug = 120;
    public const int Sku = 64;
    public const int Barcode = 64;
    public const int Description = 20_000;
    public const int Brand = 100;
    public const int ProductType = 100;
    public const int SeoTitle = 70;
    public const int SeoDescription = 320;
    public const int OptionName = 50;
    public const int OptionValue = 100;
    public const int OptionsPerProduct = 3;
    public const int ValuesPerOption = 100;
    public const int VariantsPerProduct = 100;
    public const int CategoriesPerProduct = 10;
    public const int MaxWeightGrams = 10_000_000;

    /// <summary>How many products one bulk action may name.</summary>
    public const int BulkProducts = 250;

    /// <summary>Deeper trees are refused, and reads stop here even if stored data says otherwise.</summary>
    public const int CategoryDepth = 10;
}

/// <summary>A product input that passed every rule, normalised: trimmed text, sanitised description, resolved options and status.</summary>
public sealed record ValidProduct(
    string Slug,
    string Name,
    string Description,
    string? Brand,
    string? ProductType,
    IReadOnlyList<string> Tags,
    ProductStatus Status,
    DateTimeOffset? PublishAt,
    DateTimeOffset? UnpublishAt,
    string? SeoTitle,
    string? SeoDescription,
    string? PrimaryCategorySlug,
    IReadOnlyList<string> CategorySlugs,
    IReadOnlyList<ProductOption> Options,
    IReadOnlyList<ValidVariant> Variants);

public sealed record ValidVariant(
    string Sku, string Title, string? Barcode, IReadOnlyList<OptionValue> Options, long PriceAmount, long? CompareAtPriceAmount,
    long? CostAmount, string Currency, int? WeightGrams);
