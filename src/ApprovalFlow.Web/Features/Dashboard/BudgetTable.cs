namespace ApprovalFlow.Web.Features.Dashboard;

/// <summary>A row of a budget table: an agency or a plan year.</summary>
public sealed record BudgetTableRow(string Label, BudgetTotals Totals);

/// <summary>What <c>_BudgetTable.cshtml</c> renders: proposed, recommended and approved, each for the period and the plan year.</summary>
/// <param name="FirstColumn">The heading of the label column.</param>
/// <param name="Rows">The rows.</param>
/// <param name="Total">The total row.</param>
/// <param name="TestId">The table's <c>data-testid</c>.</param>
public sealed record BudgetTable(string FirstColumn, IReadOnlyList<BudgetTableRow> Rows, BudgetTotals Total, string TestId);
