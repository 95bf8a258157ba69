using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ApprovalFlow.Tests.Web;
using ApprovalFlow.Workflows.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ApprovalFlow.Tests.Chain;

/// <summary>
/// Drives the approval chain through the HTTP API as its users would: each call signed in as the role that acts,
/// on a clock the test moves (a request's deadline passes when the clock says so).
/// </summary>
public sealed class ChainDriver(AppFactory app, FakeTimeProvider clock)
{
    private readonly Dictionary<string, HttpClient> sessions = [];

    public const string Reviewer = "thamdinh.stttt@demo.local";
    public const string IctLeader = "giamdoc.stttt@demo.local";
    public const string Ubnd = "ubnd@demo.local";

    /// <summary>A signed-in client per user, reused until the clock moves (tokens expire by it).</summary>
    public async Task<HttpClient> AsAsync(string email)
    {
        if (!sessions.TryGetValue(email, out var client))
        {
            sessions[email] = client = await ApiSession.LoginAsync(app, email);
        }

        return client;
    }

    /// <summary>Moves the clock and runs the timer sweep the scheduler runs, then signs everyone in afresh.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        clock.Advance(by);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().ResumeDueTimersAsync(clock.GetUtcNow(), CancellationToken.None);
        sessions.Clear();
    }

    /// <summary>The agencies of the seeded request, by code.</summary>
    public async Task<Dictionary<string, Guid>> AgenciesAsync()
    {
        var requests = await (await AsAsync(Reviewer)).GetJsonAsync("/api/requests");
        return requests.EnumerateArray().SelectMany(r => r.GetProperty("targetAgencies").EnumerateArray())
            .DistinctBy(a => a.GetProperty("code").GetString())
            .ToDictionary(a => a.GetProperty("code").GetString()!, a => a.GetProperty("id").GetGuid());
    }

    /// <summary>The open item of <paramref name="form"/> about <paramref name="subject"/> in <paramref name="email"/>'s inbox.</summary>
    public async Task<Guid> ItemAsync(string email, Guid subject, string form)
    {
        var inbox = await (await AsAsync(email)).GetJsonAsync("/api/inbox");
        return Assert.Single(inbox.EnumerateArray(), i => i.GetProperty("correlationId").GetString() == subject.ToString() && i.GetProperty("form").GetString() == form)
            .GetProperty("id").GetGuid();
    }

    /// <summary>Whether <paramref name="email"/> has any open item about <paramref name="subject"/>.</summary>
    public async Task<bool> HasItemAsync(string email, Guid subject) =>
        (await (await AsAsync(email)).GetJsonAsync("/api/inbox")).EnumerateArray().Any(i => i.GetProperty("correlationId").GetString() == subject.ToString());

    public async Task<HttpResponseMessage> CompleteAsync(string email, Guid subject, string form, string outcome, string? comment = null) =>
        await (await AsAsync(email)).PostAsJsonAsync($"/api/work-items/{await ItemAsync(email, subject, form)}/complete", new { outcome, comment });

    /// <summary>Completes and insists it worked.</summary>
    public async Task DoAsync(string email, Guid subject, string form, string outcome, string? comment = null)
    {
        using var response = await CompleteAsync(email, subject, form, outcome, comment);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{email} {form} {outcome}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task<HttpResponseMessage> PostAsync(string email, string url, object body) =>
        await (await AsAsync(email)).PostAsJsonAsync(url, body);

    public async Task<JsonElement> GetAsync(string email, string url) => await (await AsAsync(email)).GetJsonAsync(url);

    /// <summary>The proposal of <paramref name="agencyId"/> for <paramref name="requestId"/>, as its staff see it.</summary>
    public async Task<JsonElement> ProposalAsync(string email, Guid requestId, Guid agencyId) =>
        Assert.Single((await GetAsync(email, $"/api/proposals?requestId={requestId}")).EnumerateArray(), p => p.GetProperty("agency").GetProperty("id").GetGuid() == agencyId);
}
