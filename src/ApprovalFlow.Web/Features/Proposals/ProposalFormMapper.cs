using System.Globalization;
using System.Text.RegularExpressions;
using ApprovalFlow.Budget;
using ApprovalFlow.Proposals;
using ApprovalFlow.Requests;

namespace ApprovalFlow.Web.Features.Proposals;

/// <summary>Converts between the stored content and the editor's form, and names each problem by the form's field.</summary>
public static partial class ProposalFormMapper
{
    /// <summary>The form showing <paramref name="content"/>, amounts formatted in <paramref name="culture"/>.</summary>
    public static ProposalForm ToForm(ProposalContent content, int revision, BudgetRequest request, CultureInfo culture)
    {
        string? Show(decimal? amount) => amount is { } a ? Amounts.Format(a, culture) : null;
        return new ProposalForm
        {
            Revision = revision,
            Number = content.Number,
            Date = content.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Subject = content.Subject,
            Addressee = content.Addressee,
            Opening = content.Opening,
            TasksDone = content.TasksDone,
            Limitations = content.Limitations,
            Goals = content.Goals,
            Recommendations = content.Recommendations,
            Recipients = string.Join('\n', content.Recipients),
            SignerTitle = content.SignerTitle,
            SignerName = content.SignerName,
            AllocatedFunds =
            [
                .. content.AllocatedFunds.Select(f => new FundForm
                {
                    Project = f.Project,
                    UsingUnit = f.UsingUnit,
                    Amounts = [.. request.PastYears.Years.Select(y => Show(f.Amounts.FirstOrDefault(a => a.Year == y)?.Amount))],
                }),
            ],
            Tasks =
            [
                .. content.Tasks.Select(t => new TaskForm
                {
                    Name = t.Name,
                    ImplementingUnit = t.ImplementingUnit,
                    LegalBasis = t.LegalBasis,
                    Objective = t.Objective,
                    Content = t.Content,
                    SummaryContent = t.SummaryContent,
                    Scope = [.. t.Scope],
                    StartYear = t.StartYear,
                    EndYear = t.EndYear,
                    Total = Show(t.Total),
                    Split = [.. request.PlanPeriod.Years.Select(y => Show(t.YearSplit.FirstOrDefault(s => s.Year == y)?.Amount))],
                    PlanYearNeed = Show(t.PlanYearNeed),
                    AllocatedThisYear = Show(t.AllocatedThisYear),
                    FundingSource = t.FundingSource,
                    Necessity = t.Necessity,
                }),
            ],
        };
    }

    /// <summary>A new task row: the plan year alone, the provincial budget, empty amounts.</summary>
    public static TaskForm NewTask(BudgetRequest request, string defaultFundingSource) => new()
    {
        StartYear = request.PlanYear,
        EndYear = request.PlanYear,
        FundingSource = defaultFundingSource,
        Split = [.. request.PlanPeriod.Years.Select(_ => (string?)null)],
    };

    /// <summary>A new row of table I.3 with a blank cell per past year.</summary>
    public static FundForm NewFund(BudgetRequest request) => new() { Amounts = [.. request.PastYears.Years.Select(_ => (string?)null)] };

    /// <summary>
    /// Parses the form. Problems are keyed by the form's field (<see cref="FormKey"/> turns a validator's path into
    /// the same key), so that each message stands next to the box that caused it.
    /// </summary>
    public static ProposalContent ToContent(ProposalForm form, BudgetRequest request, CultureInfo culture, Dictionary<string, List<string>> errors)
    {
        decimal? Amount(string? text, string key, bool required)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return required ? 0m : null;
            }

            if (Amounts.TryParse(text, culture, out var value))
            {
                return value;
            }

            Add(errors, key, ValidationMessages.Get("AmountNotANumber", text.Trim()));
            return null;
        }

        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(form.Date))
        {
            if (DateOnly.TryParseExact(form.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                date = d;
            }
            else
            {
                Add(errors, "date", ValidationMessages.Get("ValueMalformed"));
            }
        }

        var pastYears = request.PastYears.Years.ToList();
        var planYears = request.PlanPeriod.Years.ToList();
        return new ProposalContent
        {
            Number = Clean(form.Number),
            Date = date,
            Subject = Clean(form.Subject) ?? "",
            Addressee = Clean(form.Addressee) ?? "",
            Opening = Clean(form.Opening) ?? "",
            TasksDone = Clean(form.TasksDone) ?? "",
            Limitations = Clean(form.Limitations) ?? "",
            Goals = Clean(form.Goals) ?? "",
            Recommendations = Clean(form.Recommendations) ?? "",
            Recipients = Lines(form.Recipients),
            SignerTitle = Clean(form.SignerTitle) ?? "",
            SignerName = Clean(form.SignerName) ?? "",
            AllocatedFunds =
            [
                .. form.AllocatedFunds.Select((f, i) => new AllocatedFund
                {
                    Project = Clean(f.Project) ?? "",
                    UsingUnit = Clean(f.UsingUnit) ?? "",
                    Amounts = [.. pastYears.Select((y, j) => new YearAmount { Year = y, Amount = Amount(f.Amounts.ElementAtOrDefault(j), $"allocatedFunds[{i}].amounts[{j}]", required: false) })],
                }),
            ],
            Tasks =
            [
                .. form.Tasks.Select((t, i) => new ProposedTask
                {
                    Name = Clean(t.Name) ?? "",
                    ImplementingUnit = Clean(t.ImplementingUnit) ?? "",
                    LegalBasis = Clean(t.LegalBasis) ?? "",
                    Objective = Clean(t.Objective) ?? "",
                    Content = Clean(t.Content) ?? "",
                    SummaryContent = Clean(t.SummaryContent),
                    Scope = [.. t.Scope.Select(Clean).OfType<string>()],
                    StartYear = t.StartYear,
                    EndYear = t.EndYear,
                    Total = Amount(t.Total, $"tasks[{i}].total", required: true) ?? 0m,
                    YearSplit =
                    [
                        .. planYears.Select((y, k) => (Year: y, Amount: Amount(t.Split.ElementAtOrDefault(k), $"tasks[{i}].split[{k}]", required: false)))
                            .Where(s => s.Amount is not null)
                            .Select(s => new YearAmount { Year = s.Year, Amount = s.Amount }),
                    ],
                    PlanYearNeed = Amount(t.PlanYearNeed, $"tasks[{i}].planYearNeed", required: true) ?? 0m,
                    AllocatedThisYear = Amount(t.AllocatedThisYear, $"tasks[{i}].allocatedThisYear", required: false),
                    FundingSource = Clean(t.FundingSource) ?? "",
                    Necessity = Clean(t.Necessity) ?? "",
                }),
            ],
        };
    }

    /// <summary>
    /// The form key of a validator's path: the same path, except that a task's split is keyed by the plan-period
    /// year's position (<c>tasks[0].split[2]</c>) and a fund's cell by its past year's (<c>allocatedFunds[0].amounts[1]</c>).
    /// </summary>
    public static string FormKey(string path, ProposalContent content, BudgetRequest request)
    {
        var split = SplitPath().Match(path);
        if (split.Success)
        {
            var task = int.Parse(split.Groups["task"].Value, CultureInfo.InvariantCulture);
            var item = int.Parse(split.Groups["item"].Value, CultureInfo.InvariantCulture);
            var year = content.Tasks.ElementAtOrDefault(task)?.YearSplit.ElementAtOrDefault(item)?.Year;
            return year is { } y && request.PlanPeriod.Contains(y) ? $"tasks[{task}].split[{y - request.PlanPeriod.From}]" : $"tasks[{task}].split";
        }

        var fund = FundPath().Match(path);
        return fund.Success ? fund.Groups["cell"].Value : path.Replace(".yearSplit", ".split", StringComparison.Ordinal);
    }

    public static void Add(Dictionary<string, List<string>> errors, string key, string message)
    {
        if (!errors.TryGetValue(key, out var list))
        {
            errors[key] = list = [];
        }

        list.Add(message);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().ReplaceLineEndings("\n");

    private static List<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    [GeneratedRegex(@"^tasks\[(?<task>\d+)\]\.yearSplit\[(?<item>\d+)\]")]
    private static partial Regex SplitPath();

    [GeneratedRegex(@"^(?<cell>allocatedFunds\[\d+\]\.amounts\[\d+\])\.(amount|year)$")]
    private static partial Regex FundPath();
}
