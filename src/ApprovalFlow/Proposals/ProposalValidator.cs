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

    /// <summary>Most rows of any other list: scope lines of a task, allocated-fund rows, recipients.</summary>
    public const int MaxRows = 200;

    /// <summary>Decimals an amount in million VND may carry: a thousandth of a million is one thousand đồng.</summary>
    public const int MaxDecimals = 3;

    /// <summary>Returns every problem found; an empty list means the content may be saved.</summary>
    public IReadOnlyList<ValidationIssue> Validate(ProposalContent content, BudgetRequest request, IReadOnlyCollection<string> fundingSourceCodes)
    {
        var issues = new List<ValidationIssue>();
        CheckTexts(content, issues);
        CheckAllocatedFunds(content, request, issues);
        CheckCount(content.Tasks.Count, MaxTasks, "tasks", issues);
        CheckCount(content.AllocatedFunds.Count, MaxRows, "allocatedFunds", issues);
        CheckCount(content.Recipients.Count, MaxRows, "recipients", issues);

        for (var i = 0; i < content.Tasks.Count; i++)
        {
            CheckTask(content.Tasks[i], $"tasks[{i}]", request, fundingSourceCodes, issues);
        }

        return issues;
    }

    private static void CheckTexts(ProposalContent content, List<ValidationIssue> issues)
    {
        foreach (var (field, text) in Texts(content).Where(t => t.Text?.Length > MaxTextLength))
        {
            issues.Add(new(field, ValidationMessages.Get("TextTooLong", MaxTextLength)));
        }
    }

    /// <summary>Every free-text field with its path, so that none escapes the length limit.</summary>
    private static IEnumerable<(string Field, string? Text)> Texts(ProposalContent content)
    {
        (string, string?)[] letter =
        [
            ("number", content.Number), ("subject", content.Subject), ("addressee", content.Addressee),
            ("opening", content.Opening), ("tasksDone", content.TasksDone), ("limitations", content.Limitations),
            ("goals", content.Goals), ("recommendations", content.Recommendations),
            ("signerTitle", content.SignerTitle), ("signerName", content.SignerName),
        ];
        var recipients = content.Recipients.Select((r, i) => ($"recipients[{i}]", (string?)r));
        var funds = content.AllocatedFunds.SelectMany((f, i) => new[] { ($"allocatedFunds[{i}].project", (string?)f.Project), ($"allocatedFunds[{i}].usingUnit", f.UsingUnit) });
        var tasks = content.Tasks.SelectMany((t, i) => new[]
        {
            ($"tasks[{i}].name", (string?)t.Name), ($"tasks[{i}].implementingUnit", t.ImplementingUnit), ($"tasks[{i}].legalBasis", t.LegalBasis),
            ($"tasks[{i}].objective", t.Objective), ($"tasks[{i}].content", t.Content), ($"tasks[{i}].summaryContent", t.SummaryContent),
            ($"tasks[{i}].necessity", t.Necessity),
        }.Concat(t.Scope.Select((line, j) => ($"tasks[{i}].scope[{j}]", (string?)line))));
        return letter.Concat(recipients).Concat(funds).Concat(tasks);
    }

    private static void CheckCount(int count, int max, string field, List<ValidationIssue> issues)
    {
        if (count > max)
        {
            issues.Add(new(field, ValidationMessages.Get("TooManyRows", max)));
        }
    }

    private void CheckAllocatedFunds(ProposalContent content, BudgetRequest request, List<ValidationIssue> issues)
    {
        for (var i = 0; i < content.AllocatedFunds.Count; i++)
        {
            var amounts = content.AllocatedFunds[i].Amounts;
            var seen = new HashSet<int>();
            for (var j = 0; j < amounts.Count; j++)
            {
                var field = $"allocatedFunds[{i}].amounts[{j}]";
                if (!request.PastYears.Contains(amounts[j].Year))
                {
                    issues.Add(new($"{field}.year", ValidationMessages.Get("PastYearOutsideRange", amounts[j].Year, request.PastYears)));
                }
                else if (!seen.Add(amounts[j].Year))
                {
                    issues.Add(new($"{field}.year", ValidationMessages.Get("SplitYearRepeated", amounts[j].Year)));
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

        CheckCount(task.Scope.Count, MaxRows, $"{path}.scope", issues);

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
            issues.Add(new(task.StartYear <= 0 ? $"{path}.startYear" : $"{path}.endYear", ValidationMessages.Get("PeriodInvalid")));
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

        if (amount is { } value && decimal.Round(value, MaxDecimals) != value)
        {
            issues.Add(new(field, ValidationMessages.Get("AmountTooPrecise", MaxDecimals)));
            return false;
        }

        return true;
    }

    private static string Show(decimal amount) => Amounts.Format(amount, CultureInfo.CurrentUICulture);
}
