using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using UnifiedCommerce.Contracts.Identity;
using UnifiedCommerce.Identity.Data;
using UnifiedCommerce.Identity.Domain;
using UnifiedCommerce.ServiceDefaults.Http;
using PlatformPermissions = UnifiedCommerce.PlatformApi.Permissions;

namespace UnifiedCommerce.Identity.Application;

/// <summary>Invitations: sending one, withdrawing it, and the invited person accepting it with a new or existing staff account.</summary>
public sealed partial class StaffDirectory
{
    /// <summary>Mails an invitation link; the person accepts it with a new or existing staff account.</summary>
    public async Task<InvitationListing> InviteAsync(StaffActor actor, InvitationInput input, CancellationToken cancellationToken)
    {
        var email = Accounts.ValidEmail(input.Email) ?? throw RequestValidationException.For("email", "Enter a valid email address.");
        var role = await FindRoleAsync(input.RoleId, cancellationToken) ?? throw RequestValidationException.For("roleId", "No such role.");
        EnsureMayGive(actor, role);
        var normalized = Accounts.Normalize(email);
        if (await db.StaffMembers.AnyAsync(m => db.Accounts.Any(a => a.Id == m.AccountId && a.NormalizedEmail == normalized), cancellationToken))
        {
            throw new ConflictException($"{email} already works for this merchant.");
        }

        var merchantId = merchant.RequireMerchantId();
        var store = await db.Merchants.AsNoTracking().FirstAsync(m => m.Id == merchantId, cancellationToken);
        var now = clock.GetUtcNow();
        var token = EmailedTokens.NewToken();
        var invitation = new StaffInvitation
        {
            Email = email,
            NormalizedEmail = normalized,
            RoleId = role.Id,
            TokenHash = EmailedTokens.Hash(token)!,
            InvitedBy = actor.AccountId,
            CreatedAt = now,
            ExpiresAt = now + InvitationLifetime,
        };
        db.StaffInvitations.Add(invitation);
        db.EmailMessages.Add(new EmailMessage
        {
            MerchantId = merchantId,
            To = email,
            Subject = $"You are invited to work for {store.Name}",
            TextBody = $"""
                You are invited to join {store.Name} as {role.Name}. Accept the invitation here:
                {links.AcceptInvitation(token)}

                The link works once and expires in 7 days. If you did not expect it, ignore this message.
                """,
            CreatedAt = now,
        });
        Record(SecurityEventKind.StaffInvited, actor, null, email, role.Name);
        await db.SaveChangesAsync(cancellationToken);
        return new InvitationListing(invitation.Id, email, role, invitation.CreatedAt, invitation.ExpiresAt);
    }

    public async Task RevokeInvitationAsync(StaffActor actor, Guid invitationId, CancellationToken cancellationToken)
    {
        var invitation = await db.StaffInvitations.FirstOrDefaultAsync(i => i.Id == invitationId && i.AcceptedAt == null && i.RevokedAt == null, cancellationToken)
            ?? throw new NotFoundException($"No open invitation {invitationId}.");
        EnsureMayGive(actor, await FindRoleAsync(invitation.RoleId, cancellationToken) ?? StaffRole.Owner);
        invitation.RevokedAt = clock.GetUtcNow();
        Record(SecurityEventKind.InvitationRevoked, actor, null, invitation.Email, null);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>An open invitation, found by its token alone (the invited person has no merchant in context yet).</summary>
    public async Task<InvitationView?> OpenInvitationAsync(string? token, CancellationToken cancellationToken)
    {
        var hash = EmailedTokens.Hash(token);
        var now = clock.GetUtcNow();
        StaffInvitation? invitation;
        using (db.AcrossMerchants())
        {
            invitation = hash is null ? null : await db.StaffInvitations.IgnoreQueryFilters().AsNoTracking()
                .FirstOrDefaultAsync(i => i.TokenHash == hash && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now, cancellationToken);
        }

        if (invitation is null)
        {
            return null;
        }

        merchant.Use(invitation.MerchantId);
        var store = await db.Merchants.AsNoTracking().FirstAsync(m => m.Id == invitation.MerchantId, cancellationToken);
        var role = await FindRoleAsync(invitation.RoleId, cancellationToken) ?? StaffRole.Staff;
        return new InvitationView(invitation.Id, store.Id, store.Name, invitation.Email, role);
    }

    /// <summary>
    /// Makes the staff account a member in the invited role (the invitation is used up in the same step, so two
    /// clicks cannot both use it). Call <see cref="OpenInvitationAsync"/> first: it binds the merchant.
    /// </summary>
    public async Task<bool> AcceptAsync(InvitationView invitation, Account account, RequestOrigin origin, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.StaffInvitations.Where(i => i.Id == invitation.Id && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(update => update.SetProperty(i => i.AcceptedAt, now), cancellationToken);
        if (claimed != 1)
        {
            return false;
        }

        var existing = await db.StaffMembers.FirstOrDefaultAsync(m => m.AccountId == account.Id, cancellationToken);
        if (existing is null)
        {
            db.StaffMembers.Add(new StaffMember { AccountId = account.Id, RoleId = invitation.Role.Id, JoinedAt = now, Version = 1 });
            PublishAccess(account.Id, invitation.Role);
        }

        db.SecurityEvents.Add(new SecurityEvent
        {
            Kind = SecurityEventKind.StaffJoined,
            MerchantId = invitation.MerchantId,
            AccountId = account.Id,
            Email = account.Email,
            Detail = invitation.Role.Name,
            ClientAddress = origin.ClientAddress,
            UserAgent = origin.UserAgent,
            OccurredAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
