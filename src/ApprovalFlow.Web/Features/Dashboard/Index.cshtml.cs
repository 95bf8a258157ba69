using System.Globalization;
using ApprovalFlow.Web.Features.Account;
using ApprovalFlow.Web.Features.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ApprovalFlow.Web.Features.Dashboard;

/// <summary>The dashboard: budget and work-item figures as charts, with tables of the same numbers.</summary>
public sealed class IndexModel(DashboardQueries queries, RequestQueries requests, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>The request the figures are limited to; all visible ones when empty.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? RequestId { get; set; }

    /// <summary>The requests the filter offers.</summary>
    public IReadOnlyList<RequestDto> Requests { get; private set; } = [];

    public DashboardDto Figures { get; private set; } = null!;

    public BudgetTable AgencyTable { get; private set; } = null!;

    public BudgetTable YearTable { get; private set; } = null!;

    /// <summary>The charts' data, already encoded for a script element (see <see cref="DashboardCharts"/>).</summary>
    public string ChartJson { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = User.RequireActor();
        if (await queries.GetAsync(actor, RequestId, cancellationToken) is not { } figures)
        {
            return NotFound();
        }

        Figures = figures;
        AgencyTable = new(text["Dashboard.Agency"], [.. figures.ByAgency.Select(a => new BudgetTableRow(a.Agency.Name, a.Totals))], figures.Total, "by-agency");
        YearTable = new(text["Proposal.PlanYearTotal"], [.. figures.ByYear.Select(y => new BudgetTableRow(y.PlanYear.ToString(CultureInfo.InvariantCulture), y.Totals))], figures.Total, "by-year");
        Requests = await requests.ListAsync(actor, cancellationToken);
        ChartJson = DashboardCharts.ToJson(figures, text, CultureInfo.CurrentUICulture);
        return Page();
    }
}
