using ApprovalFlow.Budget;
using ApprovalFlow.Proposals;
using ApprovalFlow.Web.Features.Requests;

namespace ApprovalFlow.Web.Features.Proposals;

/// <summary>A proposal in a list: who, where it stands, and its totals.</summary>
public sealed record ProposalListItem(
    Guid Id, Guid RequestId, string RequestNumber, AgencyRef Agency, ProposalStatus Status, int Revision,
    DateTimeOffset UpdatedAt, string? UpdatedBy, decimal PeriodTotal, decimal PlanYearTotal);

/// <summary>A whole proposal: its content as typed, section IV and the other sums as computed, and what the caller may do.</summary>
public sealed record ProposalDto(
    Guid Id, RequestDto Request, AgencyRef Agency, LetterHeader Header, ProposalStatus Status, int Revision,
    DateTimeOffset UpdatedAt, string? UpdatedBy, bool CanEdit, ProposalContent Content, BudgetSummary Summary,
    IReadOnlyList<TaskRecommendation> Recommendations, IReadOnlyList<TaskDecision> Decisions);

/// <summary>A proposal's past as <c>GET /api/proposals/{id}/timeline</c> returns it.</summary>
public sealed record ProposalTimelineDto(IReadOnlyList<TimelineEntry> Steps, ReturnNote? LastReturn);

/// <summary>The letter's header as the organisation directory gives it on the letter's date.</summary>
/// <param name="ParentName">Cơ quan chủ quản, e.g. "UBND TỈNH QUẢNG NGÃI".</param>
/// <param name="AgencyName">Tên cơ quan ban hành, e.g. "BAN DÂN TỘC".</param>
/// <param name="PlaceAndDate">"Quảng Ngãi, ngày 14 tháng 02 năm 2022".</param>
public sealed record LetterHeader(string? ParentName, string AgencyName, string PlaceAndDate);

/// <summary>The body of <c>PUT /api/proposals/{id}</c>: the revision the caller read, and the whole new content.</summary>
public sealed record SaveProposalBody(int Revision, ProposalContent? Content);
