using UnifiedCommerce.Catalog.Application;
using UnifiedCommerce.Catalog.Domain;
using UnifiedCommerce.ServiceDefaults.Http;
using Xunit;

namespace UnifiedCommerce.Catalog.UnitTests;

public sealed class ProductRulesTests
{
    private static VariantInput Variant(string sku = "TEE-S", long price = 2500, string currency = "USD", Dictionary<string, string>? options = null) =>
        new(sku, "Small", options ?? new Dictionary<string, string> { ["Size"] = "S" }, price, currency);

    private static ProductInput Product(params VariantInput[] variants) =>
        new("Trail tee", "Soft merino.", "tops", IsPublished: true, variants.Length == 0 ? [Variant()] : variants);

    private static IDictionary<string, string[]> ErrorsOf(string slug, ProductInput input) =>
        Assert.Throws<RequestValidationException>(() => CatalogRules.ValidateProduct(slug, input)).Errors;

    [Fact]
    public void A_complete_product_is_valid() =>
        CatalogRules.ValidateProduct("trail-tee", Product(Variant("TEE-S"), Variant("TEE-M", options: new() { ["Size"] = "M" })));

    [Theory]
    [InlineData("")]
    [InlineData("Trail-Tee")]
    [InlineData("trail--tee")]
    [InlineData("-trail")]
    [InlineData("trail tee")]
    [InlineData("trail/tee")]
    public void A_slug_is_lower_case_letters_digits_and_single_hyphens(string slug) =>
        Assert.Contains("slug", ErrorsOf(slug, Product()).Keys);

    [Fact]
    public void A_slug_has_at_most_120_characters()
    {
        CatalogRules.ValidateProduct(new string('a', 120), Product());
        Assert.Contains("slug", ErrorsOf(new string('a', 121), Product()).Keys);
    }

    [Fact]
    public void A_product_has_between_one_and_a_hundred_variants()
    {
        Assert.Contains("variants", ErrorsOf("tee", Product() with { Variants = [] }).Keys);
        var tooMany = Enumerable.Range(0, CatalogLimits.VariantsPerProduct + 1).Select(i => Variant($"SKU-{i}")).ToArray();
        Assert.Contains("variants", ErrorsOf("tee", Product(tooMany)).Keys);
    }

    [Fact]
    public void Each_variant_has_its_own_sku() =>
        Assert.Equal(["Each variant needs its own SKU."], ErrorsOf("tee", Product(Variant("TEE"), Variant("TEE", options: new() { ["Size"] = "M" })))["variants"]);

    [Fact]
    public void All_variants_are_priced_in_one_currency() =>
        Assert.Contains("variants", ErrorsOf("tee", Product(Variant("A", currency: "USD"), Variant("B", currency: "EUR"))).Keys);

    [Theory]
    [InlineData(-1)]
    [InlineData(Money.MaxAmount + 1)]
    [InlineData(long.MaxValue)]
    public void A_price_is_between_zero_and_the_money_limit(long price) =>
        Assert.Contains("variants[0].priceAmount", ErrorsOf("tee", Product(Variant(price: price))).Keys);

    [Fact]
    public void The_largest_and_smallest_prices_pass()
    {
        CatalogRules.ValidateProduct("tee", Product(Variant(price: 0)));
        CatalogRules.ValidateProduct("tee", Product(Variant(price: Money.MaxAmount)));
    }

    [Theory]
    [InlineData("usd")]
    [InlineData("XXX")]
    [InlineData("DOLLARS")]
    public void A_currency_is_an_iso_4217_code_in_capitals(string currency) =>
        Assert.Contains("variants[0].currency", ErrorsOf("tee", Product(Variant(currency: currency))).Keys);

    [Fact]
    public void A_variant_has_at_most_three_options()
    {
        var options = new Dictionary<string, string> { ["Size"] = "S", ["Colour"] = "Red", ["Fit"] = "Slim", ["Sleeve"] = "Long" };
        Assert.Contains("variants[0].options", ErrorsOf("tee", Product(Variant(options: options))).Keys);
    }

    [Fact]
    public void An_option_needs_a_value() =>
        Assert.Contains("variants[0].options.Size", ErrorsOf("tee", Product(Variant(options: new() { ["Size"] = null! }))).Keys);

    [Fact]
    public void An_option_value_stays_on_one_line() =>
        Assert.Contains("variants[0].options.Size", ErrorsOf("tee", Product(Variant(options: new() { ["Size"] = "S\nM" }))).Keys);

    [Fact]
    public void A_sku_refuses_control_characters() =>
        Assert.Contains("variants[0].sku", ErrorsOf("tee", Product(Variant(sku: "TEE\u0000S"))).Keys);

    [Fact]
    public void Every_problem_is_reported_at_once_under_its_field()
    {
        var errors = ErrorsOf("Bad Slug", new ProductInput(" ", new string('x', CatalogLimits.Description + 1), null, false,
            [Variant(sku: "", price: -5, currency: "usd")]));
        Assert.Superset(new HashSet<string> { "slug", "name", "description", "variants[0].sku", "variants[0].priceAmount", "variants[0].currency" },
            errors.Keys.ToHashSet());
    }

    [Fact]
    public void A_listing_shows_the_lowest_variant_price()
    {
        var product = new Domain.Product { Slug = "tee", Name = "Tee" };
        product.Variants.Add(new ProductVariant { Sku = "M", Title = "M", PriceAmount = 2900, Currency = "USD" });
        product.Variants.Add(new ProductVariant { Sku = "S", Title = "S", PriceAmount = 2500, Currency = "USD" });
        Assert.Equal(new Money(2500, "USD"), product.PriceFrom);
    }
}
