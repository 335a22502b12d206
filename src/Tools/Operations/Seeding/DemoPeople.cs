using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace UnifiedCommerce.Operations.Seeding;

public sealed record DemoStaff(string Email, string RoleId);

public sealed record DemoShopper(string Email, string Name);

/// <summary>
/// The demo merchants' people (README: "Demo sign-ins"): each store has its own owner and a shopper, and one
/// manager works for both (so the admin's merchant switcher has somewhere to go). The same shopper address at
/// both stores is two unrelated accounts, which makes the isolation visible.
/// </summary>
public static class DemoPeople
{
    public const string Password = "commerce-demo-2026";

    public static IReadOnlyList<DemoStaff> StaffOf(Guid merchantId) =>
        merchantId == DemoMerchants.Acme ? [new("owner@acme.example", "owner"), new("manager@example.com", "administrator")]
        : merchantId == DemoMerchants.Globex ? [new("owner@globex.example", "owner"), new("manager@example.com", "staff")]
        : [];

    public static IReadOnlyList<DemoShopper> ShoppersOf(Guid merchantId) =>
        merchantId == DemoMerchants.Acme ? [new("jamie@example.com", "Jamie Rivera")]
        : merchantId == DemoMerchants.Globex ? [new("jamie@example.com", "Jamie Rivera")]
        : [];
}

/// <summary>
/// Brings the demo people in the way real people come: the operators invite staff, who accept from the emailed
/// link; shoppers sign up on the store's own sign-up page and confirm their address. It reads the links from
/// Identity's developer mailbox, so it only works where that is enabled (local runs). Running it again changes
/// nothing: a staff member already there is skipped, and so is a shopper who can already sign in.
/// </summary>
public sealed class DemoPeopleSeeder(HttpClient operatorClient, Uri issuer)
{
    public async Task SeedAsync(DemoMerchant merchant, CancellationToken cancellationToken)
    {
        foreach (var staff in DemoPeople.StaffOf(merchant.Id))
        {
            using var invited = await operatorClient.PostAsJsonAsync($"/api/v1/merchants/{merchant.Id}/invitations", new { email = staff.Email, roleId = staff.RoleId }, cancellationToken);
            if (invited.StatusCode == HttpStatusCode.Conflict)
            {
                continue; // Works there already.
            }

            await EnsureSuccessAsync(invited, $"invite {staff.Email} to {merchant.Name}");
            using var browser = new SignInBrowser(issuer);
            var invitation = await browser.OpenAsync(await Mailbox.LatestLinkAsync(operatorClient, staff.Email, "invited"));
            var joined = await browser.SubmitAsync(invitation, ("password", DemoPeople.Password));
            Expect(joined.Title.StartsWith("Welcome", StringComparison.Ordinal), $"{staff.Email} could not join {merchant.Name}: {joined.Text}");
        }

        foreach (var shopper in DemoPeople.ShoppersOf(merchant.Id))
        {
            await SignUpAsync(merchant, shopper, cancellationToken);
        }

        Console.WriteLine($"Seeding {merchant.Name}: staff and shoppers can sign in");
    }

    private async Task SignUpAsync(DemoMerchant merchant, DemoShopper shopper, CancellationToken cancellationToken)
    {
        var storefront = new CodeFlowClient(operatorClient, "storefront", clientSecret: "", $"http://{merchant.Hosts[0]}/auth/callback");
        using var browser = new SignInBrowser(issuer);
        var signIn = await browser.OpenAsync(storefront.AuthorizeUrl());
        await browser.SubmitAsync(signIn, ("email", shopper.Email), ("password", DemoPeople.Password));
        if (browser.LeftFor is not null)
        {
            return; // Signed in: the account exists and is confirmed.
        }

        cancellationToken.ThrowIfCancellationRequested();
        await browser.SignUpAndConfirmAsync(storefront, operatorClient, shopper.Email, DemoPeople.Password, shopper.Name);
    }

    /// <summary>Identity's issuer (its public address), which its emailed links and pages use.</summary>
    public static async Task<Uri> IssuerAsync(HttpClient identity, CancellationToken cancellationToken)
    {
        var discovery = await identity.GetFromJsonAsync<JsonObject>("/.well-known/openid-configuration", cancellationToken);
        return new Uri((string?)discovery?["issuer"] ?? throw new InvalidOperationException("Identity's discovery document names no issuer."));
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Could not {what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static void Expect(bool condition, string failure)
    {
        if (!condition)
        {
            throw new InvalidOperationException(failure);
        }
    }
}
