using System.Security.Cryptography;
using System.Text;
using ApprovalFlow.Data;
using ApprovalFlow.WorkItems;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.EmailApproval;

/// <summary>
/// The revision of what a work item asks to approve, as a short string a link is bound to: the proposal's revision
/// for a proposal's steps (<c>p7</c>), and a fingerprint of every proposal of the request for the request's steps
/// (the consolidation), so that any change to what was shown kills the links sent before it.
/// </summary>
public static class ApprovalSubjects
{
    public static async Task<string> RevisionOfAsync(this ApprovalFlowDbContext db, WorkItem item, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(item.CorrelationId, out var id))
        {
            return "-";
        }

        if (await db.Proposals.Where(p => p.Id == id).Select(p => (int?)p.Revision).SingleOrDefaultAsync(cancellationToken) is { } revision)
        {
            return $"p{revision}";
        }

        var proposals = await db.Proposals.Where(p => p.RequestId == id).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Revision, p.Status }).ToListAsync(cancellationToken);
        var text = string.Join(';', proposals.Select(p => $"{p.Id:N}:{p.Revision}:{p.Status}"));
        return $"c{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16]}";
    }
}
