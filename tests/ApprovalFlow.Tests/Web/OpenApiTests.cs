using System.Text.Json;

namespace ApprovalFlow.Tests.Web;

public sealed class OpenApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_api_is_described_at_openapi_v1()
    {
        using var client = app.CreateClient();
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/auth/login", "/api/requests", "/api/requests/{id}", "/api/proposals", "/api/proposals/{id}" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }

        Assert.True(paths.GetProperty("/api/proposals/{id}").TryGetProperty("put", out _));
    }
}
