using UnifiedCommerce.Inventory.Application;
using UnifiedCommerce.Inventory.Domain;
using Xunit;

namespace UnifiedCommerce.Inventory.UnitTests;

public sealed class AvailabilityTests
{
    [Theory]
    [InlineData(10, 0, 10)]
    [InlineData(10, 4, 6)]
    [InlineData(10, 10, 0)]
    public void Available_is_on_hand_less_reserved(int onHand, int reserved, int available) =>
        Assert.Equal(available, new StockItem { OnHand = onHand, Reserved = reserved }.Available);

    [Fact]
    public void Available_never_goes_below_zero_even_if_stored_rows_disagree() =>
        Assert.Equal(0, new StockItem { OnHand = 2, Reserved = 5 }.Available);

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(250, true)]
    public void A_variant_is_in_stock_when_something_is_available(int available, bool inStock)
    {
        var availability = Availability.Of(available);
        Assert.Equal(inStock, availability.InStock);
        Assert.Equal(available, availability.QuantityAvailable);
    }

    [Fact]
    public void An_unknown_variant_has_nothing_available() => Assert.Equal(new Availability(false, 0), Availability.None);
}
