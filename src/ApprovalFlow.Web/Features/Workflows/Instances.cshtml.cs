using ApprovalFlow.Calendar;
using ApprovalFlow.Organization;
using ApprovalFlow.Web.Features.Account;
using ApprovalFlow.Web.Localization;
using ApprovalFlow.Workflows.Persistence;
using ApprovalFlow.Workflows.Runtime;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Workflows;

/// <summary>Workflow instances for administrators, filtered by definition, status, request, agency, or open incidents.</summary>
public sealed class InstancesModel(InstanceQueries queries, DefinitionDesk desk, AgencyDirectory directory, ApprovalFlow.Data.ApprovalFlowDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? DefinitionId { get; set; }

    [BindProperty(SupportsGet = true)]
    public WorkflowStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? RequestId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? AgencyId { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Faulted { get; set; }

    public IReadOnlyList<InstanceRow> Instances { get; private set; } = [];

    public IReadOnlyList<DefinitionSummary> Definitions { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Label)> Requests { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Label)> Agencies { get; private set; } = [];

    public AgencyLookup AgencyNames { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!User.RequireActor().IsAdministrator)
        {
            return Forbid();
        }

        Instances = await queries.ListAsync(new InstanceFilter(DefinitionId, Status, RequestId, AgencyId, Faulted), cancellationToken);
        Definitions = await desk.ListAsync(cancellationToken);
        Requests = [.. (await db.Requests.AsNoTracking().Select(r => new { r.Id, r.Number }).ToListAsync(cancellationToken))
            .OrderBy(r => r.Number, StringComparer.Ordinal).Select(r => (r.Id, r.Number))];
        AgencyNames = await directory.LoadAsync(cancellationToken);
        Today = VietnamTime.Today(clock);
        Agencies = [.. (await db.Agencies.AsNoTracking().Select(a => a.Id).ToListAsync(cancellationToken))
            .Select(id => (id, AgencyNames.ProfileOn(id, Today)?.Name ?? ""))
            .Where(a => a.Item2 != "")
            .OrderBy(a => a.Item2, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: true))];
        return Page();
    }
}
