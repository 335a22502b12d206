using System.Text.RegularExpressions;
using UnifiedCommerce.Catalog.Domain;
using UnifiedCommerce.ServiceDefaults.Http;

namespace UnifiedCommerce.Catalog.Application;

/// <summary>
/// What makes a product or a category handle valid before anything is looked up or written: slug, text fields, tags,
/// status and schedule, options and the variant matrix with SKUs, prices and currency. Every problem is reported at
/// once, each under its field's name.
/// </summary>
public static partial class CatalogRules
{
    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    public static ValidProduct ValidateProduct(string slug, ProductInput input)
    {
        var errors = new FieldErrors();
        ValidateSlug(slug, errors);
        errors.RequireText("name", input.Name, CatalogLimits.Name);
        if (input.Description is { Length: > CatalogLimits.Description })
        {
            errors.Add("description", $"At most {CatalogLimits.Description} characters.");
        }

        var brand = OptionalLine("brand", input.Brand, CatalogLimits.Brand, errors);
        var productType = OptionalLine("productType", input.ProductType, CatalogLimits.ProductType, errors);
        var seoTitle = OptionalLine("seoTitle", input.SeoTitle, CatalogLimits.SeoTitle, errors);
        var seoDescription = OptionalLine("seoDescription", input.SeoDescription, CatalogLimits.SeoDescription, errors);
        var tags = ValidateTags("tags", input.Tags, errors);
        var status = ValidateStatus(input, errors);
        var categorySlugs = ValidateCategories(input, errors);

        if (input.Variants is null || input.Variants.Count is 0 or > CatalogLimits.VariantsPerProduct)
        {
            errors.Add("variants", $"A product has between 1 and {CatalogLimits.VariantsPerProduct} variants.");
            errors.ThrowIfAny();
            return null!;
        }

        for (var index = 0; index < input.Variants.Count; index++)
        {
            ValidateVariant($"variants[{index}]", input.Variants[index], errors);
        }

        var options = ValidateOptions(input, errors);
        ValidateMatrix(input.Variants, options, errors);
        errors.ThrowIfAny();

        return new ValidProduct(
            slug,
            input.Name.Trim(),
            ProductDescription.Sanitize(input.Description),
            brand,
            productType,
            tags,
            status,
            input.PublishAt,
            input.UnpublishAt,
            seoTitle,
            seoDescription,
            categorySlugs.FirstOrDefault(),
            categorySlugs,
            options,
            input.Variants.Select(variant => new ValidVariant(
                variant.Sku,
                variant.Title.Trim(),
                string.IsNullOrWhiteSpace(variant.Barcode) ? null : variant.Barcode.Trim(),
                OrderedValues(variant, options),
                variant.PriceAmount,
                variant.CompareAtPriceAmount,
                variant.CostAmount,
                variant.Currency,
                variant.WeightGrams)).ToList());
    }

    private static void ValidateVariant(string prefix, VariantInput? variant, FieldErrors errors)
    {
        if (variant is null)
        {
            errors.Add(prefix, "A variant is required here, not null.");
            return;
        }

        if (string.IsNullOrWhiteSpace(variant.Sku) || variant.Sku.Length > CatalogLimits.Sku)
        {
            errors.Add($"{prefix}.sku", $"A SKU of 1 to {CatalogLimits.Sku} characters is required.");
        }

        errors.SingleLine($"{prefix}.sku", variant.Sku)
            .RequireText($"{prefix}.title", variant.Title, CatalogLimits.Name)
            .RequireCurrency($"{prefix}.currency", variant.Currency);
        OptionalLine($"{prefix}.barcode", variant.Barcode, CatalogLimits.Barcode, errors);
        ValidateOptionValues(prefix, variant.Options, errors);
        if (variant.PriceAmount is < 0 or > Money.MaxAmount)
        {
            errors.Add($"{prefix}.priceAmount", $"A price is 0 to {Money.MaxAmountText} minor units.");
        }

        if (variant.CompareAtPriceAmount is { } compareAt)
        {
            if (compareAt is < 0 or > Money.MaxAmount)
            {
                errors.Add($"{prefix}.compareAtPriceAmount", $"A compare-at price is 0 to {Money.MaxAmountText} minor units.");
            }
            else if (compareAt < variant.PriceAmount)
            {
                errors.Add($"{prefix}.compareAtPriceAmount", "The compare-at price is what the variant cost before: it cannot be below the price.");
            }
        }

        if (variant.CostAmount is < 0 or > Money.MaxAmount)
        {
            errors.Add($"{prefix}.costAmount", $"A cost is 0 to {Money.MaxAmountText} minor units.");
        }

        if (variant.WeightGrams is < 0 or > CatalogLimits.MaxWeightGrams)
        {
            errors.Add($"{prefix}.weightGrams", $"A weight is 0 to {CatalogLimits.MaxWeightGrams:N0} grams.");
        }
    }

    /// <summary>
    /// The product's options: as given, or (for clients that predate product options) the names the variants use, in
    /// order of appearance, each with the values the variants use.
    /// </summary>
    private static List<ProductOption> ValidateOptions(ProductInput input, FieldErrors errors)
    {
        if (input.Options is null)
        {
            var derived = new List<ProductOption>();
            foreach (var (name, value) in input.Variants.OfType<VariantInput>().SelectMany(v => v.Options ?? new Dictionary<string, string>()))
            {
                if (string.IsNullOrWhiteSpace(name) || value is null)
                {
                    continue; // Reported against the variant already.
                }

                var option = derived.FirstOrDefault(o => string.Equals(o.Name, name.Trim(), StringComparison.Ordinal));
                if (option is null)
                {
                    derived.Add(option = new ProductOption { Name = name.Trim() });
                }

                if (!option.Values.Contains(value.Trim(), StringComparer.Ordinal))
                {
                    option.Values.Add(value.Trim());
                }
            }

            if (derived.Count > CatalogLimits.OptionsPerProduct)
            {
                errors.Add("options", $"A product has at most {CatalogLimits.OptionsPerProduct} options; its variants name {derived.Count}.");
            }

            return derived;
        }

        if (input.Options.Count > CatalogLimits.OptionsPerProduct)
        {
            errors.Add("options", $"A product has at most {CatalogLimits.OptionsPerProduct} options.");
            return [];
        }

        var options = new List<ProductOption>();
        for (var index = 0; index < input.Options.Count; index++)
        {
            var prefix = $"options[{index}]";
            if (input.Options[index] is not { } option)
            {
                errors.Add(prefix, "An option is required here, not null.");
                continue;
            }

            errors.RequireText($"{prefix}.name", option.Name, CatalogLimits.OptionName);
            if (options.Any(o => string.Equals(o.Name, option.Name?.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add($"{prefix}.name", $"The product has an option '{option.Name?.Trim()}' already.");
            }

            if (option.Values is null || option.Values.Count is 0 or > CatalogLimits.ValuesPerOption)
            {
                errors.Add($"{prefix}.values", $"An option has 1 to {CatalogLimits.ValuesPerOption} values.");
                continue;
            }

            var values = new List<string>();
            for (var v = 0; v < option.Values.Count; v++)
            {
                var field = $"{prefix}.values[{v}]";
                errors.RequireText(field, option.Values[v], CatalogLimits.OptionValue);
                var value = option.Values[v]?.Trim() ?? "";
                if (values.Contains(value, StringComparer.OrdinalIgnoreCase))
                {
                    errors.Add(field, $"'{value}' is listed twice.");
                }

                values.Add(value);
            }

            options.Add(new ProductOption { Name = option.Name?.Trim() ?? "", Values = values });
        }

        return options;
    }

    /// <summary>Each variant has exactly one value for each option, from that option's values, and no two variants share a combination.</summary>
    private static void ValidateMatrix(IReadOnlyList<VariantInput> variants, List<ProductOption> options, FieldErrors errors)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < variants.Count; index++)
        {
            if (variants[index] is not { } variant)
            {
                continue;
            }

            var prefix = $"variants[{index}]";
            var chosen = (variant.Options ?? new Dictionary<string, string>())
                .Where(pair => !string.IsNullOrWhiteSpace(pair.Key) && pair.Value is not null)
                .ToDictionary(pair => pair.Key.Trim(), pair => pair.Value.Trim(), StringComparer.Ordinal);
            var complete = true;
            foreach (var option in options)
            {
                if (!chosen.TryGetValue(option.Name, out var value))
                {
                    errors.Add($"{prefix}.options.{option.Name}", $"Every variant needs a value for {option.Name}.");
                    complete = false;
                }
                else if (!option.Values.Contains(value, StringComparer.Ordinal))
                {
                    errors.Add($"{prefix}.options.{option.Name}", $"'{value}' is not one of {option.Name}'s values ({string.Join(", ", option.Values)}).");
                    complete = false;
                }
            }

            foreach (var name in chosen.Keys.Where(name => !options.Any(o => o.Name == name)))
            {
                errors.Add($"{prefix}.options.{name}", $"The product has no option '{name}'.");
                complete = false;
            }

            if (!complete)
            {
                continue;
            }

            var combination = string.Join("\u001f", options.Select(option => chosen[option.Name]));
            if (seen.TryGetValue(combination, out var first))
            {
                errors.Add($"{prefix}.options", $"variants[{first}] has the same option values; each variant needs its own combination.");
            }
            else
            {
                seen[combination] = index;
            }
        }

        var present = variants.OfType<VariantInput>().ToList();
        var firstWithSku = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < variants.Count; index++)
        {
            if (variants[index]?.Sku is { } sku && !firstWithSku.TryAdd(sku, index))
            {
                errors.Add("variants", "Each variant needs its own SKU.");
                errors.Add($"variants[{index}].sku", $"variants[{firstWithSku[sku]}] has this SKU already.");
            }
        }

        if (present.Select(v => v.Currency).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            errors.Add("variants", "All variants of a product are priced in one currency.");
        }
    }

    /// <summary>The variant's values in the order of the product's options.</summary>
    private static List<OptionValue> OrderedValues(VariantInput variant, IReadOnlyList<ProductOption> options)
    {
        var chosen = (variant.Options ?? new Dictionary<string, string>()).ToDictionary(pair => pair.Key.Trim(), pair => pair.Value.Trim(), StringComparer.Ordinal);
        return options.Select(option => new OptionValue(option.Name, chosen[option.Name])).ToList();
    }

    private static void ValidateOptionValues(string prefix, IReadOnlyDictionary<string, string>? options, FieldErrors errors)
    {
        if (options is null)
        {
            return;
        }

        if (options.Count > CatalogLimits.OptionsPerProduct)
        {
            errors.Add($"{prefix}.options", $"A variant has at most {CatalogLimits.OptionsPerProduct} options.");
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

    public static List<string> ValidateTags(string field, IReadOnlyList<string>? tags, FieldErrors errors)
    {
        if (tags is null)
        {
            return [];
        }

        for (var index = 0; index < tags.Count; index++)
        {
            if (tags[index] is null || ProductTags.Normalise(tags[index]) is { Length: 0 or > ProductTags.MaxLength })
            {
                errors.Add($"{field}[{index}]", $"A tag has 1 to {ProductTags.MaxLength} characters.");
            }
            else
            {
                errors.SingleLine($"{field}[{index}]", tags[index]);
            }
        }

        var normalised = ProductTags.Normalise(tags.OfType<string>());
        if (normalised.Count > ProductTags.MaxCount)
        {
            errors.Add(field, $"A product has at most {ProductTags.MaxCount} tags.");
        }

        return normalised;
    }

    private static ProductStatus ValidateStatus(ProductInput input, FieldErrors errors)
    {
        if (input.PublishAt is { } publishAt && input.UnpublishAt is { } unpublishAt && unpublishAt <= publishAt)
        {
            errors.Add("unpublishAt", "The product must be unpublished after it is published.");
        }

        if (input.Status is null)
        {
            return input.IsPublished == true ? ProductStatus.Active : ProductStatus.Draft;
        }

        if (!TryParseStatus(input.Status, out var status))
        {
            errors.Add("status", "Use draft, active or archived.");
        }

        return status;
    }

    public static bool TryParseStatus(string? text, out ProductStatus status)
    {
        status = ProductStatus.Draft;
        return text is not null && Enum.TryParse(text, ignoreCase: true, out status) && Enum.IsDefined(status) && !text.Any(char.IsDigit);
    }

    private static List<string> ValidateCategories(ProductInput input, FieldErrors errors)
    {
        var slugs = new List<string>();
        if (input.CategorySlug is { Length: > CatalogLimits.Slug })
        {
            errors.Add("categorySlug", $"At most {CatalogLimits.Slug} characters.");
        }
        else if (!string.IsNullOrEmpty(input.CategorySlug))
        {
            slugs.Add(input.CategorySlug);
        }

        if (input.CategorySlugs is null)
        {
            return slugs;
        }

        if (input.CategorySlugs.Count > CatalogLimits.CategoriesPerProduct)
        {
            errors.Add("categorySlugs", $"A product is in at most {CatalogLimits.CategoriesPerProduct} categories.");
        }

        for (var index = 0; index < input.CategorySlugs.Count; index++)
        {
            var slug = input.CategorySlugs[index];
            if (string.IsNullOrEmpty(slug) || slug.Length > CatalogLimits.Slug)
            {
                errors.Add($"categorySlugs[{index}]", $"A category slug of 1 to {CatalogLimits.Slug} characters.");
            }
            else if (!slugs.Contains(slug, StringComparer.Ordinal))
            {
                slugs.Add(slug);
            }
        }

        return slugs;
    }

    /// <summary>Optional single-line text: trimmed, empty as none.</summary>
    private static string? OptionalLine(string field, string? value, int maxLength, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (value.Trim().Length > maxLength)
        {
            errors.Add(field, $"At most {maxLength} characters.");
        }

        errors.SingleLine(field, value);
        return value.Trim();
    }

    /// <summary>A slug made from a name: lower-case letters and digits, everything else one hyphen (empty when nothing is left).</summary>
    public static string SlugFrom(string text)
    {
        var slug = NotSlug().Replace(text.Normalize(System.Text.NormalizationForm.FormD).ToLowerInvariant(), "-").Trim('-');
        return slug.Length <= CatalogLimits.Slug ? slug : slug[..CatalogLimits.Slug].TrimEnd('-');
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSlug();

    public static void ValidateSlug(string slug, FieldErrors errors)
    {
        if (string.IsNullOrEmpty(slug) || slug.Length > CatalogLimits.Slug || !SlugPattern().IsMatch(slug))
        {
            errors.Add("slug", "Use 1 to 120 lower-case letters, digits and single hyphens.");
        }
    }
}
