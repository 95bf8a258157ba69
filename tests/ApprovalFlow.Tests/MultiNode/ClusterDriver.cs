using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ApprovalFlow.Tests.Fixtures;
using ApprovalFlow.Tests.Web;

namespace ApprovalFlow.Tests.MultiNode;

/// <summary>
/// Drives the approval chain over HTTP through a <see cref="NodeBalancer"/>: each user signs in once (on whichever
/// node) and every later request of theirs goes to the next node, so the token one node issued is read by the other.
/// </summary>
public sealed class ClusterDriver(NodeBalancer balancer)
{
    public const string Reviewer = "thamdinh.stttt@demo.local";
    public const string IctLeader = "giamdoc.stttt@demo.local";
    public const string Ubnd = "ubnd@demo.local";

    private readonly ConcurrentDictionary<string, Lazy<Task<HttpClient>>> sessions = new();

    /// <summary>The signed-in client of <paramref name="email"/>.</summary>
    public Task<HttpClient> AsAsync(string email) =>
        sessions.GetOrAdd(email, e => new Lazy<Task<HttpClient>>(() => LoginAsync(e))).Value;

    /// <summary>Everyone signs in again: after the clock moved past their tokens' lifetime.</summary>
    public void SignOutEveryone() => sessions.Clear();

    public async Task<JsonElement> GetAsync(string email, string url)
    {
        using var response = await (await AsAsync(email)).GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} as {email}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> PostAsync(string email, string url, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await (await AsAsync(email)).PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"POST {url} as {email}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The one open item of <paramref name="form"/> about <paramref name="subject"/> in <paramref name="email"/>'s inbox, within <paramref name="requestId"/>.</summary>
    public async Task<Guid> ItemAsync(string email, Guid requestId, Guid subject, string form)
    {
        var inbox = await GetAsync(email, $"/api/inbox?requestId={requestId}&form={form}");
        return Assert.Single(inbox.EnumerateArray(), i => i.GetProperty("correlationId").GetString() == subject.ToString()).GetProperty("id").GetGuid();
    }

    public async Task CompleteAsync(string email, Guid requestId, Guid subject, string form, string outcome) =>
        await PostAsync(email, $"/api/work-items/{await ItemAsync(email, requestId, subject, form)}/complete", new { outcome });

    /// <summary>Writes and sends a request letter to <paramref name="agencies"/>; returns its id.</summary>
    public async Task<Guid> PublishRequestAsync(int number, DateOnly date, DateOnly deadline, IReadOnlyCollection<Guid> agencies)
    {
        var created = await PostAsync(Reviewer, "/api/requests", new
        {
            number = $"{number}/STTTT-CĐS",
            date = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            subject = $"đề xuất nhiệm vụ, kinh phí chuyển đổi số (đợt {number})",
            planPeriod = new { from = 2022, to = 2025 },
            planYear = 2022,
            pastYears = new { from = 2020, to = 2021 },
            deadline = deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            targetAgencyIds = agencies,
        }, HttpStatusCode.Created);
        var request = created.GetProperty("id").GetGuid();
        await PostAsync(Reviewer, $"/api/requests/{request}/publish", new { });
        return request;
    }

    /// <summary>The agency's staff fill in the seed letter's content and submit it.</summary>
    public async Task DraftAndSubmitAsync(string staff, Guid request, Guid proposal)
    {
        var client = await AsAsync(staff);
        var revision = (await GetAsync(staff, $"/api/proposals/{proposal}")).GetProperty("revision").GetInt32();
        using (var saved = await client.PutProposalAsync(proposal, revision, SeedLetter.Content()))
        {
            Assert.True(saved.StatusCode == HttpStatusCode.OK, $"save {proposal}: {(int)saved.StatusCode} {await saved.Content.ReadAsStringAsync()}");
        }

        await CompleteAsync(staff, request, proposal, "draft", "Submit");
    }

    private async Task<HttpClient> LoginAsync(string email)
    {
        var client = balancer.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password = AppFactory.Password });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"login {email}: {(int)response.StatusCode}");
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
