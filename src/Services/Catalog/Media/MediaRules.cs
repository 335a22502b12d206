namespace UnifiedCommerce.Catalog.Media;

/// <summary>What the catalog accepts as a product image and the sizes it serves them in.</summary>
public static class MediaRules
{
    public const int MaxAltLength = 512;

    /// <summary>The largest upload: 10 MiB of image bytes.</summary>
    public const long MaxUploadBytes = 10 * 1024 * 1024;

    /// <summary>The request around the file: its multipart framing and the alt text fit well inside this.</summary>
    public const long MaxRequestBytes = MaxUploadBytes + 64 * 1024;

    /// <summary>
    /// An image's pixels cost memory when decoded (4 bytes each): 40 megapixels are 160 MB, the most one upload may
    /// take; a small file that claims more (a decompression bomb) is refused from its header, before decoding.
    /// </summary>
    public const long MaxPixels = 40_000_000;

    public const int MaxSide = 10_000;

    public const int MaxPerProduct = 50;

    /// <summary>The rendition widths the storefront asks for; any other width is not a rendition.</summary>
    public static readonly IReadOnlyList<int> Widths = [160, 320, 480, 640, 960, 1280, 1600];

    public const int DefaultWidth = 640;

    /// <summary>
    /// The width a rendition is made at: the one asked for, unless the original is narrower, then the largest
    /// rendition width it still fills (never upscaled); an original narrower than every width is served as it is.
    /// </summary>
    public static int ServedWidth(int asked, int originalWidth)
    {
        if (asked <= originalWidth)
        {
            return asked;
        }

        var fitting = Widths.Where(width => width <= originalWidth).ToList();
        return fitting.Count > 0 ? fitting[^1] : originalWidth;
    }
}

/// <summary>The image formats the catalog takes, told apart by their bytes (never by a file name or a declared type).</summary>
public enum ImageFormat
{
    Jpeg,
    Png,
    WebP,
    Gif,
}

/// <summary>The formats renditions are served in.</summary>
public enum RenditionFormat
{
    WebP,
    Jpeg,
}

public static class ImageFormats
{
    /// <summary>The format the leading bytes announce (their magic numbers), or none for anything else.</summary>
    public static ImageFormat? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return ImageFormat.Jpeg;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return ImageFormat.Png;
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return ImageFormat.Gif;
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return ImageFormat.WebP;
        }

        return null;
    }

    public static string Extension(RenditionFormat format) => format == RenditionFormat.WebP ? "webp" : "jpg";

    public static string ContentType(RenditionFormat format) => format == RenditionFormat.WebP ? "image/webp" : "image/jpeg";

    public static bool TryParseExtension(string extension, out RenditionFormat format)
    {
        switch (extension)
        {
            case "webp":
                format = RenditionFormat.WebP;
                return true;
            case "jpg":
                format = RenditionFormat.Jpeg;
                return true;
            default:
                format = default;
                return false;
        }
    }
}

/// <summary>
/// Storage keys. Every key starts with the merchant's id, taken from the request's merchant context when the
/// media is made, so one merchant's files can never be named through another's rows or requests.
/// </summary>
public static class MediaKeys
{
    public static string Original(Guid merchantId, Guid mediaId, string extension) =>
        $"merchants/{merchantId:N}/media/{mediaId:N}/original.{extension}";

    public static string Rendition(Guid merchantId, Guid mediaId, int width, RenditionFormat format) =>
        $"merchants/{merchantId:N}/media/{mediaId:N}/w{width}.{ImageFormats.Extension(format)}";

    /// <summary>Every key a media may have: its original and each rendition, for removing it entirely.</summary>
    public static IEnumerable<string> All(Guid merchantId, Guid mediaId, string originalKey, int originalWidth) =>
        new[] { originalKey }.Concat(
            from width in MediaRules.Widths.Append(originalWidth).Distinct()
            from format in Enum.GetValues<RenditionFormat>()
            select Rendition(merchantId, mediaId, width, format));
}
