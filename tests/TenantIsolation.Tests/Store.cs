using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using UnifiedCommerce.TestSupport;

namespace UnifiedCommerce.TenantIsolation.Tests;

public sealed record Shopper(Guid AccountId, string Email, string Name, string Phone, string AccessToken);

public sealed record CatalogCategory(Guid Id, string Slug, string Name);

public sealed record CatalogVariant(Guid Id, string Sku, string Title, int OnHand);

public sealed record CatalogProduct(
    Guid Id, string Slug, string Name, string Description, string CategorySlug, bool IsPublished, IReadOnlyList<CatalogVariant> Variants)
{
    public CatalogVariant Variant => Variants[0];

    /// <summary>The product's own data as a PUT /products/{slug} body: sending it changes nothing.</summary>
    public object AsInput(string currency) => new
    {
        name = Name,
        description = Description,
        categorySlug = CategorySlug,
        isPublished = IsPublished,
        variants = Variants.Select(v => new { sku = v.Sku, title = v.Title, options = new Dictionary<string, string> { ["Size"] = v.Title }, priceAmount = 2500L, currency }),
    };

    /// <summary>The same data as a GraphQL ProductInput (productCreate, productUpdate): sending it changes nothing.</summary>
    public object AsGraphInput(string currency) => new
    {
        slug = Slug,
        name = Name,
        description = Description,
        categorySlug = CategorySlug,
        status = IsPublished ? "ACTIVE" : "DRAFT",
        variants = Variants.Select(v => new { sku = v.Sku, title = v.Title, options = new[] { new { name = "Size", value = v.Title } }, priceAmount = 2500L, currency }),
    };
}

/// <summary>An image of one of the store's products.</summary>
public sealed record CatalogMedia(Guid Id, Guid ProductId, Guid VariantId, string Alt);
public sealed record CatalogCollection(Guid Id, string Slug, string Title);

public sealed record CustomRole(Guid Id, string Name, IReadOnlyList<string> Permissions);

public sealed record PendingInvitation(Guid Id, string Email);

public sealed record StaffMember(Guid AccountId, string Email, string RoleId);

/// <summary>
/// One merchant of the sweep with a credential of each kind (its API client holding every merchant permission, its
/// owner, a shopper signed up at its storefront) and data in every service. Every name, email, SKU and id it makes
/// is unique to it and recorded as a marker: a marker of merchant B in an answer to merchant A is a leak.
/// </summary>
public sealed class Store
{
    private const string ShopperPassword = "correct horse battery";
    private readonly SweptPlatform _platform;
    private readonly ConcurrentDictionary<string, string> _markers = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<Guid> _variantIds = [];
    private readonly ConcurrentBag<string> _drafts = [];

    private Store(SweptPlatform platform, string label, Guid id, string name, string origin)
    {
        _platform = platform;
        Label = label;
        Id = id;
        Name = name;
        Origin = origin;
        Mark(id, "merchant id");
        Mark(name, "merchant name");
        Mark(new Uri(origin).Host, "storefront host");
    }

    /// <summary>"A" or "B".</summary>
    public string Label { get; }
    public Guid Id { get; }
    public string Name { get; }
    public string Origin { get; }
    public string Currency { get; } = "USD";

    public string ClientToken { get; private set; } = null!;
    public StaffSession Owner { get; private set; } = null!;
    public Shopper Customer { get; private set; } = null!;
    public CatalogCategory Category { get; private set; } = null!;
    public CatalogProduct Product { get; private set; } = null!;

    /// <summary>An unpublished product: only the merchant's own staff and clients may see it (?status=any).</summary>
    public CatalogProduct Draft { get; private set; } = null!;

    /// <summary>An image of the published <see cref="Product"/>: its renditions are public at this store only.</summary>
    public CatalogMedia Media { get; private set; } = null!;
    /// <summary>A manual collection listing <see cref="Product"/>.</summary>
    public CatalogCollection Collection { get; private set; } = null!;
    public Guid LocationId { get; private set; }
    public CustomRole Role { get; private set; } = null!;
    public StaffMember StaffMember { get; private set; } = null!;
    public PendingInvitation Invitation { get; private set; } = null!;

    /// <summary>Every string that identifies this merchant's data, with what it is.</summary>
    public IReadOnlyDictionary<string, string> Markers => _markers;

    private PlatformIdentity Identity => _platform.Identity;

    /// <summary>Creates the merchant with a host name, its three kinds of credential and data in every service.</summary>
    public static async Task<Store> OpenAsync(SweptPlatform platform, string label)
    {
        var name = $"Store {label} {Tag(label)}";
        var (id, origin) = await platform.Identity.NewStoreAsync(name);
        var store = new Store(platform, label, id, name, origin);

        store.ClientToken = await platform.Identity.MerchantTokenAsync(id);
        store.Owner = await platform.Identity.OwnerOfAsync(id);
        store.Mark(store.Owner.AccountId, "owner's account id");
        store.Mark(store.Owner.Email, "owner's email");

        store.Category = await store.NewCategoryAsync();
        store.Product = await store.NewProductAsync();
        store.Draft = await store.NewProductAsync(published: false);
        store.Media = await store.NewMediaAsync(store.Product);
        store.Collection = await store.NewCollectionAsync();
        store.Customer = await store.NewCustomerAsync();
        store.Role = await store.NewRoleAsync();
        store.StaffMember = await store.NewStaffMemberAsync();
        store.Invitation = await store.NewInvitationAsync();

        using var locations = await platform.Inventory.SendWithTokenAsync(HttpMethod.Get, "/api/v1/locations", store.ClientToken);
        var location = (await ReadAsync(locations, "list locations"))!.AsArray().Single()!;
        store.LocationId = Guid.Parse((string)location["id"]!);
        store.Mark(store.LocationId, "location id");
        return store;
    }

    /// <summary>A random word unique to this run and merchant, so a marker can only come from this merchant's data.</summary>
    public static string Tag(string label) => $"{label.ToLowerInvariant()}{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5))}";

    public async Task<CatalogCategory> NewCategoryAsync()
    {
        var tag = Tag(Label);
        var slug = $"category-{tag}";
        using var response = await _platform.Catalog.SendWithTokenAsync(HttpMethod.Put, $"/api/v1/categories/{slug}", ClientToken, new { name = $"Category {tag}" });
        var body = await ReadAsync(response, $"create category {slug}");
        var category = new CatalogCategory(Guid.Parse((string)body!["id"]!), slug, $"Category {tag}");
        Mark(category.Id, "category id");
        Mark(category.Slug, "category slug");
        Mark(category.Name, "category name");
        return category;
    }

    /// <summary>A product with two variants in the store's category; a published one is counted in stock once Inventory has it.</summary>
    public async Task<CatalogProduct> NewProductAsync(bool published = true)
    {
        var tag = Tag(Label);
        var draft = new CatalogProduct(Guid.Empty, $"product-{tag}", $"Product {tag}", $"Description {tag}", Category.Slug, published,
            [new(Guid.Empty, $"SKU-{tag}-S", $"Small {tag}", StockMarker()), new(Guid.Empty, $"SKU-{tag}-L", $"Large {tag}", StockMarker())]);
        using var response = await _platform.Catalog.SendWithTokenAsync(HttpMethod.Put, $"/api/v1/products/{draft.Slug}", ClientToken, draft.AsInput(Currency));
        var body = (await ReadAsync(response, $"create product {draft.Slug}"))!;
        var variantIds = body["variants"]!.AsArray().ToDictionary(v => (string)v!["sku"]!, v => Guid.Parse((string)v!["id"]!));
        var product = draft with
        {
            Id = Guid.Parse((string)body["id"]!),
            Variants = [.. draft.Variants.Select(v => v with { Id = variantIds[v.Sku] })],
        };

        Mark(product.Id, "product id");
        Mark(product.Slug, "product slug");
        Mark(product.Name, "product name");
        Mark(product.Description, "product description");
        foreach (var variant in product.Variants)
        {
            Mark(variant.Id, "variant id");
            Mark(variant.Sku, "SKU");
            Mark(variant.Title, "variant title");
            if (!published)
            {
                continue;
            }

            Mark(variant.OnHand.ToString(System.Globalization.CultureInfo.InvariantCulture), "stock on hand");
            // Inventory learns of the variant from the catalog's event; then the stock take counts it.
            await Eventually.TrueAsync(async () =>
            {
                using var stock = await _platform.Inventory.SendWithTokenAsync(HttpMethod.Get, $"/api/v1/stock/{variant.Id}", ClientToken);
                return stock.StatusCode == HttpStatusCode.OK;
            }, $"stock of {variant.Sku} in Inventory");
            using var counted = await _platform.Inventory.SendWithTokenAsync(HttpMethod.Put, $"/api/v1/stock/{variant.Id}", ClientToken,
                new { productId = product.Id, sku = variant.Sku, onHand = variant.OnHand });
            await ReadAsync(counted, $"count stock of {variant.Sku}");
            _variantIds.Add(variant.Id);
        }

        if (published)
        {
            Mark(product.Variants.Sum(v => v.OnHand).ToString(System.Globalization.CultureInfo.InvariantCulture), "stock of a product");
        }
        else
        {
            // The list shows published products only; drafts are read back one by one.
            _drafts.Add(product.Slug);
        }

        return product;
    }

    /// <summary>After B deleted one of its drafts: the snapshot stops reading it back (its 404 carries a new trace id each time).</summary>
    public Task ForgetDraftAsync(CatalogProduct draft)
    {
        var kept = _drafts.Where(slug => slug != draft.Slug).ToList();
        _drafts.Clear();
        foreach (var slug in kept)
        {
            _drafts.Add(slug);
        }

        return Task.CompletedTask;
    }

    /// <summary>A PNG of one pixel: the smallest image an upload takes.</summary>
    public static byte[] TinyPng { get; } = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /// <summary>An image with alt text of its own, uploaded to the product (by default a fresh draft).</summary>
    public async Task<CatalogMedia> NewMediaAsync(CatalogProduct? product = null)
    {
        product ??= await NewProductAsync(published: false);
        var alt = $"Image {Tag(Label)}";
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/products/{product.Slug}/media");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ClientToken);
        request.Content = new MultipartFormDataContent { { new ByteArrayContent(TinyPng), "file", "image.png" }, { new StringContent(alt), "alt" } };
        using var response = await _platform.Catalog.Http.SendAsync(request);
        var media = new CatalogMedia(Guid.Parse((string)(await ReadAsync(response, $"upload an image of {product.Slug}"))!["id"]!), product.Id, product.Variant.Id, alt);
        Mark(media.Id, "media id");
        Mark(media.Alt, "media alt text");
        return media;
    }

    /// <summary>A manual collection listing the store's published product.</summary>
    public async Task<CatalogCollection> NewCollectionAsync()
    {
        var tag = Tag(Label);
        var body = await GraphAsync($"create collection {tag}",
            "mutation($input: CollectionInput!) { collectionCreate(input: $input) { id slug title } }",
            new { input = new { slug = $"collection-{tag}", title = $"Collection {tag}", kind = "MANUAL", productIds = new[] { Product.Id } } });
        var created = body["collectionCreate"]!;
        var collection = new CatalogCollection(Guid.Parse((string)created["id"]!), (string)created["slug"]!, (string)created["title"]!);
        Mark(collection.Id, "collection id");
        Mark(collection.Slug, "collection slug");
        Mark(collection.Title, "collection title");
        return collection;
    }

    /// <summary>The CSV of a product import: one row, the store's product as it is (a dry run of it changes nothing).</summary>
    public string ImportCsv() =>
        $"Handle,Title,Variant SKU,Variant Price,Currency\r\n{Product.Slug},{Product.Name},{Product.Variant.Sku},2500,{Currency}\r\n";

    /// <summary>A dry-run import job of the store (made once, on first use).</summary>
    public async Task<Guid> ImportJobAsync()
    {
        if (_importJob is { } known)
        {
            return known;
        }

        // The job shows its file's name: a marker of this store that no caller sends.
        var fileName = $"products-{Tag(Label)}.csv";
        Mark(fileName, "import file name");
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(ImportCsv())), "file", fileName },
            { new StringContent("dry-run"), "mode" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/imports") { Content = form };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ClientToken);
        using var response = await _platform.Catalog.Http.SendAsync(request);
        var body = (await ReadAsync(response, "start an import"))!;
        _importJob = Guid.Parse((string)body["id"]!);
        Mark(_importJob.Value, "import job id");
        return _importJob.Value;
    }

    private Guid? _importJob;

    private async Task<JsonNode> GraphAsync(string what, string query, object variables)
    {
        using var response = await _platform.Catalog.SendWithTokenAsync(HttpMethod.Post, "/graphql", ClientToken, new { query, variables });
        var body = (await ReadAsync(response, what))!;
        if (body["errors"] is JsonArray { Count: > 0 } errors)
        {
            throw new InvalidOperationException($"Could not {what}: {errors.ToJsonString()}");
        }

        return body["data"]!;
    }

    /// <summary>A fresh draft, archived: what productRestore and the REST restore act on.</summary>
    public async Task<CatalogProduct> NewArchivedProductAsync()
    {
        var product = await NewProductAsync(published: false);
        using var response = await _platform.Catalog.SendWithTokenAsync(HttpMethod.Post, $"/api/v1/products/{product.Slug}/archive", ClientToken);
        await ReadAsync(response, $"archive product {product.Slug}");
        return product;
    }

    /// <summary>A shopper signed up and confirmed at the storefront, whose profile (with a phone) has reached Customers.</summary>
    public async Task<Shopper> NewCustomerAsync()
    {
        var tag = Tag(Label);
        var email = $"shopper-{tag}@example.com";
        var name = $"Shopper {tag}";
        var storefront = Identity.StorefrontOf(Origin);
        using var browser = Identity.NewBrowser();
        var tokens = await storefront.SignUpAsync(browser, email, ShopperPassword, name);
        var access = new JsonWebToken((string)tokens["access_token"]!);
        var shopper = new Shopper(Guid.Parse(access.Subject), email, name, PhoneMarker(), access.EncodedToken);

        await Eventually.TrueAsync(async () =>
        {
            using var profile = await _platform.Customers.SendWithTokenAsync(HttpMethod.Get, "/api/v1/profile", shopper.AccessToken);
            return profile.StatusCode == HttpStatusCode.OK;
        }, $"the profile of {email} in Customers");
        using var phone = await _platform.Customers.SendWithTokenAsync(HttpMethod.Put, "/api/v1/profile", shopper.AccessToken, new { name, phone = shopper.Phone });
        await ReadAsync(phone, $"set the phone of {email}");

        Mark(shopper.AccountId, "customer's account id");
        Mark(shopper.Email, "customer's email");
        Mark(shopper.Name, "customer's name");
        Mark(shopper.Phone, "customer's phone");
        return shopper;
    }

    /// <summary>Waits until Customers has removed the profile of a deleted account (Identity's event).</summary>
    public Task ProfileGoneAsync(Shopper shopper) =>
        Eventually.TrueAsync(async () =>
        {
            using var response = await _platform.Customers.SendWithTokenAsync(HttpMethod.Get, $"/api/v1/customers/{shopper.AccountId}", ClientToken);
            return response.StatusCode == HttpStatusCode.NotFound;
        }, $"the profile of {shopper.Email} removed from Customers");

    public async Task<CustomRole> NewRoleAsync()
    {
        var name = $"Role {Tag(Label)}";
        string[] permissions = ["products:read", "inventory:read"];
        var id = await Identity.DefineRoleAsync(Owner, name, permissions);
        var role = new CustomRole(Guid.Parse(id), name, permissions);
        Mark(role.Id, "custom role id");
        Mark(role.Name, "custom role name");
        return role;
    }

    /// <summary>A staff member in the store's custom role, joined through an emailed invitation.</summary>
    public async Task<StaffMember> NewStaffMemberAsync()
    {
        var email = $"staff-{Tag(Label)}@example.com";
        var session = await Identity.InviteAsync(Owner, Role.Id.ToString(), email);
        var member = new StaffMember(session.AccountId, email, Role.Id.ToString());
        Mark(member.AccountId, "staff member's account id");
        Mark(member.Email, "staff member's email");
        return member;
    }

    /// <summary>Another owner of the store: a person whose own account a test may change or delete.</summary>
    public async Task<StaffSession> NewOwnerAsync()
    {
        var email = $"owner-{Tag(Label)}@example.com";
        var session = await Identity.InviteAsync(Owner, "owner", email);
        Mark(session.AccountId, "owner's account id");
        Mark(email, "owner's email");
        return session;
    }

    public async Task<PendingInvitation> NewInvitationAsync()
    {
        var email = $"invitee-{Tag(Label)}@example.com";
        using var response = await Identity.Process.SendWithTokenAsync(HttpMethod.Post, "/api/v1/staff/invitations", Owner.AccessToken, new { email, roleId = "staff" });
        var invitation = new PendingInvitation(Guid.Parse((string)(await ReadAsync(response, $"invite {email}"))!["id"]!), email);
        Mark(invitation.Id, "invitation id");
        Mark(invitation.Email, "invitee's email");
        return invitation;
    }

    /// <summary>
    /// Everything of the store that any operation could change, read with the store's own credentials: catalog,
    /// stock of every variant, locations, customers, the shopper's profile and account, staff and invitations,
    /// roles, the security log, the owner's memberships and the merchant itself. Equal snapshots: nothing changed.
    /// </summary>
    public async Task<IReadOnlyList<(string Part, string Content)>> SnapshotAsync()
    {
        var identity = Identity.Process;
        var reads = new List<(string Part, Task<string> Content)>
        {
            ("catalog products", ContentAsync(_platform.Catalog, "/api/v1/products?first=100", ClientToken)),
            ("catalog categories", ContentAsync(_platform.Catalog, "/api/v1/categories", ClientToken)),
            ("inventory locations", ContentAsync(_platform.Inventory, "/api/v1/locations", ClientToken)),
            ("customers", ContentAsync(_platform.Customers, "/api/v1/customers?first=100", ClientToken)),
            ("the customer's profile", ContentAsync(_platform.Customers, "/api/v1/profile", Customer.AccessToken)),
            ("the customer's account", ContentAsync(identity, "/api/v1/account", Customer.AccessToken)),
            ("staff and invitations", ContentAsync(identity, "/api/v1/staff", Owner.AccessToken)),
            ("roles", ContentAsync(identity, "/api/v1/roles", Owner.AccessToken)),
            ("security events", ContentAsync(identity, $"/api/v1/security-events?limit={100}", Owner.AccessToken)),
            ("the owner's memberships", ContentAsync(identity, "/api/v1/account/memberships", Owner.AccessToken)),
            ("the merchant", ContentAsync(identity, $"/api/v1/merchants/{Id}", await Identity.OperatorTokenAsync())),
        };
        reads.Add(("catalog media", CatalogGraphAsync(
            "{ adminProducts(first: 100) { nodes { id media { id alt position width height } variants { id image { id } } } } }")));
        reads.Add(("catalog collections", GraphContentAsync(
            "{ collections(first: 100) { nodes { id slug title description kind version products(first: 100, includeUnpublished: true) { nodes { id } } } } }")));
        reads.AddRange(_drafts.Order(StringComparer.Ordinal).Select(slug => ($"draft {slug}", ContentAsync(_platform.Catalog, $"/api/v1/products/{slug}?status=any", ClientToken))));
        reads.AddRange(_variantIds.Order().Select(id => ($"stock of variant {id}", ContentAsync(_platform.Inventory, $"/api/v1/stock/{id}", ClientToken))));
        await Task.WhenAll(reads.Select(read => read.Content));
        return [.. reads.Select(read => (read.Part, read.Content.Result))];
    }

    private async Task<string> CatalogGraphAsync(string query)
    {
        using var response = await _platform.Catalog.SendWithTokenAsync(HttpMethod.Post, "/graphql", ClientToken, new { query });
        return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
    }

    private static async Task<string> ContentAsync(ServiceProcess service, string path, string token)
    {
        using var response = await service.SendWithTokenAsync(HttpMethod.Get, path, token);
        return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
    }

    private async Task<string> GraphContentAsync(string query)
    {
        using var response = await _platform.Catalog.SendWithTokenAsync(HttpMethod.Post, "/graphql", ClientToken, new { query });
        return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
    }

    private void Mark(object value, string what) => _markers.TryAdd(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!, $"{Label}'s {what}");

    /// <summary>Six digits: no id, price or time stamp of another store has this number standing alone.</summary>
    private static int StockMarker() => RandomNumberGenerator.GetInt32(100_000, 1_000_000);

    private static string PhoneMarker() => $"030 {RandomNumberGenerator.GetInt32(1_000_000, 10_000_000)}";

    private static async Task<JsonNode?> ReadAsync(HttpResponseMessage response, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Could not {what}: {(int)response.StatusCode} {text}");
        }

        return text.Length == 0 ? null : JsonNode.Parse(text);
    }
}
