using System.Net;
using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Identity.Tests;

/// <summary>The developer mailbox shows reset links: a local development tool, for callers on the same machine only.</summary>
[Collection(SignInCollection.Name)]
public sealed class DevMailboxTests(SignInPlatform platform)
{
    private PlatformIdentity Identity => platform.Identity;

    [Fact]
    public async Task The_mailbox_page_says_it_is_a_local_development_tool()
    {
        var page = await Identity.Process.Http.GetStringAsync("/dev/mailbox");

        Assert.Contains("local development tool", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/dev/mailbox")]
    [InlineData("/dev/mailbox/messages")]
    public async Task A_caller_from_another_machine_finds_no_mailbox(string path)
    {
        // Through a trusted proxy the caller's own address counts, and it is not this machine.
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Forwarded-For", "203.0.113.50");

        using var response = await Identity.Process.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
