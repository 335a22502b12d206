using SkiaSharp;

namespace UnifiedCommerce.Operations.Seeding;

/// <summary>
/// Draws the demo catalog's product pictures at seed time, so the repository carries no image files and nothing is
/// fetched: a flat studio-style illustration of the product's shape in its colour, on a soft backdrop with a
/// shadow, or a close-up of its detail with the weave of the material.
/// </summary>
public static class ProductIllustrations
{
    public const int Size = 1200;

    /// <summary>Every colour the demo assortments use, as a shop's swatch would show it.</summary>
    private static readonly Dictionary<string, SKColor> Swatches = new(StringComparer.Ordinal)
    {
        ["Black"] = SKColor.Parse("#2a2b2f"),
        ["Navy"] = SKColor.Parse("#22304f"),
        ["Forest"] = SKColor.Parse("#2f5940"),
        ["Sand"] = SKColor.Parse("#d6c29c"),
        ["Rust"] = SKColor.Parse("#b0532e"),
        ["Stone"] = SKColor.Parse("#a7a298"),
        ["Sky"] = SKColor.Parse("#8db6dc"),
        ["Plum"] = SKColor.Parse("#6a3a5a"),
        ["Cream"] = SKColor.Parse("#ede3cc"),
        ["Olive"] = SKColor.Parse("#6e6d3a"),
        ["Charcoal"] = SKColor.Parse("#46484d"),
        ["Sage"] = SKColor.Parse("#9fb396"),
        ["Terracotta"] = SKColor.Parse("#c4694a"),
        ["Ocean"] = SKColor.Parse("#2e6d8e"),
        ["Mustard"] = SKColor.Parse("#d3a238"),
        ["Walnut"] = SKColor.Parse("#6a4a33"),
        ["Oak"] = SKColor.Parse("#c39a6b"),
    };

    private static readonly SKColor Steel = SKColor.Parse("#b8bdc3");
    private static readonly SKColor Brass = SKColor.Parse("#c8a45b");
    private static readonly SKColor Rubber = SKColor.Parse("#3a3631");

    public static bool Knows(string colour) => Swatches.ContainsKey(colour);

    /// <summary>
    /// The picture as a JPEG of <see cref="Size"/> × <see cref="Size"/> pixels. Products of one line share their
    /// pictures per colour, so each is drawn once per run.
    /// </summary>
    public static byte[] Render(DemoImage image) => Drawn.GetOrAdd((image.Shape, image.Colour, image.CloseUp), key => DrawPicture(key.Shape, key.Colour, key.CloseUp));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(ProductShape Shape, string Colour, bool CloseUp), byte[]> Drawn = new();

    private static byte[] DrawPicture(ProductShape shape, string colourName, bool closeUp)
    {
        var colour = Swatches.TryGetValue(colourName, out var swatch)
            ? swatch
            : throw new ArgumentException($"No swatch for the colour '{colourName}'.", nameof(colourName));
        using var surface = SKSurface.Create(new SKImageInfo(Size, Size, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        DrawBackdrop(canvas);
        canvas.Scale(Size / 100f);
        var parts = Parts(shape);
        if (closeUp)
        {
            var focus = Focus(shape);
            canvas.Translate(50, 50);
            canvas.Scale(1.7f);
            canvas.Translate(-focus.X, -focus.Y);
        }
        else
        {
            DrawShadow(canvas);
        }

        foreach (var part in parts)
        {
            Draw(canvas, part, colour, closeUp);
            part.Path.Dispose();
        }

        using var snapshot = surface.Snapshot();
        using var encoded = snapshot.Encode(SKEncodedImageFormat.Jpeg, 86);
        return encoded.ToArray();
    }

    private enum Tone
    {
        Body,
        Shade,
        Light,
        Steel,
        Brass,
        Rubber,
    }

    /// <summary>A filled area, or (with a stroke width) a seam, hem or string drawn over it.</summary>
    private sealed record Part(SKPath Path, Tone Tone, float Stroke = 0, bool Dashed = false);

    private static void DrawBackdrop(SKCanvas canvas)
    {
        using var paint = new SKPaint { IsAntialias = true };
        using var shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, Size),
            [SKColor.Parse("#f7f5f1"), SKColor.Parse("#e8e4dc")], [0f, 1f], SKShaderTileMode.Clamp);
        paint.Shader = shader;
        canvas.DrawRect(0, 0, Size, Size, paint);
    }

    private static void DrawShadow(SKCanvas canvas)
    {
        using var blur = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, 1.6f);
        using var paint = new SKPaint { IsAntialias = true, Color = new SKColor(40, 32, 20, 52), MaskFilter = blur };
        canvas.DrawOval(new SKRect(16, 88, 84, 96), paint);
    }

    private static void Draw(SKCanvas canvas, Part part, SKColor body, bool closeUp)
    {
        var colour = part.Tone switch
        {
            Tone.Body => body,
            Tone.Shade => Mix(body, SKColors.Black, 0.2f),
            Tone.Light => Mix(body, SKColors.White, 0.25f),
            Tone.Steel => Steel,
            Tone.Brass => Brass,
            _ => Rubber,
        };
        if (part.Stroke > 0)
        {
            using var dash = part.Dashed ? SKPathEffect.CreateDash([1.2f, 0.9f], 0) : null;
            using var line = new SKPaint
            {
                IsAntialias = true,
                Style = SKPaintStyle.Stroke,
                StrokeWidth = part.Stroke,
                StrokeCap = SKStrokeCap.Round,
                StrokeJoin = SKStrokeJoin.Round,
                Color = part.Tone == Tone.Body ? Mix(body, SKColors.Black, 0.32f) : colour,
                PathEffect = dash,
            };
            canvas.DrawPath(part.Path, line);
            return;
        }

        var bounds = part.Path.Bounds;
        using var shader = SKShader.CreateLinearGradient(new SKPoint(0, bounds.Top), new SKPoint(0, bounds.Bottom),
            [Mix(colour, SKColors.White, 0.1f), Mix(colour, SKColors.Black, 0.1f)], [0f, 1f], SKShaderTileMode.Clamp);
        using var fill = new SKPaint { IsAntialias = true, Shader = shader };
        canvas.DrawPath(part.Path, fill);
        if (closeUp && part.Tone is Tone.Body or Tone.Shade)
        {
            DrawWeave(canvas, part.Path, colour);
        }

        using var outline = new SKPaint
        {
            IsAntialias = true,
            Style = SKPaintStyle.Stroke,
            StrokeWidth = 0.55f,
            StrokeJoin = SKStrokeJoin.Round,
            Color = Mix(colour, SKColors.Black, 0.35f),
        };
        canvas.DrawPath(part.Path, outline);
    }

    /// <summary>The close-up's material: a fine twill of light and dark threads inside the part, tiled from one small cell.</summary>
    private static void DrawWeave(SKCanvas canvas, SKPath path, SKColor colour)
    {
        const int cell = 8;
        using var tile = new SKBitmap(new SKImageInfo(cell, cell, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var tileCanvas = new SKCanvas(tile))
        {
            tileCanvas.Clear(SKColors.Transparent);
            using var dark = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1.4f, Color = Mix(colour, SKColors.Black, 0.35f).WithAlpha(80) };
            using var light = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1f, Color = Mix(colour, SKColors.White, 0.35f).WithAlpha(60) };
            // Diagonals that meet across the cell's edges, so the tiles join into unbroken threads.
            foreach (var offset in new[] { -cell, 0, cell })
            {
                tileCanvas.DrawLine(offset, cell, offset + cell, 0, dark);
                tileCanvas.DrawLine(offset + cell / 2f, cell, offset + cell * 1.5f, 0, light);
            }
        }

        using var image = SKImage.FromBitmap(tile);
        // The canvas is scaled to 100 units; the tile is drawn in device pixels, so the threads stay fine at any zoom.
        var pixelsPerUnit = canvas.TotalMatrix.ScaleX;
        using var shader = image.ToShader(SKShaderTileMode.Repeat, SKShaderTileMode.Repeat, SKMatrix.CreateScale(1 / pixelsPerUnit, 1 / pixelsPerUnit));
        using var paint = new SKPaint { IsAntialias = true, Shader = shader };
        canvas.DrawPath(path, paint);
    }

    private static SKColor Mix(SKColor from, SKColor to, float amount) => new(
        (byte)(from.Red + (to.Red - from.Red) * amount),
        (byte)(from.Green + (to.Green - from.Green) * amount),
        (byte)(from.Blue + (to.Blue - from.Blue) * amount),
        from.Alpha);

    /// <summary>Where a close-up looks: the detail a shopper zooms in on (the neckline, the laces, the handle).</summary>
    private static SKPoint Focus(ProductShape shape) => shape switch
    {
        ProductShape.TShirt or ProductShape.Hoodie => new SKPoint(50, 22),
        ProductShape.Jacket => new SKPoint(50, 30),
        ProductShape.Trousers or ProductShape.Leggings => new SKPoint(50, 20),
        ProductShape.Dress => new SKPoint(50, 42),
        ProductShape.Backpack => new SKPoint(50, 62),
        ProductShape.Tent => new SKPoint(50, 56),
        ProductShape.Boot => new SKPoint(54, 38),
        ProductShape.Beanie => new SKPoint(50, 62),
        ProductShape.Socks => new SKPoint(46, 20),
        ProductShape.Skillet => new SKPoint(44, 52),
        ProductShape.Knife => new SKPoint(76, 50),
        ProductShape.Lamp => new SKPoint(50, 32),
        ProductShape.Cushion => new SKPoint(50, 54),
        _ => new SKPoint(50, 50),
    };

    /// <summary>The shape in a 100 × 100 box, standing on the shadow at y ≈ 90, back to front.</summary>
    private static IReadOnlyList<Part> Parts(ProductShape shape) => shape switch
    {
        ProductShape.TShirt =>
        [
            new(Path(p => p.MoveTo(38, 12), p => p.QuadTo(50, 21, 62, 12), p => p.LineTo(80, 17), p => p.LineTo(94, 33), p => p.LineTo(83, 43),
                p => p.LineTo(74, 36), p => p.LineTo(74, 88), p => p.QuadTo(50, 90, 26, 88), p => p.LineTo(26, 36), p => p.LineTo(17, 43),
                p => p.LineTo(6, 33), p => p.LineTo(20, 17)), Tone.Body),
            new(Open(p => p.MoveTo(38.5f, 12.5f), p => p.QuadTo(50, 25, 61.5f, 12.5f)), Tone.Body, 1.2f),
            new(Open(p => p.MoveTo(27, 84.5f), p => p.QuadTo(50, 86.5f, 73, 84.5f)), Tone.Body, 0.4f, Dashed: true),
            new(Open(p => p.MoveTo(9, 30.5f), p => p.LineTo(19.5f, 40.5f)), Tone.Body, 0.4f, Dashed: true),
            new(Open(p => p.MoveTo(91, 30.5f), p => p.LineTo(80.5f, 40.5f)), Tone.Body, 0.4f, Dashed: true),
        ],
        ProductShape.Hoodie =>
        [
            new(Sleeved(), Tone.Body),
            new(Path(p => p.MoveTo(34, 20), p => p.QuadTo(32, 3, 50, 3), p => p.QuadTo(68, 3, 66, 20), p => p.QuadTo(50, 30, 34, 20)), Tone.Body),
            new(Path(p => p.MoveTo(40, 18), p => p.QuadTo(40, 8.5f, 50, 8.5f), p => p.QuadTo(60, 8.5f, 60, 18), p => p.QuadTo(50, 24, 40, 18)), Tone.Shade),
            new(Path(p => p.MoveTo(34, 64), p => p.LineTo(66, 64), p => p.LineTo(70, 82), p => p.LineTo(30, 82)), Tone.Body, 0.5f),
            new(Open(p => p.MoveTo(46, 23), p => p.LineTo(45, 40)), Tone.Light, 0.7f),
            new(Open(p => p.MoveTo(54, 23), p => p.LineTo(55, 40)), Tone.Light, 0.7f),
            new(Open(p => p.MoveTo(25.5f, 83), p => p.QuadTo(50, 85.5f, 74.5f, 83)), Tone.Body, 0.5f),
            new(Open(p => p.MoveTo(8.5f, 74), p => p.LineTo(18.4f, 76)), Tone.Body, 0.5f),
            new(Open(p => p.MoveTo(91.5f, 74), p => p.LineTo(81.6f, 76)), Tone.Body, 0.5f),
        ],
        ProductShape.Jacket =>
        [
            new(Sleeved(), Tone.Body),
            new(Path(p => p.MoveTo(36, 16), p => p.LineTo(44, 27), p => p.LineTo(50, 19), p => p.LineTo(56, 27), p => p.LineTo(64, 16),
                p => p.QuadTo(50, 9, 36, 16)), Tone.Shade),
            new(Open(p => p.MoveTo(50, 20), p => p.LineTo(50, 89)), Tone.Steel, 0.8f),
            new(Path(p => p.MoveTo(29, 56), p => p.LineTo(43, 56), p => p.LineTo(43, 61), p => p.LineTo(29, 61)), Tone.Shade),
            new(Path(p => p.MoveTo(57, 56), p => p.LineTo(71, 56), p => p.LineTo(71, 61), p => p.LineTo(57, 61)), Tone.Shade),
            new(Open(p => p.MoveTo(25.5f, 83), p => p.QuadTo(50, 85.5f, 74.5f, 83)), Tone.Body, 0.4f, Dashed: true),
        ],
        ProductShape.Trousers =>
        [
            new(Path(p => p.MoveTo(28, 8), p => p.LineTo(72, 8), p => p.LineTo(76, 90), p => p.LineTo(56, 90), p => p.LineTo(50, 32),
                p => p.LineTo(44, 90), p => p.LineTo(24, 90)), Tone.Body),
            new(Path(p => p.MoveTo(28, 8), p => p.LineTo(72, 8), p => p.LineTo(72.3f, 14), p => p.LineTo(27.7f, 14)), Tone.Shade),
            new(Open(p => p.MoveTo(50, 14), p => p.LineTo(50, 28), p => p.QuadTo(49, 31, 46, 30)), Tone.Body, 0.45f, Dashed: true),
            new(Open(p => p.MoveTo(31, 14), p => p.QuadTo(33, 24, 40, 14.5f)), Tone.Body, 0.5f),
            new(Open(p => p.MoveTo(69, 14), p => p.QuadTo(67, 24, 60, 14.5f)), Tone.Body, 0.5f),
            new(Open(p => p.MoveTo(34, 10), p => p.LineTo(34, 13)), Tone.Light, 0.8f),
            new(Open(p => p.MoveTo(66, 10), p => p.LineTo(66, 13)), Tone.Light, 0.8f),
        ],
        ProductShape.Dress =>
        [
            new(Path(p => p.MoveTo(40, 8), p => p.LineTo(43, 8), p => p.QuadTo(50, 18, 57, 8), p => p.LineTo(60, 8), p => p.LineTo(62, 30),
                p => p.QuadTo(58, 38, 60, 44), p => p.LineTo(82, 89), p => p.QuadTo(50, 94, 18, 89), p => p.LineTo(40, 44),
                p => p.QuadTo(42, 38, 38, 30)), Tone.Body),
            new(Open(p => p.MoveTo(40, 44), p => p.QuadTo(50, 47.5f, 60, 44)), Tone.Shade, 1.4f),
            new(Open(p => p.MoveTo(45, 50), p => p.LineTo(36, 90)), Tone.Body, 0.35f),
            new(Open(p => p.MoveTo(55, 50), p => p.LineTo(64, 90)), Tone.Body, 0.35f),
            new(Open(p => p.MoveTo(50, 48), p => p.LineTo(50, 91.5f)), Tone.Body, 0.35f),
        ],
        ProductShape.Leggings =>
        [
            new(Path(p => p.MoveTo(32, 8), p => p.LineTo(68, 8), p => p.LineTo(66, 50), p => p.LineTo(63, 92), p => p.LineTo(54, 92),
                p => p.LineTo(50, 36), p => p.LineTo(46, 92), p => p.LineTo(37, 92), p => p.LineTo(34, 50)), Tone.Body),
            new(Path(p => p.MoveTo(32, 8), p => p.LineTo(68, 8), p => p.LineTo(67.6f, 16), p => p.LineTo(32.4f, 16)), Tone.Shade),
            new(Open(p => p.MoveTo(37.2f, 88), p => p.LineTo(46.2f, 88)), Tone.Body, 0.4f, Dashed: true),
            new(Open(p => p.MoveTo(53.8f, 88), p => p.LineTo(62.8f, 88)), Tone.Body, 0.4f, Dashed: true),
            new(Open(p => p.MoveTo(50, 16), p => p.LineTo(50, 34)), Tone.Body, 0.4f, Dashed: true),
        ],
        ProductShape.Backpack =>
        [
            new(Open(p => p.MoveTo(42, 22), p => p.QuadTo(42, 10, 50, 10), p => p.QuadTo(58, 10, 58, 22)), Tone.Shade, 2.6f),
            new(Rounded(22, 20, 78, 90, 14), Tone.Body),
            new(Path(p => p.MoveTo(22.5f, 38), p => p.QuadTo(50, 47, 77.5f, 38), p => p.LineTo(77, 30), p => p.QuadTo(50, 20, 23, 30)), Tone.Shade),
            new(Rounded(31, 57, 69, 84, 7), Tone.Light),
            new(Open(p => p.MoveTo(35, 63), p => p.LineTo(65, 63)), Tone.Steel, 0.6f),
            new(Rounded(46, 41, 54, 49, 1.5f), Tone.Rubber),
        ],
        ProductShape.Tent =>
        [
            new(Path(p => p.MoveTo(8, 86), p => p.CubicTo(14, 40, 38, 18, 50, 18), p => p.CubicTo(62, 18, 86, 40, 92, 86)), Tone.Body),
            new(Path(p => p.MoveTo(50, 34), p => p.QuadTo(40, 60, 36, 86), p => p.LineTo(64, 86), p => p.QuadTo(60, 60, 50, 34)), Tone.Shade),
            new(Open(p => p.MoveTo(26, 86), p => p.QuadTo(32, 40, 50, 18)), Tone.Body, 0.45f),
            new(Open(p => p.MoveTo(74, 86), p => p.QuadTo(68, 40, 50, 18)), Tone.Body, 0.45f),
            new(Open(p => p.MoveTo(50, 34), p => p.QuadTo(46, 60, 44, 86)), Tone.Steel, 0.5f),
            new(Open(p => p.MoveTo(4, 86.5f), p => p.LineTo(96, 86.5f)), Tone.Rubber, 0.6f),
        ],
        ProductShape.Boot =>
        [
            new(Path(p => p.MoveTo(30, 12), p => p.LineTo(56, 12), p => p.LineTo(58, 52), p => p.QuadTo(62, 58, 80, 62), p => p.QuadTo(92, 65, 92, 76),
                p => p.LineTo(24, 76), p => p.LineTo(26, 40)), Tone.Body),
            new(Path(p => p.MoveTo(22, 76), p => p.LineTo(94, 76), p => p.QuadTo(94, 86, 88, 86), p => p.LineTo(26, 86), p => p.QuadTo(20, 86, 22, 76)), Tone.Rubber),
            new(Rounded(29, 9, 57, 16, 2.5f), Tone.Shade),
            new(Open(p => p.MoveTo(70, 61), p => p.QuadTo(75, 69, 73, 76)), Tone.Body, 0.5f),
            new(Open(p => p.MoveTo(46, 20), p => p.LineTo(55, 22), p => p.LineTo(46, 28), p => p.LineTo(56, 31), p => p.LineTo(47, 37),
                p => p.LineTo(57, 40), p => p.LineTo(49, 46), p => p.LineTo(58, 50)), Tone.Light, 0.8f),
            new(Open(p => p.MoveTo(24.5f, 72), p => p.LineTo(91, 72)), Tone.Body, 0.4f, Dashed: true),
        ],
        ProductShape.Beanie =>
        [
            new(Path(p => p.MoveTo(18, 62), p => p.CubicTo(18, 16, 82, 16, 82, 62)), Tone.Body),
            new(Circle(50, 16, 9), Tone.Light),
            new(Open(p => p.MoveTo(50, 26), p => p.LineTo(50, 58)), Tone.Body, 0.35f),
            new(Open(p => p.MoveTo(37, 29), p => p.QuadTo(33, 42, 33, 58)), Tone.Body, 0.35f),
            new(Open(p => p.MoveTo(63, 29), p => p.QuadTo(67, 42, 67, 58)), Tone.Body, 0.35f),
            new(Rounded(14, 56, 86, 82, 5), Tone.Shade),
            .. Enumerable.Range(0, 16).Select(rib => new Part(Open(p => p.MoveTo(18 + rib * 4.3f, 59), p => p.LineTo(18 + rib * 4.3f, 79)), Tone.Body, 0.3f)),
        ],
        ProductShape.Socks =>
        [
            new(Path(p => p.MoveTo(34, 8), p => p.LineTo(60, 8), p => p.LineTo(60, 56), p => p.QuadTo(60, 62, 66, 64), p => p.LineTo(84, 70),
                p => p.QuadTo(94, 74, 90, 84), p => p.QuadTo(86, 92, 76, 90), p => p.LineTo(44, 82), p => p.QuadTo(32, 78, 34, 64)), Tone.Body),
            new(Path(p => p.MoveTo(34, 8), p => p.LineTo(60, 8), p => p.LineTo(60, 20), p => p.LineTo(34, 20)), Tone.Shade),
            new(Path(p => p.MoveTo(34, 64), p => p.QuadTo(32, 78, 44, 82), p => p.LineTo(46, 72), p => p.QuadTo(38, 71, 34, 64)), Tone.Light),
            new(Path(p => p.MoveTo(80, 68.6f), p => p.QuadTo(94, 73, 90, 84), p => p.QuadTo(86, 92, 76, 90), p => p.QuadTo(82, 80, 80, 68.6f)), Tone.Light),
            .. Enumerable.Range(0, 6).Select(rib => new Part(Open(p => p.MoveTo(37 + rib * 4, 10), p => p.LineTo(37 + rib * 4, 18)), Tone.Body, 0.3f)),
        ],
        ProductShape.Skillet =>
        [
            new(Rounded(66, 47.5f, 97, 55.5f, 3.5f), Tone.Shade),
            new(Circle(93, 51.5f, 1.4f), Tone.Light),
            new(Open(p => p.MoveTo(13, 45), p => p.QuadTo(4, 51.5f, 13, 58)), Tone.Shade, 2.2f),
            new(Circle(40, 51.5f, 30), Tone.Body),
            new(Circle(40, 51.5f, 25), Tone.Shade),
            new(Open(p => p.MoveTo(22, 40), p => p.QuadTo(28, 30, 40, 29)), Tone.Light, 1.1f),
        ],
        ProductShape.Knife =>
        [
            new(Path(p => p.MoveTo(6, 52), p => p.QuadTo(28, 37, 66, 41.5f), p => p.LineTo(66, 58), p => p.LineTo(13, 58), p => p.QuadTo(6, 57, 6, 52)), Tone.Steel),
            new(Open(p => p.MoveTo(12, 57.2f), p => p.LineTo(65, 57.2f)), Tone.Light, 0.5f),
            new(Rounded(63.5f, 40.5f, 69.5f, 59.5f, 1.2f), Tone.Steel),
            new(Rounded(68, 42.5f, 96, 57.5f, 4.5f), Tone.Body),
            new(Circle(75, 50, 1.3f), Tone.Steel),
            new(Circle(82, 50, 1.3f), Tone.Steel),
            new(Circle(89, 50, 1.3f), Tone.Steel),
        ],
        ProductShape.Lamp =>
        [
            new(Rounded(48, 44, 52, 80, 1), Tone.Brass),
            new(Path(p => p.MoveTo(33, 80), p => p.QuadTo(50, 72, 67, 80), p => p.LineTo(69, 88), p => p.QuadTo(50, 92, 31, 88)), Tone.Shade),
            new(Path(p => p.MoveTo(30, 12), p => p.LineTo(70, 12), p => p.LineTo(80, 46), p => p.LineTo(20, 46)), Tone.Body),
            new(Open(p => p.MoveTo(20.5f, 43), p => p.LineTo(79.5f, 43)), Tone.Light, 0.5f),
            new(Open(p => p.MoveTo(30.5f, 15), p => p.LineTo(69.5f, 15)), Tone.Light, 0.5f),
        ],
        ProductShape.Cushion =>
        [
            new(Path(p => p.MoveTo(14, 20), p => p.QuadTo(50, 28, 86, 20), p => p.QuadTo(78, 55, 86, 88), p => p.QuadTo(50, 80, 14, 88),
                p => p.QuadTo(22, 55, 14, 20)), Tone.Body),
            new(Path(p => p.MoveTo(14, 20), p => p.QuadTo(50, 28, 86, 20), p => p.QuadTo(78, 55, 86, 88), p => p.QuadTo(50, 80, 14, 88),
                p => p.QuadTo(22, 55, 14, 20)), Tone.Shade, 1.3f),
            new(Open(p => p.MoveTo(50, 54), p => p.QuadTo(40, 48, 30, 34)), Tone.Body, 0.35f),
            new(Open(p => p.MoveTo(50, 54), p => p.QuadTo(60, 60, 70, 74)), Tone.Body, 0.35f),
            new(Circle(50, 54, 2.6f), Tone.Shade),
        ],
        _ =>
        [
            new(Rounded(14, 70, 86, 88, 4), Tone.Shade),
            new(Rounded(16, 52, 84, 70, 4), Tone.Body),
            new(Rounded(18, 34, 82, 52, 4), Tone.Light),
            new(Open(p => p.MoveTo(14.5f, 84), p => p.LineTo(85.5f, 84)), Tone.Light, 0.9f),
            new(Open(p => p.MoveTo(16.5f, 66), p => p.LineTo(83.5f, 66)), Tone.Light, 0.9f),
            new(Open(p => p.MoveTo(18.5f, 48), p => p.LineTo(81.5f, 48)), Tone.Body, 0.9f),
        ],
    };

    /// <summary>A body with long sleeves, shared by the hoodie and the jacket.</summary>
    private static SKPath Sleeved() => Path(p => p.MoveTo(36, 16), p => p.LineTo(22, 19), p => p.QuadTo(14, 24, 12, 36), p => p.LineTo(8, 78),
        p => p.LineTo(18, 80), p => p.LineTo(24, 44), p => p.LineTo(25, 88), p => p.QuadTo(50, 91, 75, 88), p => p.LineTo(76, 44),
        p => p.LineTo(82, 80), p => p.LineTo(92, 78), p => p.LineTo(88, 36), p => p.QuadTo(86, 24, 78, 19), p => p.LineTo(64, 16));

    private static SKPath Path(params Action<SKPathBuilder>[] steps) => Build(steps, close: true);

    private static SKPath Open(params Action<SKPathBuilder>[] steps) => Build(steps, close: false);

    private static SKPath Build(Action<SKPathBuilder>[] steps, bool close)
    {
        using var builder = new SKPathBuilder();
        foreach (var step in steps)
        {
            step(builder);
        }

        if (close)
        {
            builder.Close();
        }

        return builder.Detach();
    }

    private static SKPath Rounded(float left, float top, float right, float bottom, float radius) =>
        Build([p => p.AddRoundRect(new SKRect(left, top, right, bottom), radius, radius)], close: false);

    private static SKPath Circle(float x, float y, float radius) => Build([p => p.AddCircle(x, y, radius)], close: false);
}
