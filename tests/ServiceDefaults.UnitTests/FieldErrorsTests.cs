using UnifiedCommerce.ServiceDefaults.Http;
using Xunit;

namespace UnifiedCommerce.ServiceDefaults.UnitTests;

public sealed class FieldErrorsTests
{
    [Fact]
    public void Nothing_wrong_throws_nothing() =>
        new FieldErrors().RequireText("name", "Trail tee", 200).RequireCurrency("currency", "USD").ThrowIfAny();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Required_text_must_have_something_in_it(string? value) =>
        Assert.True(new FieldErrors().RequireText("name", value, 200).Has("name"));

    [Fact]
    public void Required_text_counts_its_length_without_surrounding_spaces()
    {
        Assert.False(new FieldErrors().RequireText("name", "  " + new string('a', 10) + "  ", 10).Has("name"));
        Assert.True(new FieldErrors().RequireText("name", new string('a', 11), 10).Has("name"));
    }

    [Theory]
    [InlineData("usd")]
    [InlineData("US")]
    [InlineData("XXX")]
    [InlineData("XTS")]
    [InlineData(null)]
    public void A_currency_is_an_iso_4217_money_code(string? code) =>
        Assert.True(new FieldErrors().RequireCurrency("currency", code).Has("currency"));

    [Fact]
    public void Every_field_is_reported_together()
    {
        var errors = new FieldErrors().RequireText("name", "", 10).SingleLine("sku", "A\nB").RequireCurrency("currency", "usd");
        var thrown = Assert.Throws<RequestValidationException>(errors.ThrowIfAny);
        Assert.Equal(["currency", "name", "sku"], thrown.Errors.Keys.Order(StringComparer.Ordinal));
    }
}
