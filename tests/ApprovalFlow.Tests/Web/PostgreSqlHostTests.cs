using System.Net;
using ApprovalFlow.Tests.Fixtures;
using ApprovalFlow.Tests.Infrastructure;

namespace ApprovalFlow.Tests.Web;

/// <summary>The host on PostgreSQL, as production runs it: migrations, seed, API, scoping and concurrency.</summary>
[Trait(TestDatabase.Trait, TestDatabase.None)]
public sealed class PostgreSqlHostTests(PostgreSqlHostTests.OnPostgreSql fixture) : IClassFixture<PostgreSqlHostTests.OnPostgreSql>
{
    private AppFactory App => fixture.App;

    [Fact]
    public async Task The_seed_proposal_reads_back_with_its_summary()
    {
        var staff = await ApiSession.LoginAsync(App, "chuyenvien.bdt@demo.local");
        var id = await staff.OwnProposalIdAsync();
        var revision = (await staff.GetJsonAsync($"/api/proposals/{id}")).GetProperty("revision").GetInt32();

        using var saved = await staff.PutProposalAsync(id, revision, SeedLetter.Content());
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var proposal = await staff.GetJsonAsync($"/api/proposals/{id}");
        Assert.Equal(ApprovalFlow.Proposals.ProposalJson.Serialize(SeedLetter.Content()), ApprovalFlow.Proposals.ProposalJson.Serialize(ApiSession.ContentOf(proposal)));
        Assert.Equal((408m, 258m), (proposal.GetProperty("summary").GetProperty("periodTotal").GetDecimal(), proposal.GetProperty("summary").GetProperty("planYearTotal").GetDecimal()));
    }

    [Fact]
    public async Task Simultaneous_saves_store_exactly_one()
    {
        var staff = await ApiSession.LoginAsync(App, "chuyenvien.stc@demo.local");
        var id = await staff.OwnProposalIdAsync();
        var revision = (await staff.GetJsonAsync($"/api/proposals/{id}")).GetProperty("revision").GetInt32();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            var content = SeedLetter.Content();
            content.Goals = $"Bản {i}";
            using var response = await staff.PutProposalAsync(id, revision, content);
            return response.StatusCode;
        }));

        Assert.Equal(1, results.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(7, results.Count(s => s == HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task Scoping_holds_other_agencies_get_404_and_the_ICT_sees_nothing_yet()
    {
        var id = await (await ApiSession.LoginAsync(App, "chuyenvien.bdt@demo.local")).OwnProposalIdAsync();
        using var other = await (await ApiSession.LoginAsync(App, "chuyenvien.syt@demo.local")).GetAsync($"/api/proposals/{id}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);

        var reviewer = await ApiSession.LoginAsync(App, "thamdinh.stttt@demo.local");
        Assert.Equal(0, (await reviewer.GetJsonAsync("/api/proposals")).GetArrayLength());
        Assert.Equal(1, (await reviewer.GetJsonAsync("/api/requests")).GetArrayLength());
    }

    /// <summary>A host whose database is a fresh one on the test run's PostgreSQL server.</summary>
    public sealed class OnPostgreSql : IAsyncLifetime
    {
        public AppFactory App { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var connectionString = await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync();
            App = new AppFactory { Settings = { ["Database:Provider"] = "PostgreSql", ["Database:ConnectionString"] = connectionString } };
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }
}
