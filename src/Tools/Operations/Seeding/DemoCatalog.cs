using Bogus;

namespace UnifiedCommerce.Operations.Seeding;

public sealed record DemoCategory(string Slug, string Name, string? ParentSlug, int SortOrder);

public sealed record DemoVariant(string Sku, string Title, IReadOnlyDictionary<string, string> Options, long PriceAmount, string Currency, int InitialStock);

public sealed record DemoProduct(string Slug, string Name, string Description, string CategorySlug, IReadOnlyList<DemoVariant> Variants);

public sealed record DemoMerchant(
    Guid Id, string Name, string Currency, IReadOnlyList<string> Hosts, IReadOnlyList<DemoCategory> Categories, IReadOnlyList<DemoProduct> Products);

/// <summary>
/// The demo merchants' catalogs, generated from a fixed seed: every run produces exactly the same products, so
/// seeding twice changes nothing.
/// </summary>
public static class DemoCatalog
{
    private sealed record Leaf(string Slug, string Name, string Noun, int ProductCount, long BasePrice, Func<Faker, IReadOnlyList<Dictionary<string, string>>> Options);

    private sealed record Branch(string Slug, string Name, IReadOnlyList<Leaf> Leaves);

    private static readonly string[] ApparelSizes = ["S", "M", "L", "XL"];
    private static readonly string[] ShoeSizes = ["40", "41", "42", "43", "44", "45"];

    /// <summary>
    /// A demo store's host as the local storefront serves it, port included (COMMERCE_STOREFRONT_PORT, 3000 by
    /// default): Identity sends shoppers back only to the exact addresses a store registered.
    /// </summary>
    private static string StorefrontHost(string name) => $"{name}:{Environment.GetEnvironmentVariable("COMMERCE_STOREFRONT_PORT") ?? "3000"}";

    public static IReadOnlyList<DemoMerchant> All() =>
    [
        Build(DemoMerchants.Acme, "Acme Outfitters", "USD", [StorefrontHost("localhost"), StorefrontHost("127.0.0.1")], 20261125,
        [
            new Branch("men", "Men",
            [
                new Leaf("men-t-shirts", "T-Shirts", "T-Shirt", 18, 2400, Apparel),
                new Leaf("men-hoodies", "Hoodies", "Hoodie", 16, 5900, Apparel),
                new Leaf("men-jackets", "Jackets", "Jacket", 16, 12900, Apparel),
                new Leaf("men-trousers", "Trousers", "Trousers", 16, 6900, Apparel),
            ]),
            new Branch("women", "Women",
            [
                new Leaf("women-t-shirts", "T-Shirts", "Tee", 18, 2200, Apparel),
                new Leaf("women-dresses", "Dresses", "Dress", 16, 7900, Apparel),
                new Leaf("women-jackets", "Jackets", "Jacket", 16, 13900, Apparel),
                new Leaf("women-leggings", "Leggings", "Leggings", 16, 4900, Apparel),
            ]),
            new Branch("outdoor", "Outdoor",
            [
                new Leaf("outdoor-backpacks", "Backpacks", "Backpack", 16, 8900, Colours),
                new Leaf("outdoor-tents", "Tents", "Tent", 14, 24900, Tents),
                new Leaf("outdoor-footwear", "Footwear", "Hiking Boot", 16, 14900, Shoes),
            ]),
            new Branch("accessories", "Accessories",
            [
                new Leaf("accessories-hats", "Hats", "Beanie", 16, 1900, Colours),
                new Leaf("accessories-socks", "Socks", "Socks", 14, 1200, Apparel),
            ]),
        ]),
        Build(DemoMerchants.Globex, "Globex Home", "EUR", [StorefrontHost("globex.localhost")], 19890101,
        [
            new Branch("kitchen", "Kitchen",
            [
                new Leaf("kitchen-cookware", "Cookware", "Skillet", 12, 4900, Colours),
                new Leaf("kitchen-knives", "Knives", "Chef's Knife", 10, 7900, Single),
            ]),
            new Branch("living", "Living",
            [
                new Leaf("living-lamps", "Lamps", "Lamp", 12, 8900, Colours),
                new Leaf("living-cushions", "Cushions", "Cushion", 12, 2900, Colours),
            ]),
            new Branch("bath", "Bath", [new Leaf("bath-towels", "Towels", "Towel Set", 12, 3900, Colours)]),
        ]),
    ];

    private static DemoMerchant Build(Guid merchantId, string name, string currency, IReadOnlyList<string> hosts, int seed, IReadOnlyList<Branch> branches)
    {
        var faker = new Faker("en") { Random = new Randomizer(seed) };
        var categories = new List<DemoCategory>();
        var products = new List<DemoProduct>();
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        var skuPrefix = name[..2].ToUpperInvariant();
        var branchOrder = 0;
        foreach (var branch in branches)
        {
            categories.Add(new DemoCategory(branch.Slug, branch.Name, null, branchOrder++));
            var leafOrder = 0;
            foreach (var leaf in branch.Leaves)
            {
                categories.Add(new DemoCategory(leaf.Slug, leaf.Name, branch.Slug, leafOrder++));
                for (var index = 0; index < leaf.ProductCount; index++)
                {
                    var productName = $"{faker.Commerce.ProductAdjective()} {faker.Commerce.ProductMaterial()} {leaf.Noun}";
                    var slug = Slugify(productName);
                    for (var suffix = 2; !slugs.Add(slug); suffix++)
                    {
                        slug = $"{Slugify(productName)}-{suffix}";
                    }

                    var price = RoundPrice(leaf.BasePrice * faker.Random.Double(0.7, 1.6));
                    var variants = leaf.Options(faker).Select((options, position) => new DemoVariant(
                        Sku: $"{skuPrefix}-{products.Count + 1:D4}-{position + 1:D2}",
                        Title: options.Count == 0 ? "Default" : string.Join(" / ", options.Values),
                        Options: options,
                        PriceAmount: options.TryGetValue("Size", out var size) && size is "XL" or "4-person" ? price + 500 : price,
                        Currency: currency,
                        InitialStock: faker.Random.Bool(0.15f) ? 0 : faker.Random.Int(1, 40))).ToList();
                    products.Add(new DemoProduct(slug, productName, faker.Commerce.ProductDescription(), leaf.Slug, variants));
                }
            }
        }

        return new DemoMerchant(merchantId, name, currency, hosts, categories, products);
    }

    private static IReadOnlyList<Dictionary<string, string>> Apparel(Faker faker)
    {
        var colours = faker.PickRandom(Palette, 2).ToList();
        return [.. from colour in colours from size in ApparelSizes select new Dictionary<string, string> { ["Colour"] = colour, ["Size"] = size }];
    }

    private static IReadOnlyList<Dictionary<string, string>> Colours(Faker faker) =>
        [.. faker.PickRandom(Palette, 3).Select(colour => new Dictionary<string, string> { ["Colour"] = colour })];

    private static IReadOnlyList<Dictionary<string, string>> Tents(Faker faker) =>
        [new() { ["Size"] = "2-person" }, new() { ["Size"] = "4-person" }];

    private static IReadOnlyList<Dictionary<string, string>> Shoes(Faker faker)
    {
        var colour = faker.PickRandom(Palette);
        return [.. ShoeSizes.Select(size => new Dictionary<string, string> { ["Colour"] = colour, ["Size"] = size })];
    }

    private static IReadOnlyList<Dictionary<string, string>> Single(Faker faker) => [new()];

    private static readonly string[] Palette = ["Black", "Navy", "Forest", "Sand", "Rust", "Stone", "Sky", "Plum"];

    private static long RoundPrice(double minorUnits) => (long)(Math.Round(minorUnits / 100) * 100) - 1;

    private static string Slugify(string text)
    {
        var chars = text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        return string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
    }
}
