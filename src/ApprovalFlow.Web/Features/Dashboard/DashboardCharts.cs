using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace ApprovalFlow.Web.Features.Dashboard;

/// <summary>One bar series; <paramref name="Key"/> picks its colour, <paramref name="Measure"/> the budget switch it belongs to.</summary>
public sealed record ChartSeries(string Key, string Label, IReadOnlyList<decimal> Values, string? Measure = null);

/// <summary>One chart as <c>wwwroot/js/dashboard.js</c> draws it.</summary>
/// <param name="Labels">The categories: agencies, years or steps.</param>
/// <param name="Series">The bars per category.</param>
/// <param name="Stacked">Whether the series add up to one bar.</param>
/// <param name="Horizontal">Long labels (agency names, step titles) read better down the side.</param>
/// <param name="Counts">Whole numbers: the axis shows no fractions.</param>
public sealed record ChartSpec(IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series, bool Stacked, bool Horizontal, bool Counts);

/// <summary>The charts' data: the same figures as the page's tables, with labels in the user's language.</summary>
public static class DashboardCharts
{
    /// <summary>
    /// The default encoder escapes &lt;, &gt;, &amp; and quotes as \uXXXX, so the JSON can sit inside a script
    /// element whatever an agency name or a step title contains: "&lt;/script&gt;" can never appear in it.
    /// </summary>
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Default };

    private static readonly (string Key, string Text, Func<BudgetTotals, PeriodAndYear> Pick)[] Kinds =
    [
        ("proposed", "Dashboard.Proposed", t => t.Proposed),
        ("recommended", "Dashboard.Recommended", t => t.Recommended),
        ("approved", "Dashboard.Approved", t => t.Approved),
    ];

    /// <summary>The plan year first: it is what the script shows until the user switches.</summary>
    private static readonly (string Key, Func<PeriodAndYear, decimal> Pick)[] Measures = [("planYear", a => a.PlanYear), ("period", a => a.Period)];

    /// <summary>The JSON for the page's <c>&lt;script type="application/json"&gt;</c> element.</summary>
    public static string ToJson(DashboardDto dashboard, IStringLocalizer text, CultureInfo culture)
    {
        var charts = new Dictionary<string, ChartSpec>
        {
            ["agency"] = Budget([.. dashboard.ByAgency.Select(a => a.Agency.Name)], [.. dashboard.ByAgency.Select(a => a.Totals)], text, horizontal: true),
            ["year"] = Budget([.. dashboard.ByYear.Select(y => y.PlanYear.ToString(CultureInfo.InvariantCulture))], [.. dashboard.ByYear.Select(y => y.Totals)], text, horizontal: false),
            ["steps"] = Steps(dashboard.WorkItems, text),
            ["overdue"] = new(
                [.. dashboard.OverdueByAgency.Select(a => a.Agency.Name)],
                [new("overdue", text["Dashboard.Overdue"], [.. dashboard.OverdueByAgency.Select(a => (decimal)a.Count)])],
                Stacked: false, Horizontal: true, Counts: true),
        };
        return JsonSerializer.Serialize(new { locale = culture.Name, charts }, Options);
    }

    private static ChartSpec Budget(IReadOnlyList<string> labels, IReadOnlyList<BudgetTotals> totals, IStringLocalizer text, bool horizontal) =>
        new(
            labels,
            [.. from measure in Measures from kind in Kinds select new ChartSeries(kind.Key, text[kind.Text], [.. totals.Select(t => measure.Pick(kind.Pick(t)))], measure.Key)],
            Stacked: false, horizontal, Counts: false);

    private static ChartSpec Steps(IReadOnlyList<StepCounts> steps, IStringLocalizer text) => new(
        [.. steps.Select(s => s.Title)],
        [
            new("overdue", text["Dashboard.Overdue"], [.. steps.Select(s => (decimal)s.Overdue)]),
            new("onTime", text["Dashboard.OnTime"], [.. steps.Select(s => (decimal)s.OnTime)]),
            new("completed", text["Dashboard.Completed"], [.. steps.Select(s => (decimal)s.Completed)]),
            new("cancelled", text["Dashboard.Cancelled"], [.. steps.Select(s => (decimal)s.Cancelled)]),
        ],
        Stacked: true, Horizontal: true, Counts: true);
}
