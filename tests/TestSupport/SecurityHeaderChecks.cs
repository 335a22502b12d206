using Xunit;

namespace UnifiedCommerce.TestSupport;

/// <summary>What every answer of a .NET app must tell browsers, whatever produced it (page, API, 404, error).</summary>
public static class SecurityHeaderChecks
{
    private static readonly string[] ReferrerPolicies = ["strict-origin-when-cross-origin", "no-referrer"];

    public static void AssertSecurityHeaders(HttpResponseMessage response, bool html)
    {
        var what = $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} ({(int)response.StatusCode})";
        Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var sniffing), $"{what} has no X-Content-Type-Options");
        Assert.Equal("nosniff", string.Join(",", sniffing));
        Assert.True(response.Headers.TryGetValues("Referrer-Policy", out var referrer), $"{what} has no Referrer-Policy");
        Assert.Contains(string.Join(",", referrer), ReferrerPolicies);
        Assert.True(response.Headers.TryGetValues("X-Frame-Options", out var framing), $"{what} has no X-Frame-Options");
        Assert.Equal("DENY", string.Join(",", framing));
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var policies), $"{what} has no Content-Security-Policy");
        var policy = string.Join(",", policies);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("default-src", policy, StringComparison.Ordinal);
        if (html)
        {
            Assert.DoesNotContain("script-src 'unsafe-inline'", policy, StringComparison.Ordinal);
        }
    }
}
