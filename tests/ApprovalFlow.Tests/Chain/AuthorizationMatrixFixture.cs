using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ApprovalFlow.Tests.Fixtures;
using ApprovalFlow.Tests.Web;
using Microsoft.Extensions.Time.Testing;

namespace ApprovalFlow.Tests.Chain;

/// <summary>
/// A host with work at every step, for the authorization matrix: request R1 awaiting the UBND decision, R2 with
/// STC's proposal at its head's sign-off and SYT's at the ICT review, R3 awaiting consolidation.
/// </summary>
public sealed class AuthorizationMatrixFixture : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2022, 2, 1, 2, 0, 0, TimeSpan.Zero));
    private readonly Dictionary<string, PageSession> pages = [];

    public AppFactory App { get; private set; } = null!;

    public ChainDriver Api { get; private set; } = null!;

    /// <summary>Placeholders of the matrix's URLs ({r1}, {stc2}, {signOff}, …) and their values.</summary>
    public Dictionary<string, string> Ids { get; } = [];

    public async Task InitializeAsync()
    {
        App = new AppFactory { Clock = clock };
        Api = new ChainDriver(App, clock);
        var agencies = await Api.AgenciesAsync();
        var (stc, syt, sgddt) = (agencies["STC"], agencies["SYT"], agencies["SGDDT"]);

        var r1 = await PublishAsync("1/TEST", "2022-02-18", stc, syt);
        var r2 = await PublishAsync("2/TEST", "2022-03-31", stc, syt);
        var r3 = await PublishAsync("3/TEST", "2022-02-10", sgddt);
        var stc1 = await ProposalAsync(r1, stc, "chuyenvien.stc@demo.local");
        var stc2 = await ProposalAsync(r2, stc, "chuyenvien.stc@demo.local");
        var syt2 = await ProposalAsync(r2, syt, "chuyenvien.syt@demo.local");

        await SubmitAsync("chuyenvien.stc@demo.local", stc1);
        await Api.DoAsync("giamdoc.stc@demo.local", stc1, "sign-off", "Approve");
        await Api.DoAsync(ChainDriver.Reviewer, stc1, "review", "Accept");
        await SubmitAsync("chuyenvien.stc@demo.local", stc2);
        await SubmitAsync("chuyenvien.syt@demo.local", syt2);
        await Api.DoAsync("giamdoc.syt@demo.local", syt2, "sign-off", "Approve");

        await Api.AdvanceAsync(TimeSpan.FromDays(18));
        await Api.DoAsync(ChainDriver.Reviewer, r1, "consolidation", "Submit");
        await Api.DoAsync(ChainDriver.IctLeader, r1, "sign-off", "Approve");

        Ids["r1"] = r1.ToString();
        Ids["r2"] = r2.ToString();
        Ids["stc1"] = stc1.ToString();
        Ids["stc2"] = stc2.ToString();
        Ids["syt2"] = syt2.ToString();
        Ids["signOff"] = (await Api.ItemAsync("giamdoc.stc@demo.local", stc2, "sign-off")).ToString();
        Ids["review"] = (await Api.ItemAsync(ChainDriver.Reviewer, syt2, "review")).ToString();
        Ids["consolidation"] = (await Api.ItemAsync(ChainDriver.Reviewer, r3, "consolidation")).ToString();
        Ids["decision"] = (await Api.ItemAsync(ChainDriver.Ubnd, r1, "decision")).ToString();
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The URL with its placeholders filled in.</summary>
    public string Resolve(string template) => Ids.Aggregate(template, (url, id) => url.Replace("{" + id.Key + "}", id.Value, StringComparison.Ordinal));

    /// <summary>A cookie session per user (null: anonymous), reused across the matrix's rows.</summary>
    public async Task<PageSession> PagesAsAsync(string? email)
    {
        var key = email ?? "";
        if (!pages.TryGetValue(key, out var session))
        {
            pages[key] = session = email is null ? PageSession.Anonymous(App) : await PageSession.LoginAsync(App, email);
        }

        return session;
    }

    private async Task<Guid> PublishAsync(string number, string deadline, params Guid[] targets)
    {
        using var created = await Api.PostAsync(ChainDriver.Reviewer, "/api/requests", new
        {
            number,
            date = "2022-02-01",
            subject = "đề xuất nhiệm vụ",
            planPeriod = new { from = 2022, to = 2025 },
            planYear = 2022,
            pastYears = new { from = 2020, to = 2021 },
            deadline,
            targetAgencyIds = targets,
        });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var published = await Api.PostAsync(ChainDriver.Reviewer, $"/api/requests/{id}/publish", new { });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        return id;
    }

    private async Task<Guid> ProposalAsync(Guid request, Guid agency, string staff) =>
        (await Api.ProposalAsync(staff, request, agency)).GetProperty("id").GetGuid();

    private async Task SubmitAsync(string staff, Guid proposal)
    {
        var revision = (await Api.GetAsync(staff, $"/api/proposals/{proposal}")).GetProperty("revision").GetInt32();
        using var saved = await (await Api.AsAsync(staff)).PutProposalAsync(proposal, revision, SeedLetter.Content());
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        await Api.DoAsync(staff, proposal, "draft", "Submit");
    }
}
