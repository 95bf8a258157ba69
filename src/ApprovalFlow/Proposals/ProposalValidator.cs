using System.Globalization;
using ApprovalFlow.Budget;
using ApprovalFlow.Requests;

namespace ApprovalFlow.Proposals;

/// <summary>Checks a proposal's content against its request, field by field, before anything is stored.</summary>
public sealed class ProposalValidator(BudgetOptions options)
{
    /// <summary>Longest text a single field may hold; a letter's paragraph is far shorter.</summary>
    public const int MaxTextLength = 20_000;

    /// <summary>Most tasks one proposal may list.</summary>
    public const int MaxTasks = 200;

    /// <summary>Returns every problem found; an empty list means the content may be saved.</summary>
    public IReadOnlyList<ValidationIssue> Validate(ProposalContent content, BudgetRequest request, IReadOnlyCollection<string> fundingSourceCodes)
    {
        var issues = new List<ValidationIssue>();
        CheckTexts(content, issues);
        CheckAllocatedFunds(content, request, issues);

        if (content.Tasks.Count > MaxTasks)
        {
            issues.Add(new("tasks", ValidationMessages.Get("TooManyTasks", MaxTasks)));
        }

        for (var i = 0; i < content.Tasks.Count; i++)
        {
            CheckTask(content.Tasks[i], $"tasks[{i}]", request, fundingSourceCodes, issues);
        }

        return issues;
    }

    private static void CheckTexts(ProposalContent content, List<ValidationIssue> issues)
    {
        var texts = new (string Field, string? Text)[]
        {
            ("number", content.Number), ("subject", content.Subject), ("addressee", content.Addressee),
            ("opening", content.Opening), ("tasksDone", content.TasksDone), ("limitations", content.Limitations),
            ("goals", content.Goals), ("recommendations", content.Recommendations),
            ("signerTitle", content.SignerTitle), ("signerName", content.SignerName),
        };
        foreach (var (field, text) in texts.Where(t => t.Text?.Length > MaxTextLength))
        {
            issues.Add(new(field, ValidationMessages.Get("TextTooLong", MaxTextLength)));
        }
    }

    private void CheckAllocatedFunds(ProposalContent content, BudgetRequest request, List<ValidationIssue> issues)
    {
        for (var i = 0; i < content.AllocatedFunds.Count; i++)
        {
            var amounts = content.AllocatedFunds[i].Amounts;
            for (var j = 0; j < amounts.Count; j++)
            {
                var field = $"allocatedFunds[{i}].amounts[{j}]";
                if (!request.PastYears.Contains(amounts[j].Year))
                {
                    issues.Add(new($"{field}.year", ValidationMessages.Get("PastYearOutsideRange", amounts[j].Year, request.PastYears)));
                }

                CheckAmount(amounts[j].Amount, $"{field}.amount", issues);
            }
        }
    }

    private void CheckTask(ProposedTask task, string path, BudgetRequest request, IReadOnlyCollection<string> sources, List<ValidationIssue> issues)
    {
        if (string.IsNullOrWhiteSpace(task.Name))
        {
            issues.Add(new($"{path}.name", ValidationMessages.Get("TaskNameMissing")));
        }

        if (string.IsNullOrWhiteSpace(task.FundingSource))
        {
            issues.Add(new($"{path}.fundingSource", ValidationMessages.Get("FundingSourceMissing")));
        }
        else if (!sources.Contains(task.FundingSource))
        {
            issues.Add(new($"{path}.fundingSource", ValidationMessages.Get("FundingSourceUnknown", task.FundingSource)));
        }

        var amountsValid = CheckAmount(task.Total, $"{path}.total", issues)
            & CheckAmount(task.PlanYearNeed, $"{path}.planYearNeed", issues)
            & CheckAmount(task.AllocatedThisYear, $"{path}.allocatedThisYear", issues);

        if (!task.Period.IsValid)
        {
            issues.Add(new($"{path}.endYear", ValidationMessages.Get("PeriodInvalid")));
            return;
        }

        if (!request.PlanPeriod.Contains(task.Period))
        {
            issues.Add(new($"{path}.startYear", ValidationMessages.Get("PeriodOutsidePlan", task.Period, request.PlanPeriod)));
        }

        var planYear = request.PlanYear;
        if (amountsValid && task.PlanYearNeed > task.Total)
        {
            issues.Add(new($"{path}.planYearNeed", ValidationMessages.Get("PlanYearNeedAboveTotal", planYear, Show(task.PlanYearNeed), Show(task.Total))));
        }
        else if (task.PlanYearNeed != 0 && !task.Period.Contains(planYear))
        {
            issues.Add(new($"{path}.planYearNeed", ValidationMessages.Get("PlanYearOutsidePeriod", planYear)));
        }

        CheckYearSplit(task, path, planYear, amountsValid, issues);
    }

    private void CheckYearSplit(ProposedTask task, string path, int planYear, bool amountsValid, List<ValidationIssue> issues)
    {
        if (task.YearSplit.Count == 0)
        {
            return;
        }

        var splitValid = amountsValid;
        var seen = new HashSet<int>();
        for (var j = 0; j < task.YearSplit.Count; j++)
        {
            var item = task.YearSplit[j];
            var field = $"{path}.yearSplit[{j}]";
            if (!task.Period.Contains(item.Year))
            {
                issues.Add(new($"{field}.year", ValidationMessages.Get("SplitYearOutsidePeriod", item.Year, task.Period)));
                splitValid = false;
            }
            else if (!seen.Add(item.Year))
            {
                issues.Add(new($"{field}.year", ValidationMessages.Get("SplitYearRepeated", item.Year)));
                splitValid = false;
            }

            splitValid &= CheckAmount(item.Amount, $"{field}.amount", issues);
        }

        if (!splitValid)
        {
            return;
        }

        var sum = task.YearSplit.Sum(y => y.Amount ?? 0m);
        if (sum != task.Total)
        {
            issues.Add(new($"{path}.yearSplit", ValidationMessages.Get("SplitDoesNotAddUp", Show(sum), Show(task.Total))));
        }

        var inPlanYear = task.YearSplit.FirstOrDefault(y => y.Year == planYear)?.Amount ?? 0m;
        if (task.Period.Contains(planYear) && inPlanYear != task.PlanYearNeed)
        {
            issues.Add(new($"{path}.planYearNeed", ValidationMessages.Get("SplitPlanYearMismatch", planYear, Show(task.PlanYearNeed), Show(inPlanYear))));
        }
    }

    /// <summary>True when the amount is blank or acceptable; otherwise records why not.</summary>
    private bool CheckAmount(decimal? amount, string field, List<ValidationIssue> issues)
    {
        if (amount < 0)
        {
            issues.Add(new(field, ValidationMessages.Get("AmountNegative")));
            return false;
        }

        if (amount > options.PlausibilityLimit)
        {
            issues.Add(new(field, ValidationMessages.Get("AmountImplausible", Show(amount.Value), Show(options.PlausibilityLimit))));
            return false;
        }

        return true;
    }

    private static string Show(decimal amount) => Amounts.Format(amount, CultureInfo.CurrentUICulture);
}
