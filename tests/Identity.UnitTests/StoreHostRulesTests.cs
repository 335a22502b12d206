using UnifiedCommerce.Identity.Application;
using Xunit;

namespace UnifiedCommerce.Identity.UnitTests;

public sealed class StoreHostRulesTests
{
    [Theory]
    [InlineData("Shop.Example.com", "shop.example.com")]
    [InlineData("shop.example.com:3000", "shop.example.com")]
    [InlineData("shop.example.com.", "shop.example.com")]
    [InlineData(" ", null)]
    [InlineData(null, null)]
    public void A_store_host_is_its_lower_case_name_without_port(string? host, string? normalized) =>
        Assert.Equal(normalized, Merchants.NormalizeHost(host));

    [Fact]
    public void A_registered_host_keeps_its_port()
    {
        Assert.Equal(("localhost", (int?)3000), Merchants.ParseHost("localhost:3000"));
        Assert.Equal(("shop.example.com", (int?)null), Merchants.ParseHost("Shop.Example.com"));
    }

    [Theory]
    [InlineData("localhost:0")]
    [InlineData("localhost:65536")]
    [InlineData("localhost:99999999999")]
    public void A_port_outside_1_to_65535_is_refused(string host) => Assert.Null(Merchants.ParseHost(host));
}
