using System.Security.Cryptography;
using System.Text;
using ApprovalFlow.Data;
using ApprovalFlow.Identity;
using ApprovalFlow.WorkItems;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.EmailApproval;

/// <summary>Issues approval links, tells what a link's token stands for, and kills links whose item moved on.</summary>
public sealed class ApprovalLinks(ApprovalFlowDbContext db, EmailApprovalOptions options, TimeProvider clock)
{
    /// <summary>
    /// A new link for <paramref name="approverUserId"/> on <paramref name="item"/>, bound to
    /// <paramref name="subjectRevision"/>: 256 random bits, of which only the hash is added to the unit of work.
    /// </summary>
    /// <returns>The token for the mail, and when it expires.</returns>
    public (string Token, DateTimeOffset ExpiresAt) Issue(WorkItem item, Guid approverUserId, string subjectRevision)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        var link = new ApprovalLink
        {
            TokenHash = HashOf(token),
            WorkItemId = item.Id,
            ApproverUserId = approverUserId,
            SubjectRevision = subjectRevision,
            CreatedAt = now,
            ExpiresAt = now + options.LinkLifetime,
        };
        db.ApprovalLinks.Add(link);
        return (token, link.ExpiresAt);
    }

    /// <summary>What <paramref name="token"/> stands for now (tracked, so that the caller may use or revoke it).</summary>
    public async Task<ApprovalLinkState> FindAsync(string token, CancellationToken cancellationToken)
    {
        // A token that cannot be ours is refused without a query: a tampered link costs nothing to refuse.
        if (token.Length != 43 || token.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            return new ApprovalLinkState.Unknown();
        }

        var hash = HashOf(token);
        if (await db.ApprovalLinks.SingleOrDefaultAsync(l => l.TokenHash == hash, cancellationToken) is not { } link)
        {
            return new ApprovalLinkState.Unknown();
        }

        var item = await db.WorkItems.SingleAsync(i => i.Id == link.WorkItemId, cancellationToken);
        if (link.UsedAt is not null)
        {
            return new ApprovalLinkState.Used(link, item);
        }

        if (link.RevokedAt is not null)
        {
            return new ApprovalLinkState.Revoked(link, item, link.RevokedReason ?? ApprovalLinkRevocation.Completed);
        }

        if (item.Status != WorkItemStatus.Open)
        {
            return new ApprovalLinkState.Revoked(link, item, ApprovalLinkRevocation.Completed);
        }

        if (clock.GetUtcNow() >= link.ExpiresAt)
        {
            return new ApprovalLinkState.Expired(link, item);
        }

        var approver = await ActorAsync(link.ApproverUserId, cancellationToken);
        if (approver is null || !WorkItemAccess.ActsOn(item, approver.UserId, approver.AgencyId, approver.Roles))
        {
            return new ApprovalLinkState.Revoked(link, item, ApprovalLinkRevocation.Reassigned);
        }

        return await db.RevisionOfAsync(item, cancellationToken) == link.SubjectRevision
            ? new ApprovalLinkState.Valid(link, item, approver)
            : new ApprovalLinkState.Revoked(link, item, ApprovalLinkRevocation.Edited);
    }

    /// <summary>The user as the inbox sees an actor: name, agency and roles.</summary>
    private async Task<Actor?> ActorAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.FullName, u.AgencyId }).SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }

        var roles = await (from link in db.UserRoles join role in db.Roles on link.RoleId equals role.Id where link.UserId == userId select role.Name!).ToListAsync(cancellationToken);
        return new Actor(user.Id, user.FullName, user.AgencyId, roles.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Lower-case hex SHA-256 of the token: what is stored and looked up.</summary>
    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>What a link stands for when it is opened.</summary>
public abstract record ApprovalLinkState
{
    private ApprovalLinkState()
    {
    }

    /// <summary>No such link: mistyped, cut short or tampered with.</summary>
    public sealed record Unknown : ApprovalLinkState;

    /// <summary>The link was used: the item was completed from it.</summary>
    public sealed record Used(ApprovalLink Link, WorkItem Item) : ApprovalLinkState;

    public sealed record Expired(ApprovalLink Link, WorkItem Item) : ApprovalLinkState;

    /// <summary>The link died: <see cref="Reason"/> is one of <see cref="ApprovalLinkRevocation"/>.</summary>
    public sealed record Revoked(ApprovalLink Link, WorkItem Item, string Reason) : ApprovalLinkState;

    /// <summary>The link works: <see cref="Approver"/> may act on <see cref="Item"/> through it.</summary>
    public sealed record Valid(ApprovalLink Link, WorkItem Item, Actor Approver) : ApprovalLinkState;
}
