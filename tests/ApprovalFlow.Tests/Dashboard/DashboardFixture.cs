using ApprovalFlow.Data;
using ApprovalFlow.Proposals;
using ApprovalFlow.Requests;
using ApprovalFlow.Tests.Infrastructure;
using ApprovalFlow.Tests.Web;
using ApprovalFlow.WorkItems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Tests.Dashboard;

/// <summary>
/// The demo province plus two requests with known figures, written straight into the database: request A (plan
/// year 2025) reviewed and partly decided, request B (plan year 2026) still early. The seeded 2022 request's
/// proposals are empty drafts and add nothing.
/// </summary>
public class DashboardFixture : IAsyncLifetime
{
    /// <summary>A step title that would end a script element if it were written into one unescaped.</summary>
    public const string HostileTitle = "</script><script>alert(1)</script>";

    public AppFactory App { get; private set; } = null!;

    public Guid RequestA { get; private set; }

    public Guid RequestB { get; private set; }

    public async Task InitializeAsync()
    {
        App = await CreateAppAsync();
        (RequestA, RequestB) = await SeedAsync(App);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>The host on SQLite; <see cref="OnPostgreSql"/> runs the same figures on PostgreSQL.</summary>
    protected virtual Task<AppFactory> CreateAppAsync() => Task.FromResult(new AppFactory());

    /// <summary>Writes the two requests, their proposals and work items into <paramref name="app"/>'s database.</summary>
    public static async Task<(Guid RequestA, Guid RequestB)> SeedAsync(AppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApprovalFlowDbContext>();
        var agencies = await db.Agencies.ToDictionaryAsync(a => a.Code);
        var now = DateTimeOffset.UtcNow;

        var a = Request(agencies["STTTT"].Id, "01/TEST-A", new DateOnly(2024, 12, 2), 2025, agencies["BDT"].Id, agencies["STC"].Id);
        var b = Request(agencies["STTTT"].Id, "02/TEST-B", new DateOnly(2025, 10, 1), 2026, agencies["BDT"].Id, agencies["SYT"].Id);

        var aBdt = Proposal(a, agencies["BDT"].Id, ProposalStatus.PartlyApproved, ict: true, ubnd: true, (1000.5m, 250.25m), (250m, 100m));
        aBdt.Recommendations = [new() { TaskIndex = 0, PeriodAmount = 900m, PlanYearAmount = 200m }, new() { TaskIndex = 1, PeriodAmount = 250m, PlanYearAmount = 100m }];
        aBdt.Decisions =
        [
            new() { TaskIndex = 0, Verdict = TaskVerdict.Adjust, PeriodAmount = 800.5m, PlanYearAmount = 150m, Reason = "Giảm quy mô" },
            new() { TaskIndex = 1, Verdict = TaskVerdict.Reject, Reason = "Chưa cần thiết" },
        ];
        var aStc = Proposal(a, agencies["STC"].Id, ProposalStatus.Accepted, ict: true, ubnd: false, (500m, 500m));
        aStc.Recommendations = [new() { TaskIndex = 0, PeriodAmount = 400m, PlanYearAmount = 400m }];
        var bBdt = Proposal(b, agencies["BDT"].Id, ProposalStatus.Draft, ict: false, ubnd: false, (2000m, 1000m));
        var bSyt = Proposal(b, agencies["SYT"].Id, ProposalStatus.UnderReview, ict: true, ubnd: false, (300.75m, 300.75m));

        db.Requests.AddRange(a, b);
        db.Proposals.AddRange(aBdt, aStc, bBdt, bSyt);
        db.WorkItems.AddRange(
            Item(aBdt.Id, WorkItemForms.Draft, "Soạn đề xuất nhiệm vụ, kinh phí", WorkItemStatus.Completed, now.AddDays(-30)),
            Item(aBdt.Id, WorkItemForms.SignOff, "Ký duyệt đề xuất", WorkItemStatus.Completed, now.AddDays(-25)),
            Item(aBdt.Id, WorkItemForms.Review, "Thẩm định đề xuất", WorkItemStatus.Completed, now.AddDays(-20)),
            Item(aStc.Id, WorkItemForms.Draft, "Soạn đề xuất nhiệm vụ, kinh phí", WorkItemStatus.Completed, now.AddDays(-30)),
            Item(aStc.Id, WorkItemForms.Review, "Thẩm định đề xuất", WorkItemStatus.Open, now.AddDays(-2)),
            Item(a.Id, WorkItemForms.Consolidation, "Tổng hợp đề xuất, trình UBND tỉnh", WorkItemStatus.Open, now.AddDays(-1)),
            Item(a.Id, WorkItemForms.Decision, "Quyết định phê duyệt nhiệm vụ, kinh phí", WorkItemStatus.Completed, now.AddDays(-5)),
            Item(bBdt.Id, WorkItemForms.Draft, "Soạn đề xuất nhiệm vụ, kinh phí", WorkItemStatus.Open, now.AddDays(-1)),
            Item(bSyt.Id, WorkItemForms.Draft, "Soạn đề xuất nhiệm vụ, kinh phí", WorkItemStatus.Completed, now.AddDays(-10)),
            Item(bSyt.Id, WorkItemForms.Review, "Thẩm định đề xuất", WorkItemStatus.Open, now.AddDays(3)),
            Item(bSyt.Id, WorkItemForms.Review, HostileTitle, WorkItemStatus.Cancelled, now.AddDays(-3)));
        await db.SaveChangesAsync();
        return (a.Id, b.Id);
    }

    private static BudgetRequest Request(Guid issuer, string number, DateOnly date, int planYear, params Guid[] targets) => new()
    {
        IssuerAgencyId = issuer,
        Number = number,
        Date = date,
        Subject = "đề xuất nhiệm vụ, kinh phí chuyển đổi số",
        PlanPeriod = new YearRange(planYear, planYear + 2),
        PlanYear = planYear,
        PastYears = new YearRange(planYear - 2, planYear - 1),
        Deadline = date.AddDays(30),
        Status = RequestStatus.Published,
        TargetAgencyIds = [.. targets],
    };

    private static Proposal Proposal(BudgetRequest request, Guid agencyId, ProposalStatus status, bool ict, bool ubnd, params (decimal Total, decimal PlanYear)[] tasks) => new()
    {
        RequestId = request.Id,
        AgencyId = agencyId,
        Status = status,
        Revision = 1,
        UpdatedAt = DateTimeOffset.UtcNow,
        SubmittedToIctAt = ict ? DateTimeOffset.UtcNow.AddDays(-20) : null,
        SubmittedToUbndAt = ubnd ? DateTimeOffset.UtcNow.AddDays(-10) : null,
        Content = new ProposalContent
        {
            Tasks =
            [
                .. tasks.Select((t, i) => new ProposedTask
                {
                    Name = $"Nhiệm vụ {i + 1}",
                    StartYear = request.PlanYear,
                    EndYear = request.PlanPeriod.To,
                    Total = t.Total,
                    PlanYearNeed = t.PlanYear,
                    FundingSource = "NSDP",
                }),
            ],
        },
    };

    private static WorkItem Item(Guid correlation, string form, string title, WorkItemStatus status, DateTimeOffset due) => new()
    {
        InstanceId = "dashboard-test-" + Guid.NewGuid().ToString("N"),
        ActivityId = form,
        CorrelationId = correlation.ToString(),
        Title = title,
        Form = form,
        AssigneeRole = "IctReviewer",
        CreatedAt = due.AddDays(-5),
        DueAt = due,
        Status = status,
    };

    /// <summary>The same figures on a fresh database of the test run's PostgreSQL server, as production runs.</summary>
    public sealed class OnPostgreSql : DashboardFixture
    {
        protected override async Task<AppFactory> CreateAppAsync()
        {
            var connectionString = await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync();
            return new AppFactory { Settings = { ["Database:Provider"] = "PostgreSql", ["Database:ConnectionString"] = connectionString } };
        }
    }
}
