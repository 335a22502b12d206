using System.Globalization;
using System.Text.RegularExpressions;

namespace UnifiedCommerce.Operations.Seeding;

public sealed record DemoCategory(string Slug, string Name, string? ParentSlug, int SortOrder);

public sealed record DemoVariant(
    string Sku,
    string Title,
    IReadOnlyDictionary<string, string> Options,
    long PriceAmount,
    long? CompareAtPriceAmount,
    long CostAmount,
    string Currency,
    int WeightGrams,
    string Barcode,
    int InitialStock);

public sealed record DemoOption(string Name, IReadOnlyList<string> Values);

/// <summary>A picture of the product, drawn at seed time: the product's shape in one of its colours, whole or up close.</summary>
public sealed record DemoImage(ProductShape Shape, string Colour, bool CloseUp, string Alt);

public sealed record DemoProduct(
    string Slug,
    string Name,
    string Description,
    string Brand,
    string ProductType,
    IReadOnlyList<string> Tags,
    string SeoTitle,
    string SeoDescription,
    string Status,
    IReadOnlyList<string> CategorySlugs,
    IReadOnlyList<DemoOption> Options,
    IReadOnlyList<DemoVariant> Variants,
    IReadOnlyList<DemoImage> Images);

/// <summary>A condition of a rule collection, in the catalog's terms (CollectionRuleField, CollectionRuleOperator).</summary>
public sealed record DemoRule(string Field, string Operator, string Value);

/// <summary>A collection: rule-based (every rule holds) or manual (its products in order, by slug).</summary>
public sealed record DemoCollection(string Slug, string Title, string Description, IReadOnlyList<DemoRule> Rules, IReadOnlyList<string> ProductSlugs)
{
    public bool IsManual => Rules.Count == 0;
}

public sealed record DemoMerchant(
    Guid Id, string Name, string Currency, IReadOnlyList<string> Hosts, IReadOnlyList<DemoCategory> Categories, IReadOnlyList<DemoProduct> Products,
    IReadOnlyList<DemoCollection> Collections);

/// <summary>
/// The demo merchants' catalogs, built from their assortments (DemoAssortments) with a fixed seed: every run
/// produces exactly the same products, so seeding twice changes nothing. Each product is a model of its line in
/// one of the line's materials ("Merino Henley"), so its name, description, options, price and pictures agree.
/// </summary>
public static class DemoCatalog
{
    private static readonly string[] ApparelSizes = ["S", "M", "L", "XL"];
    private static readonly string[] ShoeSizes = ["40", "41", "42", "43", "44", "45"];
    private static readonly string[] TentSizes = ["2-person", "3-person"];
    private static readonly string[] TowelSets = ["Set of 2", "Set of 4"];

    /// <summary>
    /// A demo store's host as the local storefront serves it, port included (COMMERCE_STOREFRONT_PORT, 3000 by
    /// default): Identity sends shoppers back only to the exact addresses a store registered.
    /// </summary>
    private static string StorefrontHost(string name) => $"{name}:{Environment.GetEnvironmentVariable("COMMERCE_STOREFRONT_PORT") ?? "3000"}";

    public static IReadOnlyList<DemoMerchant> All() =>
    [
        Build(DemoMerchants.Acme, "Acme Outfitters", "USD", [StorefrontHost("localhost"), StorefrontHost("127.0.0.1")], 20261125,
            ["Acme Trail", "Northbound", "Harbor & Pine", "Fieldline"], DemoAssortments.Acme),
        Build(DemoMerchants.Globex, "Globex Home", "EUR", [StorefrontHost("globex.localhost")], 19890101,
            ["Globex Atelier", "Maison Orée", "Hearth & Co."], DemoAssortments.Globex),
    ];

    private static DemoMerchant Build(Guid merchantId, string storeName, string currency, IReadOnlyList<string> hosts, int seed,
        IReadOnlyList<string> brands, IReadOnlyList<Branch> branches)
    {
        var random = new Random(seed);
        var categories = new List<DemoCategory>();
        var products = new List<DemoProduct>();
        var skuPrefix = storeName[..2].ToUpperInvariant();
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        var seedingOrder = new List<(DemoProduct Product, int IndexInLine, int Order)>();
        for (var branchIndex = 0; branchIndex < branches.Count; branchIndex++)
        {
            var branch = branches[branchIndex];
            categories.Add(new DemoCategory(branch.Slug, branch.Name, null, branchIndex));
            for (var lineIndex = 0; lineIndex < branch.Lines.Count; lineIndex++)
            {
                var line = branch.Lines[lineIndex];
                categories.Add(new DemoCategory(line.Slug, line.Name, branch.Slug, lineIndex));
                for (var index = 0; index < line.ProductCount; index++)
                {
                    // Materials vary fastest, so a line shows every material before a model repeats.
                    var model = line.Models[index / line.Materials.Count % line.Models.Count];
                    var material = line.Materials[index % line.Materials.Count];
                    // The last product of each department's first category is still being written: a draft.
                    var status = branchIndex == 0 && lineIndex == 0 && index == line.ProductCount - 1 ? "draft" : "active";
                    var product = NewProduct(random, products.Count + 1, skuPrefix, storeName, currency, brands, line, model, material, index, status);
                    // The same model may be sold in two departments (a women's and a men's rain shell).
                    var slug = product.Slug;
                    for (var suffix = 2; !slugs.Add(slug); suffix++)
                    {
                        slug = suffix == 2 ? $"{product.Slug}-{branch.Slug}" : $"{product.Slug}-{branch.Slug}-{suffix}";
                    }

                    products.Add(product with { Slug = slug });
                    seedingOrder.Add((products[^1], index, seedingOrder.Count));
                }
            }
        }

        // Seeded round-robin across the lines, so the newest products (the home page's "New arrivals") are a mix.
        products = [.. seedingOrder.OrderBy(entry => entry.IndexInLine).ThenBy(entry => entry.Order).Select(entry => entry.Product)];

        // One retired product per store: archived ones stay in the admin, never on the storefront.
        var retired = products.Count / 2;
        products[retired] = products[retired] with { Status = "archived" };
        return new DemoMerchant(merchantId, storeName, currency, hosts, categories, products, Collections(storeName, currency, brands[0], products));
    }

    /// <summary>
    /// The collections a shop of this kind keeps: new arrivals, the sale, gifts under a price, the house brand (all
    /// rule-based, so they follow the catalog) and a hand-picked list, one active product from each of eight lines.
    /// </summary>
    private static IReadOnlyList<DemoCollection> Collections(string storeName, string currency, string houseBrand, IReadOnlyList<DemoProduct> products)
    {
        var (giftLimit, giftLabel) = currency == "EUR" ? (4000, "€40") : (5000, "$50");
        var picks = products.Where(p => p.Status == "active").GroupBy(p => p.CategorySlugs[0]).Select(line => line.ElementAt(line.Count() / 2).Slug)
            .Take(8).ToList();
        return
        [
            new("new-arrivals", "New arrivals", $"<p>The latest additions to {Html(storeName)}, fresh this season.</p>",
                [new("TAG", "EQUALS", "new")], []),
            new("sale", "On sale", "<p>Reduced for a little while: every product with a lower price than it used to have.</p>",
                [new("COMPARE_AT", "EQUALS", "true")], []),
            new("gifts-under-" + (giftLimit / 100).ToString(CultureInfo.InvariantCulture), $"Gifts under {giftLabel}",
                $"<p>Thoughtful things that cost less than {giftLabel}.</p>", [new("PRICE", "LESS_THAN", giftLimit.ToString(CultureInfo.InvariantCulture))], []),
            new(Slugify(houseBrand), $"The {houseBrand} edit", $"<p>Everything we make under our own {Html(houseBrand)} label.</p>",
                [new("BRAND", "EQUALS", houseBrand)], []),
            new("staff-picks", "Staff picks", "<p>What our team reaches for first, one favourite from each corner of the shop.</p>", [], picks),
        ];
    }

    private static DemoProduct NewProduct(Random random, int number, string skuPrefix, string storeName, string currency,
        IReadOnlyList<string> brands, ProductLine line, string model, Material material, int index, string status)
    {
        var name = $"{material.Name} {model}";
        var colours = Pick(random, line.Colours, line.Sizes == SizeScale.Shoes || line.Shape == ProductShape.Tent ? random.Next(1, 3) : random.Next(2, 4));
        var sizes = line.Sizes switch
        {
            SizeScale.Apparel => ApparelSizes,
            SizeScale.Shoes => ShoeSizes,
            SizeScale.TentCapacity => TentSizes,
            SizeScale.TowelSet => TowelSets,
            _ => [],
        };
        var sizeName = line.Sizes switch
        {
            SizeScale.TentCapacity => "Capacity",
            SizeScale.TowelSet => "Pack",
            _ => "Size",
        };
        var options = new List<DemoOption> { new("Colour", colours) };
        if (sizes.Length > 0)
        {
            options.Add(new DemoOption(sizeName, sizes));
        }

        // Prices end in .99 (or ,99) like a shop's; larger sizes of tents and towel packs cost more.
        var price = ShopPrice(line.BasePrice * material.PriceFactor * (0.85 + random.NextDouble() * 0.4));
        var onSale = random.NextDouble() < 0.2;
        var variants = new List<DemoVariant>();
        foreach (var colour in colours)
        {
            foreach (var size in sizes.Length > 0 ? sizes.Cast<string?>() : [null])
            {
                var step = size is null ? 0 : Array.IndexOf(sizes, size);
                var variantPrice = line.Sizes is SizeScale.TentCapacity or SizeScale.TowelSet ? ShopPrice((price + 1) * (1 + 0.6 * step))
                    : size == "XL" ? price + 300
                    : price;
                var choice = new Dictionary<string, string> { ["Colour"] = colour };
                if (size is not null)
                {
                    choice[sizeName] = size;
                }

                var sku = $"{skuPrefix}-{number:D4}-{variants.Count + 1:D2}";
                variants.Add(new DemoVariant(
                    Sku: sku,
                    Title: string.Join(" / ", choice.Values),
                    Options: choice,
                    PriceAmount: variantPrice,
                    CompareAtPriceAmount: onSale ? ShopPrice(variantPrice * 1.25) : null,
                    CostAmount: (long)Math.Round(variantPrice * (0.38 + random.NextDouble() * 0.12)),
                    Currency: currency,
                    WeightGrams: (int)Math.Round(line.WeightGrams * (1 + 0.08 * step)),
                    Barcode: Ean13(number * 100 + variants.Count + 1, skuPrefix),
                    InitialStock: random.NextDouble() < 0.12 ? 0 : random.Next(2, 60)));
            }
        }

        // Mid-sentence, a composition starts in lower case, unless it starts with a name ("German steel").
        var composition = material.Composition.StartsWith("German", StringComparison.Ordinal)
            ? material.Composition
            : char.ToLowerInvariant(material.Composition[0]) + material.Composition[1..];
        var summary = line.Summaries[index % line.Summaries.Count].Replace("{model}", model.ToLowerInvariant(), StringComparison.Ordinal)
            .Replace("{composition}", composition, StringComparison.Ordinal);
        summary = Regex.Replace(summary, @"\bA (?=[aeiou])", "An ");
        var description = $"<p>{Html(summary)}</p><ul><li><strong>Material:</strong> {Html(material.Composition)}</li>" +
            $"<li><strong>Fit:</strong> {Html(line.Fit)}</li><li><strong>Care:</strong> {Html(material.Care)}</li></ul>";
        var tags = line.Tags.Append(material.Tag).Concat(onSale ? ["sale"] : []).Concat(index < 2 ? ["new"] : []).Distinct().ToList();
        var images = colours.Select(colour => new DemoImage(line.Shape, colour, CloseUp: false, $"{name} in {colour.ToLowerInvariant()}"))
            .Append(new DemoImage(line.Shape, colours[0], CloseUp: true, $"{name}, close-up of the {material.Name.ToLowerInvariant()}"))
            .ToList();
        return new DemoProduct(
            Slug: Slugify(name),
            Name: name,
            Description: description,
            Brand: brands[(number * 7 + index) % brands.Count],
            ProductType: line.ProductType,
            Tags: tags,
            SeoTitle: Clip($"{name} | {storeName}", 70),
            SeoDescription: Clip(summary, 160),
            Status: status,
            CategorySlugs: [line.Slug],
            Options: options,
            Variants: variants,
            Images: images);
    }

    private static IReadOnlyList<string> Pick(Random random, IReadOnlyList<string> from, int count) =>
        [.. from.OrderBy(_ => random.Next()).Take(count)];

    /// <summary>Whole units minus one minor unit: 2400 → 23.99 in the store's currency.</summary>
    private static long ShopPrice(double minorUnits) => Math.Max(99, (long)(Math.Round(minorUnits / 100) * 100) - 1);

    /// <summary>
    /// A valid EAN-13 in the 20–29 prefix range, which GS1 keeps for a store's own numbering: it never clashes
    /// with a real product's barcode.
    /// </summary>
    private static string Ean13(int serial, string storePrefix)
    {
        var digits = $"2{(storePrefix[0] - 'A') % 10}{serial:D10}";
        var sum = digits.Select((c, i) => (c - '0') * (i % 2 == 0 ? 1 : 3)).Sum();
        return digits + ((10 - sum % 10) % 10).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Escapes what HTML needs escaped and nothing more: "°C" and "m²" stay as they are.</summary>
    private static string Html(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..(text.LastIndexOf(' ', length - 1) is > 0 and var cut ? cut : length - 1)].TrimEnd(',', ';', ':') + "…";

    private static string Slugify(string text)
    {
        var chars = text.Normalize(System.Text.NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            .Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray();
        return string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
    }
}
