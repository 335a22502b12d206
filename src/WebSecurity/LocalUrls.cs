using System.Diagnostics.CodeAnalysis;

namespace UnifiedCommerce.WebSecurity;

/// <summary>
/// Where a page may send the browser after it is done (a return URL): a path of this site, never another site.
/// The rule is the framework's local-URL check (as <c>Results.LocalRedirect</c> applies it): "/" or "/path", not
/// "//host" or "/\host" (browsers read both as another host), not an absolute URL, and no control characters
/// anywhere (browsers drop a tab or a line break, so "/\t/evil.example" would become "//evil.example").
/// </summary>
public static class LocalUrls
{
    /// <summary>Longer return URLs are refused rather than carried from page to page.</summary>
    public const int MaxLength = 4000;

    public static bool IsLocal([NotNullWhen(true)] string? url)
    {
        if (url is not { Length: > 0 and <= MaxLength } || url[0] != '/')
        {
            return false;
        }

        if (url.Length > 1 && (url[1] == '/' || url[1] == '\\'))
        {
            return false;
        }

        foreach (var character in url)
        {
            if (char.IsControl(character))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The URL when it is local, else the fallback (a path of this site).</summary>
    public static string LocalOr(string? url, string fallback) => IsLocal(url) ? url : fallback;
}
