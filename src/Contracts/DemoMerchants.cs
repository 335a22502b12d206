namespace UnifiedCommerce.Contracts;

/// <summary>
/// The fixed identities of the seeded demo merchants. The Identity service owns merchants; until it exists these
/// ids are the shared, documented truth (README: "Demo merchants").
/// </summary>
public static class DemoMerchants
{
    public static readonly Guid Acme = Guid.Parse("a1f0c0de-0000-4000-8000-000000000001");
    public static readonly Guid Globex = Guid.Parse("b2f0c0de-0000-4000-8000-000000000002");
}
