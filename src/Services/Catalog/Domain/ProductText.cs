using System.Text.RegularExpressions;
using Ganss.Xss;

namespace UnifiedCommerce.Catalog.Domain;

/// <summary>
/// A product description is rich text written in the admin's editor, shown as HTML on the storefront. It is sanitised
/// on the way in, whatever the client did: formatting, lists, tables and plain links stay; scripts, styles, event
/// handlers, frames, forms and any URL scheme other than http(s) and mailto are removed.
/// </summary>
public static class ProductDescription
{
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string Sanitize(string? html) => string.IsNullOrWhiteSpace(html) ? "" : Sanitizer.Sanitize(html.Trim()).Trim();

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "hr", "strong", "b", "em", "i", "u", "s", "sub", "sup", "small", "mark", "code", "pre", "blockquote",
                "h2", "h3", "h4", "ul", "ol", "li", "a", "span", "table", "thead", "tbody", "tr", "th", "td",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "title", "colspan", "rowspan" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
            AllowedCssProperties = new HashSet<string>(),
            AllowedClasses = new HashSet<string>(),
        });
        // A link in a merchant's text leads off the store: it must not reach back into the page that opened it.
        sanitizer.PostProcessNode += (_, args) =>
        {
            if (args.Node is AngleSharp.Dom.IElement { LocalName: "a" } link && link.HasAttribute("href"))
            {
                link.SetAttribute("rel", "noopener noreferrer nofollow");
            }
        };
        return sanitizer;
    }
}

/// <summary>Tags are matched as merchants mean them: trimmed, lower case, inner spaces collapsed, each once.</summary>
public static partial class ProductTags
{
    public const int MaxCount = 25;
    public const int MaxLength = 40;

    public static string Normalise(string tag) => Spaces().Replace(tag.Trim(), " ").ToLowerInvariant();

    public static List<string> Normalise(IEnumerable<string> tags) =>
        tags.Select(Normalise).Where(tag => tag.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
