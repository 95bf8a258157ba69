namespace ApprovalFlow.Web.Hosting;

/// <summary>
/// Puts the ids a request is about into the logging scope of everything logged while it runs: <c>WorkItemId</c>
/// for <c>/work/{id}</c> and <c>/api/work-items/{id}</c>, <c>ProposalId</c> for the proposals' pages and API,
/// <c>BudgetRequestId</c> for the request letters'. The engine adds <c>WorkflowInstanceId</c> and <c>CorrelationId</c>
/// (a proposal's or a request's id) to what it logs, so one query over structured logs follows an item across nodes.
/// </summary>
public static class LogScopes
{
    private static readonly (string Prefix, string Name)[] Subjects =
    [
        ("/api/work-items", "WorkItemId"),
        ("/work", "WorkItemId"),
        ("/api/proposals", "ProposalId"),
        ("/proposals", "ProposalId"),
        ("/api/requests", "BudgetRequestId"),
        ("/requests", "BudgetRequestId"),
    ];

    /// <summary>After routing, which found the <c>{id}</c> of the request's route.</summary>
    public static IApplicationBuilder UseLogScopes(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetRouteValue("id") is not string id || !Guid.TryParse(id, out _)
            || Subjects.FirstOrDefault(s => context.Request.Path.StartsWithSegments(s.Prefix)).Name is not { } name)
        {
            await next(context);
            return;
        }

        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LogScopes).FullName!);
        using (logger.BeginScope(new Dictionary<string, object> { [name] = id }))
        {
            await next(context);
        }
    });
}
