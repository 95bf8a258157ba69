using ApprovalFlow.Web.Features.Requests;

namespace ApprovalFlow.Web.Features.Dashboard;

/// <summary>Two amounts in million VND: for the whole plan period and for the plan year.</summary>
/// <param name="Period">Cả giai đoạn.</param>
/// <param name="PlanYear">Năm kế hoạch.</param>
public sealed record PeriodAndYear(decimal Period, decimal PlanYear)
{
    public static PeriodAndYear Zero { get; } = new(0m, 0m);

    public PeriodAndYear Plus(PeriodAndYear other) => new(Period + other.Period, PlanYear + other.PlanYear);
}

/// <summary>The three figures of the chain: what agencies proposed, the ICT review recommended and the UBND approved.</summary>
public sealed record BudgetTotals(PeriodAndYear Proposed, PeriodAndYear Recommended, PeriodAndYear Approved)
{
    public static BudgetTotals Zero { get; } = new(PeriodAndYear.Zero, PeriodAndYear.Zero, PeriodAndYear.Zero);

    public BudgetTotals Plus(BudgetTotals other) =>
        new(Proposed.Plus(other.Proposed), Recommended.Plus(other.Recommended), Approved.Plus(other.Approved));

    public static BudgetTotals Sum(IEnumerable<BudgetTotals> totals) => totals.Aggregate(Zero, (sum, next) => sum.Plus(next));
}

/// <summary>One agency's totals over the proposals it sent.</summary>
public sealed record AgencyBudget(AgencyRef Agency, BudgetTotals Totals);

/// <summary>The totals of the requests with this plan year (năm kế hoạch).</summary>
public sealed record YearBudget(int PlanYear, BudgetTotals Totals);

/// <summary>The work items of one step, as the workflow names it (form and title), by state.</summary>
/// <param name="Form">The page that renders the step: draft, sign-off, review, consolidation, decision.</param>
/// <param name="Title">The step's title as the workflow's designer wrote it.</param>
/// <param name="Overdue">Open and past their due time.</param>
/// <param name="OnTime">Open and not yet due, or without a due time.</param>
/// <param name="Completed">Completed with an outcome.</param>
/// <param name="Cancelled">Cancelled, e.g. a proposal left out of the decision.</param>
public sealed record StepCounts(string Form, string Title, int Overdue, int OnTime, int Completed, int Cancelled)
{
    public int Open => Overdue + OnTime;

    public int Total => Open + Completed + Cancelled;
}

/// <summary>How many open items are overdue at one agency (the proposal's agency, or the request's issuer).</summary>
public sealed record AgencyOverdue(AgencyRef Agency, int Count);

/// <summary>The dashboard's figures within the caller's scope; amounts in million VND.</summary>
/// <param name="RequestId">The one request they are limited to, or null for every visible request.</param>
/// <param name="AsOf">The moment against which items count as overdue.</param>
/// <param name="Total">All visible proposals together.</param>
/// <param name="ByAgency">Per agency, by name.</param>
/// <param name="ByYear">Per plan year, ascending.</param>
/// <param name="WorkItems">Per step, in the chain's order.</param>
/// <param name="OverdueByAgency">Agencies with overdue items only, the most overdue first.</param>
public sealed record DashboardDto(
    Guid? RequestId,
    DateTimeOffset AsOf,
    BudgetTotals Total,
    IReadOnlyList<AgencyBudget> ByAgency,
    IReadOnlyList<YearBudget> ByYear,
    IReadOnlyList<StepCounts> WorkItems,
    IReadOnlyList<AgencyOverdue> OverdueByAgency);
