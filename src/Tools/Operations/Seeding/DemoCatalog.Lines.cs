namespace UnifiedCommerce.Operations.Seeding;

/// <summary>What a demo product looks like in its pictures: one illustration per shape (see ProductIllustrations).</summary>
public enum ProductShape
{
    TShirt,
    Hoodie,
    Jacket,
    Trousers,
    Dress,
    Leggings,
    Backpack,
    Tent,
    Boot,
    Beanie,
    Socks,
    Skillet,
    Knife,
    Lamp,
    Cushion,
    Towels,
}

/// <summary>How a line's variants differ besides colour.</summary>
public enum SizeScale
{
    None,
    Apparel,
    Shoes,
    TentCapacity,
    TowelSet,
}

/// <summary>What a product is made of: it names the product ("Merino Henley"), its care text and its price.</summary>
public sealed record Material(string Name, string Composition, string Care, double PriceFactor, string Tag);

/// <summary>
/// One kind of product in a category: the models it comes in, the materials, colours and sizes they are made in,
/// and the words that describe them. Products are the models crossed with the materials, so names and
/// descriptions always belong together.
/// </summary>
public sealed record ProductLine(
    string Slug,
    string Name,
    ProductShape Shape,
    string ProductType,
    int ProductCount,
    long BasePrice,
    int WeightGrams,
    SizeScale Sizes,
    IReadOnlyList<string> Models,
    IReadOnlyList<Material> Materials,
    IReadOnlyList<string> Colours,
    IReadOnlyList<string> Summaries,
    string Fit,
    IReadOnlyList<string> Tags);

public sealed record Branch(string Slug, string Name, IReadOnlyList<ProductLine> Lines);

/// <summary>The demo stores' assortments: an outdoor clothing shop (Acme) and a home goods shop (Globex).</summary>
public static class DemoAssortments
{
    private static readonly Material OrganicCotton = new("Organic Cotton", "100% organic cotton jersey, 180 g/m²", "Machine wash at 30 °C, inside out; line dry.", 1.0, "organic-cotton");
    private static readonly Material SlubCotton = new("Slub Cotton", "100% slub-knit cotton with a soft, uneven texture", "Machine wash at 30 °C; do not tumble dry.", 1.05, "cotton");
    private static readonly Material Merino = new("Merino", "100% merino wool, 17.5 micron, naturally odour resistant", "Hand wash or wool cycle at 30 °C; dry flat.", 1.8, "merino");
    private static readonly Material Linen = new("Linen", "55% linen, 45% cotton: cool and breathable", "Machine wash at 40 °C; iron while damp.", 1.3, "linen");
    private static readonly Material Fleece = new("Fleece", "Brushed-back fleece of 80% cotton and 20% recycled polyester", "Machine wash at 30 °C; tumble dry low.", 1.0, "fleece");
    private static readonly Material LoopbackCotton = new("Loopback", "Heavyweight loopback cotton, 400 g/m²", "Machine wash at 30 °C; dry flat to keep its shape.", 1.2, "cotton");
    private static readonly Material Waxed = new("Waxed Cotton", "Waxed cotton canvas that shrugs off showers", "Sponge clean; re-wax once a season.", 1.4, "waterproof");
    private static readonly Material Ripstop = new("Ripstop", "Recycled ripstop nylon with a durable water-repellent finish", "Machine wash at 30 °C; reproof with a spray-on treatment.", 1.1, "recycled");
    private static readonly Material Down = new("Down", "Recycled nylon shell filled with 700-fill responsibly sourced down", "Machine wash at 30 °C; tumble dry low with dryer balls.", 1.6, "insulated");
    private static readonly Material Canvas = new("Canvas", "12 oz organic cotton canvas", "Spot clean with a damp cloth.", 1.0, "organic-cotton");
    private static readonly Material Twill = new("Twill", "Cotton twill with 2% elastane for movement", "Machine wash at 40 °C; tumble dry low.", 1.0, "cotton");
    private static readonly Material Corduroy = new("Corduroy", "8-wale cotton corduroy", "Machine wash at 30 °C, inside out.", 1.15, "cotton");
    private static readonly Material Stretch = new("Stretch", "Nylon and elastane performance knit, four-way stretch", "Machine wash at 30 °C; do not tumble dry.", 1.0, "performance");
    private static readonly Material Recycled = new("Recycled", "Recycled polyester from post-consumer bottles", "Machine wash at 30 °C.", 0.95, "recycled");
    private static readonly Material Leather = new("Leather", "Full-grain leather upper, waterproof membrane, rubber outsole", "Brush off dirt; treat with leather balm.", 1.3, "leather");
    private static readonly Material Suede = new("Suede", "Water-resistant suede upper with a cushioned EVA midsole", "Brush when dry; use a suede protector.", 1.1, "suede");
    private static readonly Material Mesh = new("Mesh", "Breathable mesh upper with a grippy rubber outsole", "Rinse with cold water; air dry.", 0.9, "lightweight");
    private static readonly Material Wool = new("Wool", "Soft lambswool rib knit", "Hand wash cold; dry flat.", 1.2, "wool");
    private static readonly Material Cashmere = new("Cashmere", "100% Mongolian cashmere", "Hand wash cold with wool wash; dry flat.", 2.2, "cashmere");
    private static readonly Material CastIron = new("Cast Iron", "Pre-seasoned cast iron that only gets better with use", "Wash by hand, dry at once and oil lightly.", 1.0, "cast-iron");
    private static readonly Material Enamelled = new("Enamelled", "Cast iron with a chip-resistant enamel coat", "Dishwasher safe; hand washing keeps the enamel bright.", 1.4, "enamel");
    private static readonly Material Carbon = new("Carbon Steel", "Spun carbon steel, light and quick to heat", "Hand wash; keep seasoned.", 0.85, "carbon-steel");
    private static readonly Material Damascus = new("Damascus", "67-layer Damascus steel around a VG-10 core, HRC 60", "Hand wash and dry at once; hone often.", 1.8, "damascus");
    private static readonly Material Stainless = new("Stainless", "German X50CrMoV15 stainless steel, HRC 56", "Hand wash; hone weekly.", 1.0, "stainless");
    private static readonly Material Ceramic = new("Ceramic", "Glazed stoneware base with a linen shade", "Dust with a soft dry cloth.", 1.0, "ceramic");
    private static readonly Material Brass = new("Brass", "Solid brushed brass with a fabric shade", "Wipe with a dry cloth; brass darkens gracefully.", 1.5, "brass");
    private static readonly Material Rattan = new("Rattan", "Hand-woven rattan on a powder-coated steel frame", "Dust with a soft brush.", 1.2, "handmade");
    private static readonly Material Velvet = new("Velvet", "Cotton velvet cover with a feather insert", "Dry clean, or cool hand wash of the cover.", 1.3, "velvet");
    private static readonly Material LinenHome = new("Linen", "Stonewashed European linen cover with a feather insert", "Machine wash the cover at 40 °C.", 1.1, "linen");
    private static readonly Material Boucle = new("Bouclé", "Textured bouclé of wool and cotton with a feather insert", "Spot clean; dry clean the cover.", 1.2, "boucle");
    private static readonly Material Turkish = new("Turkish Cotton", "Long-staple Turkish cotton, 600 g/m²", "Machine wash at 40 °C; tumble dry low.", 1.0, "turkish-cotton");
    private static readonly Material Waffle = new("Waffle", "Quick-drying cotton waffle weave", "Machine wash at 40 °C.", 0.9, "waffle");
    private static readonly Material Bamboo = new("Bamboo", "60% bamboo viscose, 40% cotton: silky and absorbent", "Machine wash at 30 °C; no fabric softener.", 1.2, "bamboo");

    private static readonly string[] Earthy = ["Black", "Navy", "Forest", "Sand", "Rust", "Stone", "Olive", "Charcoal"];
    private static readonly string[] Bright = ["Black", "Navy", "Sky", "Plum", "Sage", "Terracotta", "Cream", "Stone"];
    private static readonly string[] Gear = ["Black", "Forest", "Ocean", "Rust", "Mustard", "Charcoal"];
    private static readonly string[] Kitchen = ["Black", "Ocean", "Terracotta", "Sage", "Cream", "Mustard"];
    private static readonly string[] Wood = ["Walnut", "Oak", "Black"];
    private static readonly string[] Home = ["Cream", "Sage", "Terracotta", "Ocean", "Mustard", "Plum", "Stone", "Charcoal"];

    public static readonly IReadOnlyList<Branch> Acme =
    [
        new Branch("men", "Men",
        [
            new ProductLine("men-t-shirts", "T-Shirts", ProductShape.TShirt, "T-Shirt", 18, 2400, 190, SizeScale.Apparel,
                ["Crew Tee", "Pocket Tee", "Henley", "V-Neck Tee", "Long-Sleeve Tee", "Raglan Tee"],
                [OrganicCotton, SlubCotton, Merino, Linen], Earthy,
                ["The {model} you reach for first: {composition}, cut a little longer in the back so it stays tucked.",
                 "A {model} for every day of the week, in {composition}. Shoulder seams sit forward so straps never rub.",
                 "Our best-selling {model}, made from {composition}. It keeps its shape wash after wash."],
                "Regular fit; true to size.", ["basics", "summer"]),
            new ProductLine("men-hoodies", "Hoodies", ProductShape.Hoodie, "Hoodie", 16, 5900, 620, SizeScale.Apparel,
                ["Pullover Hoodie", "Zip Hoodie", "Trail Hoodie", "Harbour Hoodie"],
                [Fleece, LoopbackCotton, Merino, Recycled], Earthy,
                ["The {model} in {composition}, with a double-lined hood and a roomy front pocket.",
                 "Made for cold mornings: a {model} of {composition} with ribbed cuffs that stay put.",
                 "A {model} that goes from trailhead to café, in {composition}."],
                "Relaxed fit; size down for a closer fit.", ["layering", "winter"]),
            new ProductLine("men-jackets", "Jackets", ProductShape.Jacket, "Jacket", 16, 12900, 780, SizeScale.Apparel,
                ["Field Jacket", "Rain Shell", "Puffer Jacket", "Chore Coat"],
                [Waxed, Ripstop, Down, Canvas], Earthy,
                ["The {model} in {composition}: taped seams, a storm flap and pockets that fit a map.",
                 "A {model} built for changeable weather, in {composition}, with an adjustable hem.",
                 "Our {model}, in {composition}. Room for a layer underneath, nothing flapping in the wind."],
                "Regular fit with room for a mid layer.", ["outerwear", "winter"]),
            new ProductLine("men-trousers", "Trousers", ProductShape.Trousers, "Trousers", 16, 6900, 520, SizeScale.Apparel,
                ["Chino", "Hiking Trouser", "Cargo Trouser", "Work Pant"],
                [Twill, Corduroy, Ripstop, Canvas], Earthy,
                ["The {model} in {composition}, with a gusseted crotch and a zip pocket for your keys.",
                 "A {model} you can climb a stile in: {composition}, articulated knees, tapered leg.",
                 "Our {model}, made from {composition}, with a hidden stretch waistband."],
                "Slim through the thigh, tapered below the knee.", ["basics"]),
        ]),
        new Branch("women", "Women",
        [
            new ProductLine("women-t-shirts", "T-Shirts", ProductShape.TShirt, "T-Shirt", 18, 2200, 170, SizeScale.Apparel,
                ["Boxy Tee", "Scoop-Neck Tee", "Crop Tee", "Ribbed Tee", "Long-Sleeve Tee", "Boat-Neck Tee"],
                [OrganicCotton, SlubCotton, Merino, Linen], Bright,
                ["The {model} in {composition}: dropped shoulders and a hem that sits just right over high-rise trousers.",
                 "A {model} in {composition} that works under a blazer and on its own.",
                 "Our favourite {model}, in {composition}. Soft from the first wear."],
                "Relaxed fit; true to size.", ["basics", "summer"]),
            new ProductLine("women-dresses", "Dresses", ProductShape.Dress, "Dress", 16, 7900, 340, SizeScale.Apparel,
                ["Wrap Dress", "Slip Dress", "Shirt Dress", "Midi Dress"],
                [Linen, OrganicCotton, SlubCotton, Recycled], Bright,
                ["The {model} in {composition}, with pockets deep enough for a phone.",
                 "A {model} of {composition} that packs flat and comes out without a crease.",
                 "Our {model}, cut from {composition}, falls just below the knee."],
                "Fitted at the waist, relaxed through the skirt.", ["summer", "occasion"]),
            new ProductLine("women-jackets", "Jackets", ProductShape.Jacket, "Jacket", 16, 13900, 720, SizeScale.Apparel,
                ["Trench Coat", "Rain Shell", "Puffer Jacket", "Quilted Jacket"],
                [Waxed, Ripstop, Down, Canvas], Bright,
                ["The {model} in {composition}, with a two-way zip and a hood that folds into the collar.",
                 "A {model} that handles a downpour, in {composition}.",
                 "Our {model}, made from {composition}, warm without the bulk."],
                "Regular fit with room for a knit underneath.", ["outerwear", "winter"]),
            new ProductLine("women-leggings", "Leggings", ProductShape.Leggings, "Leggings", 16, 4900, 230, SizeScale.Apparel,
                ["Studio Legging", "Trail Tight", "Run Legging", "Yoga Legging"],
                [Stretch, Recycled, Merino, OrganicCotton], Bright,
                ["The {model} in {composition}, high-rise with a pocket at the back of the waistband.",
                 "A squat-proof {model} of {composition} that moves with you.",
                 "Our {model}, in {composition}, with flat seams that never chafe."],
                "Second-skin fit; high rise.", ["performance"]),
        ]),
        new Branch("outdoor", "Outdoor",
        [
            new ProductLine("outdoor-backpacks", "Backpacks", ProductShape.Backpack, "Backpack", 16, 8900, 980, SizeScale.None,
                ["Daypack 20 L", "Commuter Pack 24 L", "Trek Pack 38 L", "Roll-Top Pack 28 L"],
                [Canvas, Ripstop, Waxed, Recycled], Gear,
                ["The {model} in {composition}, with a padded laptop sleeve and a stash pocket on top.",
                 "A {model} of {composition} that carries a full day out, with a ventilated back panel.",
                 "Our {model}, made from {composition}, with side pockets for two bottles."],
                "Fits torsos from 40 to 52 cm; adjustable sternum strap.", ["gear", "travel"]),
            new ProductLine("outdoor-tents", "Tents", ProductShape.Tent, "Tent", 12, 24900, 2400, SizeScale.TentCapacity,
                ["Ridge Tent", "Dome Tent", "Tunnel Tent", "Trekking Tent"],
                [Ripstop, Recycled, Canvas], Gear,
                ["The {model} in {composition}: pitches in five minutes, inner and fly together.",
                 "A {model} of {composition} with two porches, so the boots stay dry.",
                 "Our {model}, made from {composition}, with a 3000 mm hydrostatic head."],
                "Packed size 45 × 18 cm.", ["camping", "gear"]),
            new ProductLine("outdoor-footwear", "Footwear", ProductShape.Boot, "Boot", 16, 14900, 1150, SizeScale.Shoes,
                ["Hiking Boot", "Trail Shoe", "Approach Shoe", "Winter Boot"],
                [Leather, Suede, Mesh, Recycled], Gear,
                ["The {model} in {composition}, with a rocker sole that rolls you forward on long days.",
                 "A {model} of {composition} that grips on wet rock and does not need breaking in.",
                 "Our {model}, made with {composition}, with a heel counter that locks you in."],
                "True to size; wide toe box.", ["hiking", "waterproof"]),
        ]),
        new Branch("accessories", "Accessories",
        [
            new ProductLine("accessories-hats", "Hats", ProductShape.Beanie, "Hat", 16, 1900, 90, SizeScale.None,
                ["Cuffed Beanie", "Fisherman Beanie", "Pom Beanie", "Watch Cap"],
                [Wool, Merino, Cashmere, Recycled], Earthy,
                ["The {model} in {composition}, with a deep cuff that covers the ears.",
                 "A {model} of {composition} that keeps its shape after a season in a pocket.",
                 "Our {model}, knitted from {composition}."],
                "One size; stretches to fit.", ["winter", "gift"]),
            new ProductLine("accessories-socks", "Socks", ProductShape.Socks, "Socks", 14, 1200, 80, SizeScale.Apparel,
                ["Hiking Sock", "Everyday Sock", "Ski Sock", "Crew Sock"],
                [Merino, OrganicCotton, Wool, Recycled], Earthy,
                ["The {model} in {composition}, cushioned where the boot presses.",
                 "A {model} of {composition} with a seamless toe.",
                 "Our {model}, knitted from {composition}, with arch support that stays in place."],
                "S: EU 36–39, M: 40–42, L: 43–45, XL: 46–48.", ["basics", "gift"]),
        ]),
    ];

    public static readonly IReadOnlyList<Branch> Globex =
    [
        new Branch("kitchen", "Kitchen",
        [
            new ProductLine("kitchen-cookware", "Cookware", ProductShape.Skillet, "Skillet", 12, 4900, 2300, SizeScale.None,
                ["Skillet 24 cm", "Skillet 28 cm", "Sauté Pan 26 cm", "Grill Pan 26 cm"],
                [CastIron, Enamelled, Carbon], Kitchen,
                ["The {model} in {composition}: it sears, it bakes, it goes from hob to oven.",
                 "A {model} of {composition} with a helper handle for two-handed lifting.",
                 "Our {model}, made from {composition}, works on induction, gas and ceramic."],
                "Oven safe to 260 °C.", ["cookware", "induction"]),
            new ProductLine("kitchen-knives", "Knives", ProductShape.Knife, "Knife", 10, 7900, 240, SizeScale.None,
                ["Chef's Knife 20 cm", "Santoku 18 cm", "Paring Knife 9 cm", "Bread Knife 23 cm", "Utility Knife 15 cm"],
                [Damascus, Stainless], Wood,
                ["The {model} in {composition}, balanced at the bolster for precise cuts.",
                 "A {model} of {composition}, sharpened by hand to a 15° edge.",
                 "Our {model}, forged from {composition}, with a handle that fits every grip."],
                "Comes in a gift box with a blade guard.", ["knives", "gift"]),
        ]),
        new Branch("living", "Living",
        [
            new ProductLine("living-lamps", "Lamps", ProductShape.Lamp, "Lamp", 12, 8900, 2100, SizeScale.None,
                ["Table Lamp", "Bedside Lamp", "Reading Lamp", "Mushroom Lamp"],
                [Ceramic, Brass, Rattan], Home,
                ["The {model} in {composition}, with a warm dimmable glow for evenings.",
                 "A {model} of {composition} that fills a corner with soft light.",
                 "Our {model}, made from {composition}; E27 fitting, LED bulb included."],
                "Height 42 cm; 1.8 m fabric cable with inline switch.", ["lighting"]),
            new ProductLine("living-cushions", "Cushions", ProductShape.Cushion, "Cushion", 12, 2900, 650, SizeScale.None,
                ["Square Cushion 45 cm", "Lumbar Cushion 30 × 50 cm", "Floor Cushion 60 cm", "Piped Cushion 50 cm"],
                [Velvet, LinenHome, Boucle], Home,
                ["The {model} in {composition}, with a hidden zip.",
                 "A {model} of {composition} that plumps back after every nap.",
                 "Our {model}, made from {composition}, in a colour that goes with the sofa you have."],
                "Cover and insert included.", ["textiles"]),
        ]),
        new Branch("bath", "Bath",
        [
            new ProductLine("bath-towels", "Towels", ProductShape.Towels, "Towel Set", 12, 3900, 1800, SizeScale.TowelSet,
                ["Bath Towel Set", "Hand Towel Set", "Spa Towel Set", "Guest Towel Set"],
                [Turkish, Waffle, Bamboo], Home,
                ["The {model} in {composition}, thick and thirsty from the first wash.",
                 "A {model} of {composition} that dries quickly between showers.",
                 "Our {model}, woven from {composition}."],
                "Bath towel 70 × 140 cm, hand towel 50 × 90 cm.", ["bath", "textiles"]),
        ]),
    ];
}
