using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Identity.Tests;

/// <summary>
/// A store's owner invites staff in built-in or custom roles; each staff member can do exactly what the role
/// allows and gets a clear permission error otherwise; a change of role or a removal counts within seconds; the
/// store can never lose its last owner; every change is a security event naming who made it.
/// </summary>
[Collection(SignInCollection.Name)]
public sealed class ManagingStaffTests(SignInPlatform platform)
{
    private static readonly string[] WritingProducts = ["products:write"];
    private static readonly string[] ReadingProducts = ["products:read"];

    private PlatformIdentity Identity => platform.Identity;

    [Fact]
    public async Task The_first_owner_invited_by_the_operators_gets_every_permission_of_the_store()
    {
        var (store, _) = await Identity.NewStoreAsync("Owner Shop");

        var owner = await Identity.OwnerOfAsync(store);

        var token = new JsonWebToken(owner.AccessToken);
        Assert.Equal(store.ToString(), token.GetClaim("merchant_id").Value);
        Assert.Equal("staff", token.GetClaim("account_kind").Value);
        Assert.Subset(token.GetClaim("scope").Value.Split(' ').ToHashSet(), PlatformApi.Permissions.All.ToHashSet());
    }

    [Fact]
    public async Task A_custom_role_allows_exactly_its_permissions_and_refusals_name_the_missing_one()
    {
        var (store, _) = await Identity.NewStoreAsync("Role Shop");
        var auditor = await Identity.StaffWithAsync(store, "security:read");

        using var events = await Send(HttpMethod.Get, "/api/v1/security-events", auditor);
        using var staffList = await Send(HttpMethod.Get, "/api/v1/staff", auditor);
        using var invite = await Send(HttpMethod.Post, "/api/v1/staff/invitations", auditor, new { email = "someone@example.com", roleId = "staff" });

        Assert.Equal(HttpStatusCode.OK, events.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, staffList.StatusCode);
        Assert.Contains("staff:manage", await staffList.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, invite.StatusCode);
        Assert.Equal(["security:read"], new JsonWebToken(auditor.AccessToken).GetClaim("scope").Value.Split(' ').Where(s => s.Contains(':')));
    }

    [Fact]
    public async Task A_changed_role_and_a_removal_take_effect_within_seconds_on_tokens_already_issued()
    {
        var (store, _) = await Identity.NewStoreAsync("Revoke Shop");
        var owner = await Identity.OwnerOfAsync(store);
        var auditor = await Identity.StaffWithAsync(store, "security:read", "staff:manage");
        using (var before = await Send(HttpMethod.Get, "/api/v1/security-events", auditor))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var demoted = await Send(HttpMethod.Put, $"/api/v1/staff/{auditor.AccountId}/role", owner, new { roleId = "staff" });
        Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);

        await Eventually.TrueAsync(async () =>
        {
            using var after = await Send(HttpMethod.Get, "/api/v1/security-events", auditor);
            return after.StatusCode == HttpStatusCode.Forbidden;
        }, "the old token to lose security:read", timeoutSeconds: 5);

        using var removed = await Send(HttpMethod.Delete, $"/api/v1/staff/{auditor.AccountId}", owner);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        using var refresh = await auditor.Admin.RefreshResponseAsync(auditor.RefreshToken, store);
        Assert.Equal(HttpStatusCode.BadRequest, refresh.StatusCode);
    }

    [Fact]
    public async Task The_store_always_keeps_an_owner_and_only_owners_touch_owners()
    {
        var (store, _) = await Identity.NewStoreAsync("Keep Shop");
        var owner = await Identity.OwnerOfAsync(store);
        var administrator = await Identity.InviteAsync(owner, "administrator");

        using var ownerSteppingDown = await Send(HttpMethod.Put, $"/api/v1/staff/{owner.AccountId}/role", owner, new { roleId = "staff" });
        using var ownerLeaving = await Send(HttpMethod.Delete, $"/api/v1/staff/{owner.AccountId}", owner);
        using var adminRemovingOwner = await Send(HttpMethod.Delete, $"/api/v1/staff/{owner.AccountId}", administrator);
        using var adminPromotingSelf = await Send(HttpMethod.Put, $"/api/v1/staff/{administrator.AccountId}/role", administrator, new { roleId = "owner" });
        using var adminInvitingOwner = await Send(HttpMethod.Post, "/api/v1/staff/invitations", administrator, new { email = "new-owner@example.com", roleId = "owner" });

        Assert.Equal(HttpStatusCode.Conflict, ownerSteppingDown.StatusCode);
        Assert.Contains("at least one owner", await ownerSteppingDown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, ownerLeaving.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, adminRemovingOwner.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, adminPromotingSelf.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, adminInvitingOwner.StatusCode);

        // With a second owner, the first may step down.
        var secondOwner = await Identity.InviteAsync(owner, "owner");
        using var steppedDown = await Send(HttpMethod.Put, $"/api/v1/staff/{owner.AccountId}/role", secondOwner, new { roleId = "administrator" });
        Assert.Equal(HttpStatusCode.OK, steppedDown.StatusCode);
    }

    [Fact]
    public async Task Nobody_grants_permissions_they_do_not_hold()
    {
        var (store, _) = await Identity.NewStoreAsync("Grant Shop");
        var manager = await Identity.StaffWithAsync(store, "staff:manage", "products:read");

        using var wider = await Send(HttpMethod.Post, "/api/v1/roles", manager, new { name = "Escalation", permissions = WritingProducts });
        using var administratorRole = await Send(HttpMethod.Post, "/api/v1/staff/invitations", manager, new { email = "x@example.com", roleId = "administrator" });
        using var narrower = await Send(HttpMethod.Post, "/api/v1/roles", manager, new { name = "Catalog viewer", permissions = ReadingProducts });

        Assert.Equal(HttpStatusCode.Forbidden, wider.StatusCode);
        Assert.Contains("products:write", await wider.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, administratorRole.StatusCode);
        Assert.Equal(HttpStatusCode.Created, narrower.StatusCode);
    }

    [Fact]
    public async Task A_person_working_for_two_merchants_switches_between_them()
    {
        var (first, _) = await Identity.NewStoreAsync("First Shop");
        var (second, _) = await Identity.NewStoreAsync("Second Shop");
        var (stranger, _) = await Identity.NewStoreAsync("Stranger Shop");
        var email = $"two-jobs-{Guid.NewGuid():N}@example.com";
        var atFirst = await Identity.InviteAsync(await Identity.OwnerOfAsync(first), "staff", email);
        await Identity.InviteAsync(await Identity.OwnerOfAsync(second), "administrator", email);

        using var memberships = await Send(HttpMethod.Get, "/api/v1/account/memberships", atFirst);
        var listed = (await memberships.Content.ReadFromJsonAsync<JsonArray>())!;
        var atSecond = await atFirst.SwitchToAsync(second);
        using var elsewhere = await atFirst.Admin.RefreshResponseAsync(atSecond.RefreshToken, stranger);

        Assert.Equal(["First Shop", "Second Shop"], listed.Select(m => (string)m!["merchantName"]!));
        Assert.Equal(first, atFirst.MerchantId);
        Assert.Equal(second, atSecond.MerchantId);
        Assert.Equal(atFirst.AccountId, atSecond.AccountId);
        Assert.Contains("staff:manage", new JsonWebToken(atSecond.AccessToken).GetClaim("scope").Value, StringComparison.Ordinal);
        Assert.DoesNotContain("staff:manage", new JsonWebToken(atFirst.AccessToken).GetClaim("scope").Value, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
    }

    [Fact]
    public async Task An_invitation_works_once_and_not_after_it_is_withdrawn()
    {
        var (store, _) = await Identity.NewStoreAsync("Invite Shop");
        var owner = await Identity.OwnerOfAsync(store);
        var email = $"invitee-{Guid.NewGuid():N}@example.com";
        await Identity.InviteAsync(owner, "staff", email);
        var used = await Mailbox.LatestLinkAsync(Identity.Process.Http, email, "invited");

        using var invited = await Send(HttpMethod.Post, "/api/v1/staff/invitations", owner, new { email = $"withdrawn-{Guid.NewGuid():N}@example.com", roleId = "staff" });
        var withdrawn = (await invited.Content.ReadFromJsonAsync<JsonObject>())!;
        using var withdraw = await Send(HttpMethod.Delete, $"/api/v1/staff/invitations/{withdrawn["id"]}", owner);
        using var browser = Identity.NewBrowser();

        Assert.Equal("This invitation no longer works", (await browser.OpenAsync(used)).Title);
        Assert.Equal(HttpStatusCode.NoContent, withdraw.StatusCode);
        var withdrawnLink = await Mailbox.LatestLinkAsync(Identity.Process.Http, (string)withdrawn["email"]!, "invited");
        Assert.Equal("This invitation no longer works", (await browser.OpenAsync(withdrawnLink)).Title);
    }

    [Fact]
    public async Task Staff_and_role_changes_are_recorded_with_who_made_them()
    {
        var (store, _) = await Identity.NewStoreAsync("Audit Shop");
        var owner = await Identity.OwnerOfAsync(store);
        var member = await Identity.StaffWithAsync(store, "products:read");
        using var changed = await Send(HttpMethod.Put, $"/api/v1/staff/{member.AccountId}/role", owner, new { roleId = "staff" });

        using var response = await Send(HttpMethod.Get, "/api/v1/security-events", owner);
        var events = (await response.Content.ReadFromJsonAsync<JsonArray>())!.Select(e => e!.AsObject()).ToList();

        var roleChange = Assert.Single(events, e => (string)e["kind"]! == "StaffRoleChanged");
        Assert.Equal(owner.AccountId.ToString(), (string?)roleChange["actorAccountId"]);
        Assert.Equal(owner.Email, (string?)roleChange["actorEmail"]);
        Assert.Equal(member.Email, (string?)roleChange["email"]);
        Assert.EndsWith("-> Staff", (string?)roleChange["detail"], StringComparison.Ordinal);
        Assert.Contains(events, e => (string)e["kind"]! == "RoleDefined");
        Assert.Contains(events, e => (string)e["kind"]! == "StaffInvited");
        Assert.Contains(events, e => (string)e["kind"]! == "StaffJoined" && (string?)e["email"] == member.Email);
    }

    [Fact]
    public async Task Someone_who_works_for_two_merchants_deletes_their_account_and_leaves_both()
    {
        var (first, _) = await Identity.NewStoreAsync("First Employer");
        var (second, _) = await Identity.NewStoreAsync("Second Employer");
        var firstOwner = await Identity.OwnerOfAsync(first);
        var secondOwner = await Identity.OwnerOfAsync(second);
        var email = $"two-jobs-{Guid.NewGuid():N}@example.com";
        await Identity.InviteAsync(firstOwner, "staff", email);
        var person = await Identity.InviteAsync(secondOwner, "staff", email);
        Assert.Equal(2L, await platform.Database.ScalarAsync<long>("identity",
            "SELECT count(*) FROM staff_members WHERE account_id = @a", ("a", person.AccountId)));

        using var deleted = await Send(HttpMethod.Delete, "/api/v1/account", person);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(0L, await platform.Database.ScalarAsync<long>("identity",
            "SELECT count(*) FROM staff_members WHERE account_id = @a", ("a", person.AccountId)));
        Assert.Equal(0L, await platform.Database.ScalarAsync<long>("identity",
            "SELECT count(*) FROM accounts WHERE id = @a", ("a", person.AccountId)));
        // Only the person's own memberships went: both stores keep their owners.
        Assert.Equal(2L, await platform.Database.ScalarAsync<long>("identity",
            "SELECT count(*) FROM staff_members WHERE account_id IN (@o1, @o2)", ("o1", firstOwner.AccountId), ("o2", secondOwner.AccountId)));
    }

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, StaffSession staff, object? body = null) =>
        await Identity.Process.SendWithTokenAsync(method, path, staff.AccessToken, body);
}
