using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;

namespace UnifiedCommerce.TestSupport;

/// <summary>A staff member signed in to the admin: their tokens for one merchant, and how to get more.</summary>
public sealed record StaffSession(string Email, string Password, CodeFlowClient Admin, JsonObject Tokens)
{
    public string AccessToken => (string)Tokens["access_token"]!;
    public string RefreshToken => (string)Tokens["refresh_token"]!;
    public Guid AccountId => Guid.Parse(new JsonWebToken(AccessToken).Subject);
    public Guid? MerchantId => new JsonWebToken(AccessToken).TryGetClaim("merchant_id", out var claim) ? Guid.Parse(claim.Value) : null;

    /// <summary>Tokens for another merchant the person works for (the admin's merchant switcher).</summary>
    public async Task<StaffSession> SwitchToAsync(Guid merchantId) => this with { Tokens = await Admin.RefreshAsync(RefreshToken, merchantId) };
}

/// <summary>
/// How staff come to be, as in production: the operators invite a store's first owner; owners define roles and
/// invite staff; each person accepts the emailed invitation (creating a staff account or using theirs) and signs
/// in to the admin with the authorization code flow. Tests use it to get staff tokens with exact permissions.
/// </summary>
public static class StaffOnboarding
{
    public const string Password = "staff passphrase 2026";

    private static readonly ConcurrentDictionary<(PlatformIdentity, Guid), Task<StaffSession>> Owners = new();

    /// <summary>The store's first owner, invited by the operators (one per merchant per Identity).</summary>
    public static Task<StaffSession> OwnerOfAsync(this PlatformIdentity identity, Guid merchantId) =>
        Owners.GetOrAdd((identity, merchantId), async key =>
        {
            await identity.EnsureMerchantAsync(merchantId);
            var email = $"owner-{Guid.NewGuid():N}@example.com";
            using var response = await identity.AsOperatorAsync(HttpMethod.Post, $"/api/v1/merchants/{merchantId}/invitations", new { email, roleId = "owner" });
            await EnsureSuccessAsync(response);
            return await identity.AcceptInvitationAsync(email, merchantId);
        });

    /// <summary>Invites someone in a role and returns them signed in for the inviter's merchant.</summary>
    public static async Task<StaffSession> InviteAsync(this PlatformIdentity identity, StaffSession inviter, string roleId, string? email = null)
    {
        email ??= $"staff-{Guid.NewGuid():N}@example.com";
        using var response = await identity.Process.SendWithTokenAsync(HttpMethod.Post, "/api/v1/staff/invitations", inviter.AccessToken, new { email, roleId });
        await EnsureSuccessAsync(response);
        return await identity.AcceptInvitationAsync(email, inviter.MerchantId!.Value);
    }

    /// <summary>Defines a custom role as this staff member and returns its id.</summary>
    public static async Task<string> DefineRoleAsync(this PlatformIdentity identity, StaffSession definer, string name, params string[] permissions)
    {
        using var response = await identity.Process.SendWithTokenAsync(HttpMethod.Post, "/api/v1/roles", definer.AccessToken, new { name, permissions });
        return (string)(await EnsureSuccessAsync(response))["id"]!;
    }

    /// <summary>A staff member of the merchant whose custom role grants exactly these permissions.</summary>
    public static async Task<StaffSession> StaffWithAsync(this PlatformIdentity identity, Guid merchantId, params string[] permissions)
    {
        // The owner's access token lives ten minutes, longer than any test fixture here.
        var owner = await identity.OwnerOfAsync(merchantId);
        var role = await identity.DefineRoleAsync(owner, $"Role {Guid.NewGuid():N}", permissions);
        return await identity.InviteAsync(owner, role);
    }

    /// <summary>Follows the newest invitation to the address: accepts it (new or existing account), then signs in to the admin.</summary>
    public static async Task<StaffSession> AcceptInvitationAsync(this PlatformIdentity identity, string email, Guid merchantId)
    {
        using var browser = identity.NewBrowser();
        var invitation = await browser.OpenAsync(await Mailbox.LatestLinkAsync(identity.Process.Http, email, "invited"));
        var joined = await browser.SubmitAsync(invitation, ("password", Password));
        if (!joined.Title.StartsWith("Welcome", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Could not accept the invitation: {joined.Text}");
        }

        var admin = identity.Admin();
        await browser.OpenAsync(admin.AuthorizeUrl());
        var tokens = await admin.RedeemCodeAsync(admin.CodeFrom(browser.LeftFor));
        var session = new StaffSession(email, Password, admin, tokens);
        return session.MerchantId == merchantId ? session : await session.SwitchToAsync(merchantId);
    }

    private static async Task<JsonObject> EnsureSuccessAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
        }

        return text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject();
    }
}
