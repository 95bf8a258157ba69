using ApprovalFlow.Budget;

namespace ApprovalFlow.Web.Features.Proposals;

/// <summary>What the letter partial renders: the proposal and the funding sources that name its codes.</summary>
public sealed record LetterView(ProposalDto Proposal, IReadOnlyList<FundingSource> Sources)
{
    public string SourceName(string code) => Sources.FirstOrDefault(s => s.Code == code)?.Name ?? code;
}
