using UnifiedCommerce.Catalog.Application;
using UnifiedCommerce.Catalog.Domain;
using UnifiedCommerce.ServiceDefaults.Http;
using Xunit;

namespace UnifiedCommerce.Catalog.UnitTests;

/// <summary>The product model's rules: options and the variant matrix, prices, tags, status and schedule, and sanitised descriptions.</summary>
public sealed class ProductModelTests
{
    private static readonly ProductOptionInput Size = new("Size", ["S", "M"]);
    private static readonly ProductOptionInput Colour = new("Colour", ["Red", "Blue"]);

    private static VariantInput Variant(string sku, long price = 2500, long? compareAt = null, long? cost = null, params (string Name, string Value)[] options) =>
        new(sku, sku, options.ToDictionary(o => o.Name, o => o.Value), price, "USD", CompareAtPriceAmount: compareAt, CostAmount: cost);

    private static ProductInput Matrix(params VariantInput[] variants) =>
        new("Tee", "Soft.", null, IsPublished: null, variants, Options: [Size, Colour]);

    private static IDictionary<string, string[]> ErrorsOf(ProductInput input) =>
        Assert.Throws<RequestValidationException>(() => CatalogRules.ValidateProduct("tee", input)).Errors;

    [Fact]
    public void A_full_matrix_of_two_options_is_valid_and_keeps_the_option_order()
    {
        var valid = CatalogRules.ValidateProduct("tee", Matrix(
            Variant("S-R", options: [("Colour", "Red"), ("Size", "S")]),
            Variant("S-B", options: [("Size", "S"), ("Colour", "Blue")]),
            Variant("M-R", options: [("Size", "M"), ("Colour", "Red")]),
            Variant("M-B", options: [("Size", "M"), ("Colour", "Blue")])));

        Assert.Equal(["Size", "Colour"], valid.Options.Select(o => o.Name));
        Assert.Equal([new OptionValue("Size", "S"), new OptionValue("Colour", "Red")], valid.Variants[0].Options);
    }

    [Fact]
    public void Two_variants_with_the_same_option_values_are_refused_naming_the_second()
    {
        var errors = ErrorsOf(Matrix(
            Variant("A", options: [("Size", "S"), ("Colour", "Red")]),
            Variant("B", options: [("Size", "S"), ("Colour", "Red")])));

        Assert.Contains("variants[0]", errors["variants[1].options"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_variant_missing_a_value_for_an_option_is_refused() =>
        Assert.Contains("variants[0].options.Colour", ErrorsOf(Matrix(Variant("A", options: [("Size", "S")]))).Keys);

    [Fact]
    public void A_value_not_among_the_options_values_is_refused() =>
        Assert.Contains("Green", ErrorsOf(Matrix(Variant("A", options: [("Size", "S"), ("Colour", "Green")])))["variants[0].options.Colour"][0], StringComparison.Ordinal);

    [Fact]
    public void A_value_for_an_option_the_product_lacks_is_refused() =>
        Assert.Contains("variants[0].options.Fit", ErrorsOf(Matrix(Variant("A", options: [("Size", "S"), ("Colour", "Red"), ("Fit", "Slim")]))).Keys);

    [Fact]
    public void A_product_has_at_most_three_options_each_named_once_with_distinct_values()
    {
        var four = new ProductInput("Tee", null, null, null, [Variant("A")], Options: [Size, Colour, new("Fit", ["Slim"]), new("Sleeve", ["Long"])]);
        Assert.Contains("options", ErrorsOf(four).Keys);
        var twice = new ProductInput("Tee", null, null, null, [Variant("A", options: [("Size", "S")])], Options: [Size, new("size", ["S"])]);
        Assert.Contains("options[1].name", ErrorsOf(twice).Keys);
        var repeated = new ProductInput("Tee", null, null, null, [Variant("A", options: [("Size", "S")])], Options: [new("Size", ["S", "s"])]);
        Assert.Contains("options[0].values[1]", ErrorsOf(repeated).Keys);
    }

    [Fact]
    public void Without_product_options_the_variants_options_are_taken_in_order_of_appearance()
    {
        var valid = CatalogRules.ValidateProduct("tee", new ProductInput("Tee", null, null, true,
            [Variant("A", options: [("Size", "M")]), Variant("B", options: [("Size", "S")])]));

        Assert.Equal("Size", Assert.Single(valid.Options).Name);
        Assert.Equal(["M", "S"], valid.Options[0].Values);
    }

    [Fact]
    public void Two_variants_without_options_are_the_same_variant() =>
        Assert.Contains("variants[1].options", ErrorsOf(new ProductInput("Tee", null, null, true, [Variant("A"), Variant("B")])).Keys);

    [Fact]
    public void Each_sku_appears_once_in_a_product_and_the_repeat_is_named() =>
        Assert.Contains("variants[0]", ErrorsOf(Matrix(
            Variant("SAME", options: [("Size", "S"), ("Colour", "Red")]),
            Variant("SAME", options: [("Size", "M"), ("Colour", "Red")])))["variants[1].sku"][0], StringComparison.Ordinal);

    [Fact]
    public void A_compare_at_price_is_not_below_the_price()
    {
        Assert.Contains("variants[0].compareAtPriceAmount", ErrorsOf(Matrix(Variant("A", price: 2500, compareAt: 2000, options: [("Size", "S"), ("Colour", "Red")]))).Keys);
        CatalogRules.ValidateProduct("tee", Matrix(Variant("A", price: 2500, compareAt: 2500, options: [("Size", "S"), ("Colour", "Red")])));
    }

    [Fact]
    public void Prices_and_costs_are_never_negative()
    {
        var errors = ErrorsOf(Matrix(Variant("A", price: -1, cost: -1, options: [("Size", "S"), ("Colour", "Red")])));
        Assert.Contains("variants[0].priceAmount", errors.Keys);
        Assert.Contains("variants[0].costAmount", errors.Keys);
    }

    [Fact]
    public void Tags_are_trimmed_lower_cased_collapsed_and_kept_once()
    {
        var valid = CatalogRules.ValidateProduct("tee", new ProductInput("Tee", null, null, true, [Variant("A")], Tags: ["  Summer  Sale ", "summer sale", "NEW"]));

        Assert.Equal(["summer sale", "new"], valid.Tags);
    }

    [Fact]
    public void Tags_are_bounded_in_count_and_length()
    {
        var many = Enumerable.Range(0, ProductTags.MaxCount + 1).Select(i => $"tag {i}").ToList();
        Assert.Contains("tags", ErrorsOf(new ProductInput("Tee", null, null, true, [Variant("A")], Tags: many)).Keys);
        Assert.Contains("tags[0]", ErrorsOf(new ProductInput("Tee", null, null, true, [Variant("A")], Tags: [new string('x', ProductTags.MaxLength + 1)])).Keys);
        Assert.Contains("tags[0]", ErrorsOf(new ProductInput("Tee", null, null, true, [Variant("A")], Tags: ["   "])).Keys);
    }

    [Theory]
    [InlineData(null, true, ProductStatus.Active)]
    [InlineData(null, false, ProductStatus.Draft)]
    [InlineData(null, null, ProductStatus.Draft)]
    [InlineData("archived", true, ProductStatus.Archived)]
    [InlineData("ACTIVE", false, ProductStatus.Active)]
    public void The_status_is_given_or_follows_the_older_published_flag(string? status, bool? isPublished, ProductStatus expected) =>
        Assert.Equal(expected, CatalogRules.ValidateProduct("tee", new ProductInput("Tee", null, null, isPublished, [Variant("A")], Status: status)).Status);

    [Theory]
    [InlineData("live")]
    [InlineData("1")]
    [InlineData("")]
    public void An_unknown_status_is_refused(string status) =>
        Assert.Contains("status", ErrorsOf(new ProductInput("Tee", null, null, true, [Variant("A")], Status: status)).Keys);

    [Fact]
    public void A_product_is_unpublished_after_it_is_published()
    {
        var at = DateTimeOffset.Parse("2030-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("unpublishAt", ErrorsOf(new ProductInput("Tee", null, null, true, [Variant("A")], PublishAt: at, UnpublishAt: at)).Keys);
    }

    [Fact]
    public void Shoppers_see_an_active_product_only_inside_its_window()
    {
        var now = DateTimeOffset.Parse("2030-06-01T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var product = new Product { Slug = "tee", Name = "Tee", Status = ProductStatus.Active, PublishAt = now.AddHours(1), UnpublishAt = now.AddHours(2) };

        Assert.False(product.IsPublishedAt(now));
        Assert.True(product.IsPublishedAt(now.AddHours(1)));
        Assert.False(product.IsPublishedAt(now.AddHours(2)));
        product.Status = ProductStatus.Draft;
        Assert.False(product.IsPublishedAt(now.AddHours(1.5)));
        Assert.True(new Product { Slug = "a", Name = "A", Status = ProductStatus.Active }.IsPublishedAt(now));
    }

    [Fact]
    public void Seo_text_is_bounded()
    {
        var errors = ErrorsOf(new ProductInput("Tee", null, null, true, [Variant("A")],
            SeoTitle: new string('t', CatalogLimits.SeoTitle + 1), SeoDescription: new string('d', CatalogLimits.SeoDescription + 1)));
        Assert.Contains("seoTitle", errors.Keys);
        Assert.Contains("seoDescription", errors.Keys);
    }

    [Theory]
    [InlineData("<p>Hi<script>alert(1)</script></p>", "<p>Hi</p>")]
    [InlineData("<p onclick=\"steal()\">Hi</p>", "<p>Hi</p>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "<a>x</a>")]
    [InlineData("<img src=x onerror=alert(1)>ok", "ok")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>ok", "ok")]
    [InlineData("<p style=\"background:url(javascript:alert(1))\">Hi</p>", "<p>Hi</p>")]
    public void A_description_loses_scripts_event_handlers_and_script_urls(string html, string expected) =>
        Assert.Equal(expected, ProductDescription.Sanitize(html));

    [Fact]
    public void A_description_keeps_formatting_lists_and_plain_links()
    {
        const string html = "<h2>Care</h2><p><strong>Wash</strong> <em>cold</em>.</p><ul><li>Cotton</li></ul>";
        Assert.Equal(html, ProductDescription.Sanitize(html));
        Assert.Equal("<a href=\"https://example.com/size\" rel=\"noopener noreferrer nofollow\">Sizes</a>",
            ProductDescription.Sanitize("<a href=\"https://example.com/size\" target=\"_blank\">Sizes</a>"));
    }

    [Fact]
    public void The_description_is_stored_sanitised() =>
        Assert.Equal("<p>Soft</p>", CatalogRules.ValidateProduct("tee", new ProductInput("Tee", "<p>Soft<script>x()</script></p>", null, true, [Variant("A")])).Description);
}
