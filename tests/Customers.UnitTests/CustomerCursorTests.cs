using UnifiedCommerce.Customers.Application;
using UnifiedCommerce.ServiceDefaults.Http;
using Xunit;

namespace UnifiedCommerce.Customers.UnitTests;

public sealed class CustomerCursorTests
{
    [Fact]
    public void A_cursor_leads_back_to_the_customer_it_was_made_from()
    {
        var id = Guid.CreateVersion7();
        Assert.Equal(id, CustomerProfiles.DecodeCursor(CustomerProfiles.EncodeCursor(id)));
    }

    [Theory]
    [InlineData("not base64 at all")]
    [InlineData("")]
    [InlineData("cDoxMjM=")] // "p:123": another list's prefix and no id
    [InlineData("Yzpub3QtYS1ndWlk")] // "c:not-a-guid"
    public void A_cursor_that_was_not_made_here_is_the_callers_error(string cursor) =>
        Assert.Equal(["after"], Assert.Throws<RequestValidationException>(() => CustomerProfiles.DecodeCursor(cursor)).Errors.Keys);
}
