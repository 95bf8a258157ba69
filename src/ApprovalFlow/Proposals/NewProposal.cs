using System.Globalization;
using ApprovalFlow.Organization;
using ApprovalFlow.Requests;

namespace ApprovalFlow.Proposals;

/// <summary>The blank reply an agency starts from when a request reaches it, pre-filled as the seed letter is.</summary>
public static class NewProposal
{
    /// <summary>A draft at revision 1 with the header, opening paragraph, recipients and signer filled in.</summary>
    /// <param name="request">The request being answered.</param>
    /// <param name="agency">The replying agency's profile on the request's date.</param>
    /// <param name="issuer">The issuing (reviewing) agency's profile on the request's date.</param>
    /// <param name="headName">The replying agency's head, who signs; blank when unknown.</param>
    /// <param name="now">The creation time.</param>
    public static Proposal For(BudgetRequest request, AgencyProfile agency, AgencyProfile issuer, string headName, DateTimeOffset now) => new()
    {
        RequestId = request.Id,
        AgencyId = agency.AgencyId,
        Status = ProposalStatus.Draft,
        Revision = 1,
        UpdatedAt = now,
        Content = new ProposalContent
        {
            Subject = request.Subject,
            Addressee = issuer.ShortName,
            Opening = string.Create(
                CultureInfo.InvariantCulture,
                $"Thực hiện Công văn số {request.Number} ngày {request.Date:dd/MM/yyyy} của {issuer.ShortName} về việc {request.Subject}; {agency.ShortName} báo cáo kết quả như sau:"),
            Recipients = ["Như trên", "Lưu: VT"],
            SignerTitle = agency.HeadTitle,
            SignerName = headName,
        },
    };
}
