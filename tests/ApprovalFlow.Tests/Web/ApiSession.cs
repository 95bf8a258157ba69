using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ApprovalFlow.Proposals;

namespace ApprovalFlow.Tests.Web;

/// <summary>A script's view of the API: signed in with a bearer token from <c>POST /api/auth/login</c>.</summary>
public static class ApiSession
{
    public static async Task<HttpClient> LoginAsync(AppFactory app, string email)
    {
        var client = app.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password = AppFactory.Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The id of the only proposal the caller sees.</summary>
    public static async Task<Guid> OwnProposalIdAsync(this HttpClient client) =>
        Assert.Single((await client.GetJsonAsync("/api/proposals")).EnumerateArray()).GetProperty("id").GetGuid();

    public static Task<HttpResponseMessage> PutProposalAsync(this HttpClient client, Guid id, int revision, ProposalContent content) =>
        client.PutAsync($"/api/proposals/{id}", JsonContent.Create(new { revision, content }, options: ProposalJson.Options));

    public static Task<HttpResponseMessage> PutRawAsync(this HttpClient client, Guid id, string json) =>
        client.PutAsync($"/api/proposals/{id}", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    public static ProposalContent ContentOf(JsonElement proposal) =>
        proposal.GetProperty("content").Deserialize<ProposalContent>(ProposalJson.Options)!;
}
