using ApprovalFlow.Proposals;
using ApprovalFlow.Requests;

namespace ApprovalFlow.Budget;

/// <summary>A row of section IV (Tổng hợp nhu cầu kinh phí), one per task of section III.</summary>
/// <param name="Number">TT: the task's number, from 1.</param>
/// <param name="Task">Tên nhiệm vụ.</param>
/// <param name="Content">Nội dung thực hiện, the summary wording when the task has one.</param>
/// <param name="Period">Thời gian, giai đoạn thực hiện.</param>
/// <param name="PeriodTotal">Nhu cầu kinh phí for the whole period.</param>
/// <param name="PlanYearNeed">Nhu cầu kinh phí in the plan year.</param>
/// <param name="FundingSourceCode">The source's code.</param>
/// <param name="FundingSource">Nguồn vốn as printed (short name).</param>
public sealed record SummaryRow(
    int Number, string Task, string Content, YearRange Period, decimal PeriodTotal, decimal PlanYearNeed,
    string FundingSourceCode, string FundingSource);

/// <summary>What one funding source carries over all tasks.</summary>
public sealed record FundingSourceTotal(string Code, string Name, decimal PeriodTotal, decimal PlanYearNeed);

/// <summary>
/// Section IV and the other sums of a proposal, computed from its tasks in <see cref="decimal"/> million VND.
/// </summary>
public sealed record BudgetSummary(
    IReadOnlyList<SummaryRow> Rows,
    decimal PeriodTotal,
    decimal PlanYearTotal,
    IReadOnlyDictionary<int, decimal> ByYear,
    IReadOnlyList<FundingSourceTotal> ByFundingSource,
    IReadOnlyDictionary<int, decimal> PastFundsByYear)
{
    /// <summary>Computes the summary; <paramref name="sources"/> turns codes into printed names (unknown codes print as they are).</summary>
    public static BudgetSummary Compute(ProposalContent content, IEnumerable<FundingSource> sources)
    {
        var sourceByCode = sources.ToDictionary(s => s.Code, StringComparer.Ordinal);
        string ShortName(string code) => sourceByCode.TryGetValue(code, out var s) ? s.ShortName : code;
        string FullName(string code) => sourceByCode.TryGetValue(code, out var s) ? s.Name : code;

        var rows = content.Tasks.Select((task, i) => new SummaryRow(
            i + 1,
            task.Name,
            string.IsNullOrWhiteSpace(task.SummaryContent) ? task.Content : task.SummaryContent,
            task.Period,
            task.Total,
            task.PlanYearNeed,
            task.FundingSource,
            ShortName(task.FundingSource))).ToList();

        var byYear = content.Tasks
            .SelectMany(EffectiveSplit)
            .GroupBy(y => y.Year)
            .OrderBy(g => g.Key)
            .ToDictionary(g => g.Key, g => g.Sum(y => y.Amount));

        var bySource = content.Tasks
            .GroupBy(t => t.FundingSource, StringComparer.Ordinal)
            .OrderBy(g => sourceByCode.TryGetValue(g.Key, out var s) ? s.SortOrder : int.MaxValue)
            .Select(g => new FundingSourceTotal(g.Key, FullName(g.Key), g.Sum(t => t.Total), g.Sum(t => t.PlanYearNeed)))
            .ToList();

        var pastFunds = content.AllocatedFunds
            .SelectMany(f => f.Amounts)
            .Where(a => a.Amount is not null)
            .GroupBy(a => a.Year)
            .OrderBy(g => g.Key)
            .ToDictionary(g => g.Key, g => g.Sum(a => a.Amount!.Value));

        return new BudgetSummary(rows, rows.Sum(r => r.PeriodTotal), rows.Sum(r => r.PlanYearNeed), byYear, bySource, pastFunds);
    }

    /// <summary>
    /// The year split to count: the one typed, or for a one-year task with none typed, the whole total in that year.
    /// A multi-year task without a split adds nothing per year: its years are not known.
    /// </summary>
    private static IEnumerable<(int Year, decimal Amount)> EffectiveSplit(ProposedTask task) =>
        task.YearSplit.Count > 0
            ? task.YearSplit.Select(y => (y.Year, y.Amount ?? 0m))
            : task.StartYear == task.EndYear ? [(task.StartYear, task.Total)] : [];
}
