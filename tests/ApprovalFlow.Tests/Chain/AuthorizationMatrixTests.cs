using System.Net;
using System.Net.Http.Json;

namespace ApprovalFlow.Tests.Chain;

/// <summary>
/// Every page and API endpoint of the chain against every role, a foreign agency and an anonymous caller. Actions are
/// sent with an outcome no step has, so that the one allowed caller gets "400 refused" and everyone else "404": the
/// matrix changes nothing and proves who may reach what.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixFixture fixture) : IClassFixture<AuthorizationMatrixFixture>
{
    private const string Admin = "admin@demo.local";
    private const string Staff = "chuyenvien.stc@demo.local";
    private const string Head = "giamdoc.stc@demo.local";
    private const string OtherTargetStaff = "chuyenvien.syt@demo.local";
    private const string ForeignStaff = "chuyenvien.bdt@demo.local";
    private const string ForeignHead = "truongban.bdt@demo.local";
    private const string Reviewer = ChainDriver.Reviewer;
    private const string Leader = ChainDriver.IctLeader;
    private const string Ubnd = ChainDriver.Ubnd;

    /// <summary>Everyone the matrix tries; null is an anonymous caller.</summary>
    private static readonly string?[] Everyone = [null, Admin, Staff, Head, OtherTargetStaff, ForeignStaff, ForeignHead, Reviewer, Leader, Ubnd];

    private static readonly object InvalidRequest = new
    {
        number = "",
        date = "2022-02-01",
        subject = "",
        planPeriod = new { from = 2022, to = 2025 },
        planYear = 2022,
        pastYears = new { from = 2020, to = 2021 },
        deadline = "2022-02-18",
        targetAgencyIds = Array.Empty<Guid>(),
    };

    private static readonly object NoSuchOutcome = new { outcome = "NoSuchOutcome" };

    /// <summary>(what, method, URL, body, the callers with another status than the default, the default for signed-in callers).</summary>
    private static readonly (string Name, HttpMethod Method, string Url, object? Body, Dictionary<string, HttpStatusCode> Except, HttpStatusCode Otherwise)[] Api =
    [
        ("list requests", HttpMethod.Get, "/api/requests", null, [], HttpStatusCode.OK),
        ("a request", HttpMethod.Get, "/api/requests/{r1}", null, new() { [ForeignStaff] = HttpStatusCode.NotFound, [ForeignHead] = HttpStatusCode.NotFound }, HttpStatusCode.OK),
        ("a request not before the UBND", HttpMethod.Get, "/api/requests/{r2}", null, new() { [ForeignStaff] = HttpStatusCode.NotFound, [ForeignHead] = HttpStatusCode.NotFound, [Ubnd] = HttpStatusCode.NotFound }, HttpStatusCode.OK),
        ("consolidation", HttpMethod.Get, "/api/requests/{r1}/consolidation", null, new() { [Admin] = HttpStatusCode.OK, [Reviewer] = HttpStatusCode.OK, [Leader] = HttpStatusCode.OK, [Ubnd] = HttpStatusCode.OK }, HttpStatusCode.NotFound),
        ("write a request", HttpMethod.Post, "/api/requests", InvalidRequest, new() { [Reviewer] = HttpStatusCode.BadRequest }, HttpStatusCode.Forbidden),
        ("publish a request", HttpMethod.Post, "/api/requests/{r1}/publish", new { }, new() { [Reviewer] = HttpStatusCode.BadRequest, [Leader] = HttpStatusCode.Forbidden }, HttpStatusCode.NotFound),
        ("a proposal at sign-off", HttpMethod.Get, "/api/proposals/{stc2}", null, new() { [Admin] = HttpStatusCode.OK, [Staff] = HttpStatusCode.OK, [Head] = HttpStatusCode.OK }, HttpStatusCode.NotFound),
        ("a proposal before the UBND", HttpMethod.Get, "/api/proposals/{stc1}", null, new() { [OtherTargetStaff] = HttpStatusCode.NotFound, [ForeignStaff] = HttpStatusCode.NotFound, [ForeignHead] = HttpStatusCode.NotFound }, HttpStatusCode.OK),
        ("a proposal's timeline", HttpMethod.Get, "/api/proposals/{stc2}/timeline", null, new() { [Admin] = HttpStatusCode.OK, [Staff] = HttpStatusCode.OK, [Head] = HttpStatusCode.OK }, HttpStatusCode.NotFound),
        ("a proposal's letter at sign-off", HttpMethod.Get, "/api/proposals/{stc2}/document.pdf", null, new() { [Admin] = HttpStatusCode.OK, [Staff] = HttpStatusCode.OK, [Head] = HttpStatusCode.OK }, HttpStatusCode.NotFound),
        ("a signed proposal's letter", HttpMethod.Get, "/api/proposals/{stc1}/document.docx", null, new() { [OtherTargetStaff] = HttpStatusCode.NotFound, [ForeignStaff] = HttpStatusCode.NotFound, [ForeignHead] = HttpStatusCode.NotFound }, HttpStatusCode.OK),
        ("a request's submission", HttpMethod.Get, "/api/requests/{r1}/submission.pdf", null, new() { [Admin] = HttpStatusCode.OK, [Reviewer] = HttpStatusCode.OK, [Leader] = HttpStatusCode.OK, [Ubnd] = HttpStatusCode.OK }, HttpStatusCode.NotFound),
        ("a request's decision", HttpMethod.Get, "/api/requests/{r1}/decision.docx", null, new() { [Admin] = HttpStatusCode.OK, [Reviewer] = HttpStatusCode.OK, [Leader] = HttpStatusCode.OK, [Ubnd] = HttpStatusCode.OK }, HttpStatusCode.NotFound),
        ("the inbox", HttpMethod.Get, "/api/inbox", null, [], HttpStatusCode.OK),
        ("complete a sign-off", HttpMethod.Post, "/api/work-items/{signOff}/complete", NoSuchOutcome, new() { [Head] = HttpStatusCode.BadRequest }, HttpStatusCode.NotFound),
        ("complete a review", HttpMethod.Post, "/api/work-items/{review}/review", NoSuchOutcome, new() { [Reviewer] = HttpStatusCode.BadRequest }, HttpStatusCode.NotFound),
        ("complete a consolidation", HttpMethod.Post, "/api/work-items/{consolidation}/complete", NoSuchOutcome, new() { [Reviewer] = HttpStatusCode.BadRequest }, HttpStatusCode.NotFound),
        ("issue a decision", HttpMethod.Post, "/api/work-items/{decision}/decision", new { proposals = Array.Empty<object>() }, new() { [Ubnd] = HttpStatusCode.BadRequest }, HttpStatusCode.NotFound),
        ("reassign a sign-off", HttpMethod.Post, "/api/work-items/{signOff}/reassign", new { userId = Guid.Empty }, new() { [Head] = HttpStatusCode.BadRequest, [Admin] = HttpStatusCode.BadRequest }, HttpStatusCode.NotFound),
        ("who may take a sign-off", HttpMethod.Get, "/api/work-items/{signOff}/candidates", null, new() { [Head] = HttpStatusCode.OK, [Admin] = HttpStatusCode.OK }, HttpStatusCode.NotFound),
        ("claim a sign-off", HttpMethod.Post, "/api/work-items/{signOff}/release", new { }, new() { [Head] = HttpStatusCode.BadRequest }, HttpStatusCode.NotFound),
        ("my absence", HttpMethod.Get, "/api/me/away", null, [], HttpStatusCode.OK),
        ("the dashboard", HttpMethod.Get, "/api/dashboard", null, [], HttpStatusCode.OK),
        ("the holiday table", HttpMethod.Get, "/api/holidays?year=2026", null, [], HttpStatusCode.OK),

        // A weekday cannot be a working day, and no row has that date: the administrator's call is refused, changing nothing.
        ("add a holiday", HttpMethod.Post, "/api/holidays", new { date = "2026-03-04", kind = "WorkingDay", name = "—" }, new() { [Admin] = HttpStatusCode.BadRequest }, HttpStatusCode.Forbidden),
        ("delete a holiday", HttpMethod.Delete, "/api/holidays/2030-01-02", null, new() { [Admin] = HttpStatusCode.NotFound }, HttpStatusCode.Forbidden),
        ("retry an instance", HttpMethod.Post, "/api/workflow-instances/no-such-instance/retry", new { }, new() { [Admin] = HttpStatusCode.Conflict }, HttpStatusCode.Forbidden),
        ("workflow instances", HttpMethod.Get, "/api/workflow-instances?faulted=true", null, new() { [Admin] = HttpStatusCode.OK }, HttpStatusCode.Forbidden),
        ("workflow definitions", HttpMethod.Get, "/api/workflow-definitions", null, new() { [Admin] = HttpStatusCode.OK }, HttpStatusCode.Forbidden),

        // The designer's writes, each refused for the administrator too (no such workflow, or not a definition): nothing changes.
        ("save a workflow draft", HttpMethod.Put, "/api/workflow-definitions/no-such-workflow", new { }, new() { [Admin] = HttpStatusCode.BadRequest }, HttpStatusCode.Forbidden),
        ("publish a workflow", HttpMethod.Post, "/api/workflow-definitions/no-such-workflow/versions/1/publish", new { }, new() { [Admin] = HttpStatusCode.NotFound }, HttpStatusCode.Forbidden),
        ("revert a workflow", HttpMethod.Post, "/api/workflow-definitions/no-such-workflow/versions/1/revert", new { }, new() { [Admin] = HttpStatusCode.NotFound }, HttpStatusCode.Forbidden),
        ("import a workflow", HttpMethod.Post, "/api/workflow-definitions/import", new { }, new() { [Admin] = HttpStatusCode.BadRequest }, HttpStatusCode.Forbidden),
    ];

    private static readonly (string Name, string Url, Dictionary<string, HttpStatusCode> Except, HttpStatusCode Otherwise)[] Pages =
    [
        ("home", "/", [], HttpStatusCode.OK),
        ("inbox", "/inbox", [], HttpStatusCode.OK),
        ("away", "/account/away", [], HttpStatusCode.OK),
        ("reassignment board", "/inbox/reassign", [], HttpStatusCode.OK),
        ("dashboard", "/dashboard", [], HttpStatusCode.OK),
        ("background jobs", "/hangfire", new() { [Admin] = HttpStatusCode.OK }, HttpStatusCode.Forbidden),
        ("holiday table", "/admin/holidays", new() { [Admin] = HttpStatusCode.OK }, HttpStatusCode.Forbidden),
        ("mail outbox", "/admin/mail", new() { [Admin] = HttpStatusCode.OK }, HttpStatusCode.Forbidden),
        ("mail templates", "/admin/mail/templates", new() { [Admin] = HttpStatusCode.OK }, HttpStatusCode.Forbidden),
        ("a mail template", "/admin/mail/templates/work-item.vi", new() { [Admin] = HttpStatusCode.OK }, HttpStatusCode.Forbidden),
        ("mail written to files", "/admin/mail/files", new() { [Admin] = HttpStatusCode.OK }, HttpStatusCode.Forbidden),
        ("a mail file", "/admin/mail/files/none.eml", new() { [Admin] = HttpStatusCode.NotFound }, HttpStatusCode.Forbidden),
        ("workflow definitions", "/admin/workflows", new() { [Admin] = HttpStatusCode.OK }, HttpStatusCode.Forbidden),
        ("workflow designer", "/admin/workflows/budget-proposal", new() { [Admin] = HttpStatusCode.OK }, HttpStatusCode.Forbidden),
        ("workflow instances", "/admin/instances", new() { [Admin] = HttpStatusCode.OK }, HttpStatusCode.Forbidden),
        ("new request", "/requests/new", new() { [Reviewer] = HttpStatusCode.OK }, HttpStatusCode.Forbidden),
        ("a request", "/requests/{r1}", new() { [ForeignStaff] = HttpStatusCode.NotFound, [ForeignHead] = HttpStatusCode.NotFound }, HttpStatusCode.OK),
        ("a proposal at sign-off", "/proposals/{stc2}", new() { [Admin] = HttpStatusCode.OK, [Staff] = HttpStatusCode.OK, [Head] = HttpStatusCode.OK }, HttpStatusCode.NotFound),

        // At sign-off its own staff may still correct it; the head and administrators are sent to the letter; everyone else learns nothing.
        ("a proposal's editor", "/proposals/{stc2}/edit", new() { [Admin] = HttpStatusCode.Redirect, [Staff] = HttpStatusCode.OK, [Head] = HttpStatusCode.Redirect }, HttpStatusCode.NotFound),
        ("open a sign-off", "/work/{signOff}", new() { [Head] = HttpStatusCode.Redirect }, HttpStatusCode.NotFound),
        ("sign-off page", "/work/{signOff}/sign-off", new() { [Head] = HttpStatusCode.OK }, HttpStatusCode.NotFound),
        ("review page", "/work/{review}/review", new() { [Reviewer] = HttpStatusCode.OK }, HttpStatusCode.NotFound),
        ("consolidation page", "/work/{consolidation}/consolidation", new() { [Reviewer] = HttpStatusCode.OK }, HttpStatusCode.NotFound),
        ("decision page", "/work/{decision}/decision", new() { [Ubnd] = HttpStatusCode.OK }, HttpStatusCode.NotFound),
        ("a proposal's letter download", "/documents/proposals/{stc2}.docx", new() { [Admin] = HttpStatusCode.OK, [Staff] = HttpStatusCode.OK, [Head] = HttpStatusCode.OK }, HttpStatusCode.NotFound),
        ("a signed proposal's letter download", "/documents/proposals/{stc1}.pdf", new() { [OtherTargetStaff] = HttpStatusCode.NotFound, [ForeignStaff] = HttpStatusCode.NotFound, [ForeignHead] = HttpStatusCode.NotFound }, HttpStatusCode.OK),
        ("a request's submission download", "/documents/requests/{r1}/submission.pdf", new() { [Admin] = HttpStatusCode.OK, [Reviewer] = HttpStatusCode.OK, [Leader] = HttpStatusCode.OK, [Ubnd] = HttpStatusCode.OK }, HttpStatusCode.NotFound),
    ];

    /// <summary>What anyone may call, signed in or not, and must tell them nothing they may not see.</summary>
    private static readonly (string Name, string Url)[] Public =
    [
        ("health", "/health"),
    ];

    public static TheoryData<string, string?> ApiCases() => Cases(Api.Select(a => a.Name));

    public static TheoryData<string, string?> PublicCases() => Cases(Public.Select(p => p.Name));

    public static TheoryData<string, string?> PageCases() => Cases(Pages.Select(p => p.Name));

    [Theory]
    [MemberData(nameof(ApiCases))]
    public async Task Api_endpoint_answers_each_caller_as_their_role_and_agency_allow(string endpoint, string? caller)
    {
        var (_, method, url, body, except, otherwise) = Api.Single(a => a.Name == endpoint);
        var client = caller is null ? fixture.App.CreateClient() : await fixture.Api.AsAsync(caller);
        using var request = new HttpRequestMessage(method, fixture.Resolve(url)) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await client.SendAsync(request);
        var expected = caller is null ? HttpStatusCode.Unauthorized : except.GetValueOrDefault(caller, otherwise);
        Assert.True(expected == response.StatusCode, $"{endpoint} as {caller ?? "anonymous"}: expected {expected}, got {response.StatusCode}");
    }

    [Theory]
    [MemberData(nameof(PublicCases))]
    public async Task Public_endpoint_answers_every_caller_alike(string endpoint, string? caller)
    {
        var url = Public.Single(p => p.Name == endpoint).Url;
        var client = caller is null ? fixture.App.CreateClient() : await fixture.Api.AsAsync(caller);
        using var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{endpoint} as {caller ?? "anonymous"}: expected OK, got {response.StatusCode}");
    }

    [Theory]
    [MemberData(nameof(PageCases))]
    public async Task Page_answers_each_caller_as_their_role_and_agency_allow(string page, string? caller)
    {
        var (_, url, except, otherwise) = Pages.Single(p => p.Name == page);
        var session = await fixture.PagesAsAsync(caller);
        using var response = await session.Client.GetAsync(fixture.Resolve(url));
        var expected = caller is null ? HttpStatusCode.Redirect : except.GetValueOrDefault(caller, otherwise);

        // A page refuses a signed-in user by sending them to the "access denied" page.
        var actual = response.StatusCode == HttpStatusCode.Redirect && PathOf(response).Equals("/account/denied", StringComparison.OrdinalIgnoreCase)
            ? HttpStatusCode.Forbidden
            : response.StatusCode;
        Assert.True(expected == actual, $"{page} as {caller ?? "anonymous"}: expected {expected}, got {actual}");
        if (caller is null)
        {
            Assert.Equal("/account/login", PathOf(response), ignoreCase: true);
        }
    }

    /// <summary>The path a redirect points to, whether its location is absolute or relative.</summary>
    private static string PathOf(HttpResponseMessage response) => new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath;

    private static TheoryData<string, string?> Cases(IEnumerable<string> names)
    {
        var data = new TheoryData<string, string?>();
        foreach (var name in names)
        {
            foreach (var caller in Everyone)
            {
                data.Add(name, caller);
            }
        }

        return data;
    }
}
