using System.Text.RegularExpressions;
using UnifiedCommerce.Catalog.Domain;
using UnifiedCommerce.ServiceDefaults.Http;

namespace UnifiedCommerce.Catalog.Application;

/// <summary>
/// What makes a product or a category handle valid before anything is looked up or written: slug, name, description and variants with
/// their SKUs, options, prices and currency. Every problem is reported at once, each under its field's name.
/// </summary>
public static partial class CatalogRules
{
    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    public static void ValidateProduct(string slug, ProductInput input)
    {
        var errors = new FieldErrors();
        ValidateSlug(slug, errors);
        errors.RequireText("name", input.Name, CatalogLimits.Name);
        if (input.Description is { Length: > CatalogLimits.Description })
        {
            errors.Add("description", $"At most {CatalogLimits.Description} characters.");
        }

        if (input.CategorySlug is { Length: > CatalogLimits.Slug })
        {
            errors.Add("categorySlug", $"At most {CatalogLimits.Slug} characters.");
        }

        if (input.Variants is null || input.Variants.Count is 0 or > CatalogLimits.VariantsPerProduct)
        {
            errors.Add("variants", $"A product has between 1 and {CatalogLimits.VariantsPerProduct} variants.");
            errors.ThrowIfAny();
            return;
        }

        for (var index = 0; index < input.Variants.Count; index++)
        {
            var prefix = $"variants[{index}]";
            if (input.Variants[index] is not { } variant)
            {
                errors.Add(prefix, "A variant is required here, not null.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(variant.Sku) || variant.Sku.Length > CatalogLimits.Sku)
            {
                errors.Add($"{prefix}.sku", $"A SKU of 1 to {CatalogLimits.Sku} characters is required.");
            }

            errors.SingleLine($"{prefix}.sku", variant.Sku)
                .RequireText($"{prefix}.title", variant.Title, CatalogLimits.Name)
                .RequireCurrency($"{prefix}.currency", variant.Currency);
            ValidateOptions(prefix, variant.Options, errors);
            if (variant.PriceAmount is < 0 or > Money.MaxAmount)
            {
                errors.Add($"{prefix}.priceAmount", $"A price is 0 to {Money.MaxAmountText} minor units.");
            }
        }

        var variants = input.Variants.OfType<VariantInput>().ToList();
        if (variants.Select(v => v.Sku).Distinct(StringComparer.Ordinal).Count() != variants.Count)
        {
            errors.Add("variants", "Each variant needs its own SKU.");
        }

        if (variants.Select(v => v.Currency).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            errors.Add("variants", "All variants of a product are priced in one currency.");
        }

        errors.ThrowIfAny();
    }

    private static void ValidateOptions(string prefix, IReadOnlyDictionary<string, string>? options, FieldErrors errors)
    {
        if (options is null)
        {
            return;
        }

        if (options.Count > CatalogLimits.OptionsPerVariant)
        {
            errors.Add($"{prefix}.options", $"A variant has at most {CatalogLimits.OptionsPerVariant} options.");
        }

        foreach (var (name, value) in options)
        {
            var field = $"{prefix}.options.{name}";
            if (string.IsNullOrWhiteSpace(name) || name.Length > CatalogLimits.OptionName)
            {
                errors.Add($"{prefix}.options", $"Option names have 1 to {CatalogLimits.OptionName} characters.");
            }
            else if (value is null)
            {
                errors.Add(field, "An option needs a value; leave the option out instead.");
            }
            else
            {
                errors.RequireText(field, value, CatalogLimits.OptionValue).SingleLine($"{prefix}.options", name);
            }
        }
    }

    public static void ValidateSlug(string slug, FieldErrors errors)
    {
        if (string.IsNullOrEmpty(slug) || slug.Length > 120 || !SlugPattern().IsMatch(slug))
        {
            errors.Add("slug", "Use 1 to 120 lower-case letters, digits and single hyphens.");
        }
    }
}
