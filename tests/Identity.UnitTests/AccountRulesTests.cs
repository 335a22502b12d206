using UnifiedCommerce.Identity.Application;
using Xunit;

namespace UnifiedCommerce.Identity.UnitTests;

public sealed class AccountRulesTests
{
    [Theory]
    [InlineData("jamie@example.com", "jamie@example.com")]
    [InlineData("  jamie@example.com ", "jamie@example.com")]
    [InlineData("jamie@localhost", null)]
    [InlineData("Jamie <jamie@example.com>", null)]
    [InlineData("not an address", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void An_email_address_is_one_plain_address_with_a_domain(string? input, string? accepted) =>
        Assert.Equal(accepted, Accounts.ValidEmail(input));

    [Fact]
    public void An_email_address_has_at_most_254_characters()
    {
        var local = new string('a', 64);
        var longest = $"{local}@{new string('b', 254 - 64 - 1 - 4)}.com";
        Assert.Equal(254, longest.Length);
        Assert.Equal(longest, Accounts.ValidEmail(longest));
        Assert.Null(Accounts.ValidEmail("c" + longest));
    }

    [Fact]
    public void The_same_address_in_other_capitals_is_the_same_account() =>
        Assert.Equal(Accounts.Normalize("Jamie@Example.com "), Accounts.Normalize("jamie@example.COM"));

    [Theory]
    [InlineData(null)]
    [InlineData("short")]
    [InlineData("123456789")]
    public void A_password_has_at_least_ten_characters(string? password) =>
        Assert.NotNull(Accounts.PasswordProblem(password, "jamie@example.com"));

    [Fact]
    public void A_password_has_at_most_128_characters()
    {
        Assert.Null(Accounts.PasswordProblem(new string('x', 128), "jamie@example.com"));
        Assert.NotNull(Accounts.PasswordProblem(new string('x', 129), "jamie@example.com"));
    }

    [Fact]
    public void A_password_may_not_contain_the_name_of_the_address() =>
        Assert.NotNull(Accounts.PasswordProblem("my-JAMIE-password", "jamie@example.com"));

    [Fact]
    public void A_good_password_passes() => Assert.Null(Accounts.PasswordProblem("correct horse battery", "jamie@example.com"));
}
