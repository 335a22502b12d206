using static UnifiedCommerce.TenantIsolation.Tests.Credential;

namespace UnifiedCommerce.TenantIsolation.Tests;

/// <summary>
/// The sweep's registry: for every operation of the platform, how to call it with merchant B's ids and data, and
/// which of B's credentials owns it. The sweep enumerates the operations from the supergraph, the subgraphs' SDL
/// and each service's OpenAPI document; an operation with no row here fails the sweep until it gets one.
/// `b` is merchant B; `await b.New…Async()` makes fresh B data for a call that changes or removes what it names.
/// </summary>
public static class SweepCases
{
    private const string ShopperPassword = "correct horse battery";

    public static readonly IReadOnlyList<SweepCase> All =
    [
        // Supergraph fields, through the gateway ------------------------------------------------------------------
        Graph("Query.products",            ApiClient, b => Args(("categorySlug", b.Category.Slug))),
        Graph("Query.product",             ApiClient, b => Args(("slug", b.Product.Slug))),
        Graph("Query.adminProduct",        ApiClient, b => Args(("id", b.Draft.Id))),
        Graph("Query.adminProducts",       ApiClient, _ => Args()),
        Graph("Query.categories",          ApiClient, _ => Args()),
        Graph("Query.category",            ApiClient, b => Args(("slug", b.Category.Slug))),
        Graph("Query.collection",          ApiClient, b => Args(("slug", b.Collection.Slug))),
        Graph("Query.collections",         ApiClient, _ => Args(("first", 1))),
        // The rules name B's product by its title: A's preview counts A's products only.
        Graph("Query.collectionRulesPreview", ApiClient, b => Args(("rules", new { match = "ALL", conditions = new[] { new { field = "TITLE", @operator = "CONTAINS", value = b.Product.Name } } }))),
        Graph("Query.importJob",           ApiClient, async b => Args(("id", await b.ImportJobAsync()))),
        Graph("Query.myProfile",           Customer,  _ => Args()),
        Graph("Query.customers",           ApiClient, _ => Args()),
        Graph("Query.customer",            ApiClient, b => Args(("id", b.Customer.AccountId))),
        Graph("Query.inventoryLocations",  ApiClient, _ => Args()),
        // Catalog mutations name B's products by id: A's callers must find none of them (NOT_FOUND) and change nothing.
        Graph("Mutation.productCreate",    ApiClient, async b => Args(("input", (await b.NewProductAsync(published: false)).AsGraphInput(b.Currency)))),
        Graph("Mutation.productUpdate",    ApiClient, async b =>
        {
            var product = await b.NewProductAsync(published: false);
            return Args(("id", product.Id), ("version", 1L), ("input", product.AsGraphInput(b.Currency)));
        }),
        Graph("Mutation.productArchive",   ApiClient, async b => Args(("id", (await b.NewProductAsync(published: false)).Id))),
        Graph("Mutation.productRestore",   ApiClient, async b => Args(("id", (await b.NewArchivedProductAsync()).Id))),
        Graph("Mutation.productDelete",    ApiClient, async b =>
        {
            var draft = await b.NewProductAsync(published: false);
            return Args(("id", draft.Id)).Then(() => b.ForgetDraftAsync(draft));
        }),
        Graph("Mutation.productsBulk",     ApiClient, async b => Args(("action", "ARCHIVE"), ("ids", new[] { (await b.NewProductAsync(published: false)).Id }))),
        Graph("Mutation.productMediaUpdate", ApiClient, async b => Args(("id", (await b.NewMediaAsync()).Id), ("alt", "Changed by its merchant"))),
        Graph("Mutation.productMediaReorder", ApiClient, async b =>
        {
            var media = await b.NewMediaAsync();
            return Args(("productId", media.ProductId), ("mediaIds", new[] { media.Id.ToString() }));
        }),
        Graph("Mutation.productMediaDelete", ApiClient, async b => Args(("id", (await b.NewMediaAsync()).Id))),
        Graph("Mutation.productVariantImageSet", ApiClient, async b =>
        {
            var media = await b.NewMediaAsync();
            return Args(("variantId", media.VariantId), ("mediaId", media.Id));
        }),
        // Category and collection edits name B's ids: A's callers find none of them (NOT_FOUND), or B's products
        // to list in A's own collection (BAD_USER_INPUT, nothing made).
        Graph("Mutation.categoryCreate",   ApiClient, b => Args(("input", new { name = $"Category {Store.Tag(b.Label)}", parentId = b.Category.Id }))),
        Graph("Mutation.categoryUpdate",   ApiClient, async b =>
        {
            var category = await b.NewCategoryAsync();
            return Args(("id", category.Id), ("input", new { name = category.Name }));
        }),
        Graph("Mutation.categoryMove",     ApiClient, async b => Args(("id", (await b.NewCategoryAsync()).Id), ("parentId", b.Category.Id), ("position", 0))),
        Graph("Mutation.categoryDelete",   ApiClient, async b => Args(("id", (await b.NewCategoryAsync()).Id), ("productsTo", b.Category.Id))),
        Graph("Mutation.collectionCreate", ApiClient, b => Args(("input", new { slug = $"collection-{Store.Tag(b.Label)}", title = "New", kind = "MANUAL", productIds = new[] { b.Product.Id } }))),
        Graph("Mutation.collectionUpdate", ApiClient, async b =>
        {
            var collection = await b.NewCollectionAsync();
            return Args(("id", collection.Id), ("version", 1L), ("input", new { title = collection.Title }));
        }),
        Graph("Mutation.collectionDelete", ApiClient, async b => Args(("id", (await b.NewCollectionAsync()).Id))),
        Graph("Mutation.collectionProductsAdd", ApiClient, async b => Args(("id", (await b.NewCollectionAsync()).Id), ("productIds", new[] { b.Draft.Id }))),
        Graph("Mutation.collectionProductsRemove", ApiClient, async b => Args(("id", (await b.NewCollectionAsync()).Id), ("productIds", new[] { b.Product.Id }))),
        Graph("Mutation.collectionProductsReorder", ApiClient, async b => Args(("id", (await b.NewCollectionAsync()).Id), ("productIds", new[] { b.Product.Id }))),
        Graph("Mutation.updateMyProfile",  Customer,  async b =>
        {
            var shopper = await b.NewCustomerAsync();
            return Args(("input", new { name = shopper.Name, phone = shopper.Phone })).By(shopper.AccessToken);
        }),
        Graph("Mutation.updateCustomer",   ApiClient, async b =>
        {
            var shopper = await b.NewCustomerAsync();
            return Args(("id", shopper.AccountId), ("input", new { name = shopper.Name, phone = shopper.Phone }));
        }),

        // Entity lookups, straight at the subgraph that resolves them ---------------------------------------------
        // Catalog entities are looked up by B's draft: A must see nothing of it, B's own client (products:read) must.
        Graph("Entity catalog.Product",          ApiClient, b => Key(b.Draft.Id)),
        Graph("Entity catalog.Category",         ApiClient, b => Key(b.Category.Id)),
        Graph("Entity catalog.ProductVariant",   ApiClient, b => Key(b.Draft.Variant.Id)),
        Graph("Entity inventory.Product",        ApiClient, b => Key(b.Product.Id)),
        Graph("Entity inventory.ProductVariant", ApiClient, b => Key(b.Product.Variant.Id)),
        Graph("Entity customers.Customer",       ApiClient, b => Key(b.Customer.AccountId)),

        // Catalog REST --------------------------------------------------------------------------------------------
        Rest("GET catalog /api/v1/products",              ApiClient, b => Call($"/api/v1/products?category={b.Category.Slug}")),
        Rest("GET catalog /api/v1/products/{slug}",       ApiClient, b => Call($"/api/v1/products/{b.Draft.Slug}?status=any")),
        Rest("PUT catalog /api/v1/products/{slug}",       ApiClient, async b =>
        {
            var product = await b.NewProductAsync();
            return Call($"/api/v1/products/{product.Slug}", product.AsInput(b.Currency));
        }),
        Rest("POST catalog /api/v1/products/{slug}/archive", ApiClient, async b => Call($"/api/v1/products/{(await b.NewProductAsync(published: false)).Slug}/archive")),
        Rest("POST catalog /api/v1/products/{slug}/restore", ApiClient, async b => Call($"/api/v1/products/{(await b.NewArchivedProductAsync()).Slug}/restore")),
        Rest("DELETE catalog /api/v1/products/{slug}",    ApiClient, async b =>
        {
            var draft = await b.NewProductAsync(published: false);
            return Call($"/api/v1/products/{draft.Slug}").Then(() => b.ForgetDraftAsync(draft));
        }),
        Rest("POST catalog /api/v1/products/bulk",        ApiClient, async b =>
            Call("/api/v1/products/bulk", new { action = "archive", ids = new[] { (await b.NewProductAsync(published: false)).Id } })),
        Rest("POST catalog /api/v1/products/{slug}/media", ApiClient, async b => new SweepCall
        {
            Path = $"/api/v1/products/{(await b.NewProductAsync(published: false)).Slug}/media",
            Form = [new("file", "", "image.png", Store.TinyPng), new("alt", "Uploaded by its merchant")],
        }),
        // The renditions answer with image bytes: any success of A's callers is a leak, whatever it shows.
        Rest("GET catalog /media/{mediaId}/{rendition}",  ApiClient, b => new SweepCall { Path = $"/media/{b.Media.Id}/160.webp", AnswersWithBytes = true }),
        Rest("GET catalog /api/v1/admin/products",        ApiClient, b => Call($"/api/v1/admin/products?search={Uri.EscapeDataString(b.Draft.Name)}")),
        Rest("GET catalog /api/v1/categories",            ApiClient, _ => Call("/api/v1/categories")),
        Rest("PUT catalog /api/v1/categories/{slug}",     ApiClient, async b =>
        {
            var category = await b.NewCategoryAsync();
            return Call($"/api/v1/categories/{category.Slug}", new { name = category.Name });
        }),

        // A dry run of B's own product as it is: A's import of it is A's own (and writes nothing), B's changes nothing.
        Rest("POST catalog /api/v1/imports",              ApiClient, b => new SweepCall
        {
            Path = "/api/v1/imports",
            Form = [new("file", b.ImportCsv(), "products.csv"), new("mode", "dry-run")],
        }),
        Rest("GET catalog /api/v1/imports/{id}",          ApiClient, async b => Call($"/api/v1/imports/{await b.ImportJobAsync()}")),
        Rest("GET catalog /api/v1/exports/products.csv",  ApiClient, b => Call($"/api/v1/exports/products.csv?category={b.Category.Slug}")),

        // Inventory REST ------------------------------------------------------------------------------------------
        Rest("GET inventory /api/v1/stock/{variantId}",   ApiClient, b => Call($"/api/v1/stock/{b.Product.Variant.Id}")),
        Rest("PUT inventory /api/v1/stock/{variantId}",   ApiClient, async b =>
        {
            var product = await b.NewProductAsync();
            return Call($"/api/v1/stock/{product.Variant.Id}", new { productId = product.Id, sku = product.Variant.Sku, onHand = product.Variant.OnHand });
        }),
        Rest("GET inventory /api/v1/locations",           ApiClient, _ => Call("/api/v1/locations")),

        // Customers REST ------------------------------------------------------------------------------------------
        Rest("GET customers /api/v1/profile",             Customer,  _ => Call("/api/v1/profile")),
        Rest("PUT customers /api/v1/profile",             Customer,  async b =>
        {
            var shopper = await b.NewCustomerAsync();
            return Call("/api/v1/profile", new { name = shopper.Name, phone = shopper.Phone }).By(shopper.AccessToken);
        }),
        Rest("GET customers /api/v1/customers",           ApiClient, _ => Call("/api/v1/customers")),
        Rest("GET customers /api/v1/customers/{customerId}", ApiClient, b => Call($"/api/v1/customers/{b.Customer.AccountId}")),
        Rest("PUT customers /api/v1/customers/{customerId}", ApiClient, async b =>
        {
            var shopper = await b.NewCustomerAsync();
            return Call($"/api/v1/customers/{shopper.AccountId}", new { name = shopper.Name, phone = shopper.Phone });
        }),

        // Identity REST: staff, roles, security log, a person's own account ----------------------------------------
        Rest("GET identity /api/v1/staff",                Owner,     _ => Call("/api/v1/staff")),
        Rest("POST identity /api/v1/staff/invitations",   Owner,     b => Call("/api/v1/staff/invitations", new { email = $"invitee-{Store.Tag(b.Label)}@example.com", roleId = b.Role.Id })),
        Rest("DELETE identity /api/v1/staff/invitations/{id}", Owner, async b => Call($"/api/v1/staff/invitations/{(await b.NewInvitationAsync()).Id}")),
        Rest("PUT identity /api/v1/staff/{accountId}/role", Owner,   b => Call($"/api/v1/staff/{b.StaffMember.AccountId}/role", new { roleId = b.StaffMember.RoleId })),
        Rest("DELETE identity /api/v1/staff/{accountId}", Owner,     async b => Call($"/api/v1/staff/{(await b.NewStaffMemberAsync()).AccountId}")),
        Rest("GET identity /api/v1/roles",                Owner,     _ => Call("/api/v1/roles")),
        Rest("POST identity /api/v1/roles",               Owner,     b => Call("/api/v1/roles", new { name = $"Role {Store.Tag(b.Label)}", permissions = new[] { "products:read" } })),
        Rest("PUT identity /api/v1/roles/{id}",           Owner,     async b =>
        {
            var role = await b.NewRoleAsync();
            return Call($"/api/v1/roles/{role.Id}", new { name = role.Name, permissions = role.Permissions });
        }),
        Rest("DELETE identity /api/v1/roles/{id}",        Owner,     async b => Call($"/api/v1/roles/{(await b.NewRoleAsync()).Id}")),
        Rest("GET identity /api/v1/security-events",      Owner,     _ => Call("/api/v1/security-events")),
        Rest("GET identity /api/v1/account/memberships",  Owner,     _ => Call("/api/v1/account/memberships")),
        Rest("GET identity /api/v1/account",              Customer,  _ => Call("/api/v1/account")),
        Rest("POST identity /api/v1/account/password",    Customer,  async b =>
        {
            var shopper = await b.NewCustomerAsync();
            return Call("/api/v1/account/password", new { currentPassword = ShopperPassword, newPassword = "another horse battery" }).By(shopper.AccessToken);
        }) with { ActsOnTheCallersOwnAccount = true },
        Rest("DELETE identity /api/v1/account",           Customer,  async b =>
        {
            var shopper = await b.NewCustomerAsync();
            return Call("/api/v1/account").By(shopper.AccessToken).Then(() => b.ProfileGoneAsync(shopper));
        }) with { ActsOnTheCallersOwnAccount = true },
    ];

    /// <summary>Operations that belong to no merchant, so no merchant's credential owns them; each is checked by the tests named.</summary>
    public static readonly IReadOnlyList<Exclusion> Excluded =
    [
        .. new[]
        {
            "GET identity /api/v1/merchants/{id}",
            "PUT identity /api/v1/merchants/{id}",
            "POST identity /api/v1/merchants/{id}/suspend",
            "POST identity /api/v1/merchants/{id}/reactivate",
            "POST identity /api/v1/merchants/{id}/api-clients",
            "DELETE identity /api/v1/merchants/{id}/api-clients/{clientId}",
            "POST identity /api/v1/merchants/{id}/invitations",
        }.Select(operation => new Exclusion(operation,
            "The platform operators' merchant administration (platform:administer): no merchant's credential may call it, not even for its own store.",
            "Identity.Tests: OperatorAccessTests (A_merchants_own_client_cannot_administer_merchants_not_even_its_own, Without_a_token_merchant_administration_is_refused_and_nothing_changes), ManagingMerchantsTests")),
        new("POST identity /connect/token",
            "OAuth protocol: issues a client or person its own tokens, for its own merchant; it reads no merchant's data by id.",
            "Identity.Tests: IssuingTokensTests (Clients_are_refused_for_unknown_merchants_and_unknown_permissions, A_client_may_ask_for_less_but_never_for_more_than_it_was_granted), OperatorAccessTests.The_operators_token_carries_no_merchant_and_a_merchant_client_cannot_ask_for_the_platform_permission"),
        new("GET identity /connect/authorize",
            "OAuth protocol: signs a person in at the store of the client's redirect; an account of one store is a stranger at another.",
            "Identity.Tests: ShopperAccountsTests.The_same_address_at_two_stores_is_two_unrelated_accounts, ManagingStaffTests.A_person_working_for_two_merchants_switches_between_them"),
        new("GET identity /connect/endsession",
            "OAuth protocol: ends the caller's own sign-in session.",
            "Admin.Tests: StaffSessionTests.Signing_out_revokes_the_session_and_ends_Identitys_too"),
        new("Query.storefrontChannel",
            "Anonymous lookup of the store behind a host name, made before anyone signs in: the public face of every store.",
            "Identity.Tests: ManagingMerchantsTests (A_new_merchant_is_found_by_each_of_its_host_names, An_unknown_host_belongs_to_no_store)"),
        new("Entity identity.Merchant",
            "The same public store entry as storefrontChannel (name, currency, open or suspended), looked up by the merchant's id.",
            "TenantIsolation.Tests: StoreDirectoryTests.A_store_looked_up_by_id_shows_no_more_than_its_storefront_shows_anyone"),
    ];

    private static SweepCase Graph(string operation, Credential ownedBy, Func<Store, SweepCall> call) => new(operation, ownedBy, b => Task.FromResult(call(b)));

    private static SweepCase Graph(string operation, Credential ownedBy, Func<Store, Task<SweepCall>> call) => new(operation, ownedBy, call);

    private static SweepCase Rest(string operation, Credential ownedBy, Func<Store, SweepCall> call) => new(operation, ownedBy, b => Task.FromResult(call(b)));

    private static SweepCase Rest(string operation, Credential ownedBy, Func<Store, Task<SweepCall>> call) => new(operation, ownedBy, call);

    private static SweepCall Args(params (string Name, object? Value)[] arguments) =>
        new() { Arguments = arguments.ToDictionary(a => a.Name, a => a.Value is Guid id ? id.ToString() : a.Value) };

    /// <summary>An entity's key: every entity of the platform is keyed by its id.</summary>
    private static SweepCall Key(Guid id) => Args(("id", id));

    private static SweepCall Call(string path, object? body = null) => new() { Path = path, Body = body };
}
