using SkiaSharp;

namespace UnifiedCommerce.Catalog.Media;

/// <summary>Why an upload is not taken: the HTTP status it answers with (413, 415 or 422) and what to tell the client.</summary>
public sealed class ImageRefusedException(int status, string title, string detail) : Exception(detail)
{
    public int Status { get; } = status;
    public string Title { get; } = title;
}

/// <summary>An image as the catalog keeps it: re-encoded without its metadata (EXIF, GPS, comments), upright.</summary>
public sealed record StoredImage(byte[] Bytes, string ContentType, string Extension, int Width, int Height);

/// <summary>
/// Decoding and encoding with SkiaSharp. An upload's size is read from its header first, and an image claiming more
/// than <see cref="MediaRules.MaxPixels"/> or <see cref="MediaRules.MaxSide"/> is refused before any pixel is decoded;
/// decoding (uploads and renditions alike) runs two at a time, so a burst of requests cannot take all the memory.
/// </summary>
public static class MediaImages
{
    private static readonly SemaphoreSlim Renderers = new(2, 2);
    private static readonly SKSamplingOptions HighQuality = new(SKCubicResampler.Mitchell);

    /// <summary>For draws that move whole pixels (a turn, a copy onto a background): each pixel as it is.</summary>
    private static readonly SKSamplingOptions PixelExact = new(SKFilterMode.Nearest);

    public static async Task<StoredImage> NormaliseAsync(byte[] upload, CancellationToken cancellationToken)
    {
        if (ImageFormats.Sniff(upload) is not { } format)
        {
            throw new ImageRefusedException(StatusCodes.Status415UnsupportedMediaType, "Not a supported image.",
                "The file is not a JPEG, PNG, WebP or GIF image (judged by its content, not its name or declared type).");
        }

        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data) ?? throw Unreadable(format);
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0 || width > MediaRules.MaxSide || height > MediaRules.MaxSide || (long)width * height > MediaRules.MaxPixels)
        {
            throw new ImageRefusedException(StatusCodes.Status422UnprocessableEntity, "The image is too large.",
                $"The image is {width} × {height} pixels; at most {MediaRules.MaxSide} pixels a side and {MediaRules.MaxPixels / 1_000_000} megapixels are accepted.");
        }

        // Decoding takes 4 bytes a pixel: uploads share the renderers' bound, so a burst of large ones waits its turn.
        await Renderers.WaitAsync(cancellationToken);
        try
        {
            var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
            using var decoded = new SKBitmap(info);
            var result = codec.GetPixels(info, decoded.GetPixels());
            if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
            {
                throw Unreadable(format);
            }

            using var upright = Upright(decoded, codec.EncodedOrigin);
            var (encoding, contentType, extension) = format switch
            {
                ImageFormat.Jpeg => (SKEncodedImageFormat.Jpeg, "image/jpeg", "jpg"),
                ImageFormat.WebP => (SKEncodedImageFormat.Webp, "image/webp", "webp"),
                // GIF has no encoder here; its first frame is kept losslessly as PNG.
                _ => (SKEncodedImageFormat.Png, "image/png", "png"),
            };
            var bytes = Encode(upright, encoding, quality: 92);
            return new StoredImage(bytes, contentType, extension, upright.Width, upright.Height);
        }
        finally
        {
            Renderers.Release();
        }
    }

    /// <summary>The rendition of a stored original at <paramref name="width"/> (never wider than the original).</summary>
    public static async Task<byte[]> RenderAsync(Stream original, int width, RenditionFormat format, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await original.CopyToAsync(buffer, cancellationToken);
        await Renderers.WaitAsync(cancellationToken);
        try
        {
            using var data = SKData.CreateCopy(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
            using var codec = SKCodec.Create(data) ?? throw new InvalidDataException("A stored original cannot be decoded.");
            // JPEG decodes straight at a half, quarter or eighth of its size: far less to decode and to resample.
            var scaled = codec.GetScaledDimensions((float)width / codec.Info.Width);
            var size = scaled.Width >= width ? scaled : new SKSizeI(codec.Info.Width, codec.Info.Height);
            var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
            using var decoded = new SKBitmap(info);
            var result = codec.GetPixels(info, decoded.GetPixels());
            if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
            {
                throw new InvalidDataException($"A stored original cannot be decoded: {result}.");
            }

            var height = Math.Max(1, (int)Math.Round((double)codec.Info.Height * width / codec.Info.Width));
            using var resized = width == decoded.Width && height == decoded.Height
                ? decoded.Copy()
                : decoded.Resize(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul), HighQuality);
            if (format == RenditionFormat.Jpeg)
            {
                // JPEG has no transparency: transparent parts show white, as on the page, rather than black.
                using var opaque = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
                using (var canvas = new SKCanvas(opaque))
                {
                    canvas.Clear(SKColors.White);
                    canvas.DrawBitmap(resized, 0, 0, PixelExact);
                }

                return Encode(opaque, SKEncodedImageFormat.Jpeg, quality: 82);
            }

            return Encode(resized, SKEncodedImageFormat.Webp, quality: 80);
        }
        finally
        {
            Renderers.Release();
        }
    }

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var encoded = image.Encode(format, quality) ?? throw new InvalidOperationException($"SkiaSharp could not encode {format}.");
        return encoded.ToArray();
    }

    /// <summary>The pixels turned as the file's orientation says, since the orientation tag goes with the rest of the metadata.</summary>
    private static SKBitmap Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        var (w, h) = origin >= SKEncodedOrigin.LeftTop ? (source.Height, source.Width) : (source.Width, source.Height);
        // x' = ScaleX·x + SkewX·y + TransX, y' = SkewY·x + ScaleY·y + TransY
        SKMatrix? turn = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, w, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, w, -1, 0, h, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, h, 0, 0, 1),
            _ => null,
        };
        if (turn is not { } matrix)
        {
            return source.Copy();
        }

        var result = new SKBitmap(new SKImageInfo(w, h, source.ColorType, source.AlphaType));
        using var canvas = new SKCanvas(result);
        canvas.SetMatrix(matrix);
        canvas.DrawBitmap(source, 0, 0, PixelExact);
        return result;
    }

    private static ImageRefusedException Unreadable(ImageFormat format) =>
        new(StatusCodes.Status415UnsupportedMediaType, "The image cannot be read.",
            $"The file starts like a {format.ToString().ToUpperInvariant()} image but cannot be decoded as one.");
}
