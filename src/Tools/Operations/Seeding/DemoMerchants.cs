namespace UnifiedCommerce.Operations.Seeding;

/// <summary>
/// The fixed identities of the seeded demo merchants, documented in the README ("Demo merchants"), so links and
/// examples stay valid across fresh starts. Only the seed knows them; no service treats them specially.
/// </summary>
public static class DemoMerchants
{
    public static readonly Guid Acme = Guid.Parse("a1f0c0de-0000-4000-8000-000000000001");
    public static readonly Guid Globex = Guid.Parse("b2f0c0de-0000-4000-8000-000000000002");
}
