using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using ApprovalFlow.Tests.Infrastructure;
using ApprovalFlow.Tests.Web;
using Microsoft.Data.Sqlite;

namespace ApprovalFlow.Tests.Health;

/// <summary>
/// <c>/health</c> as a load balancer or a container runtime calls it: anonymous, each check's status, nothing a
/// stranger could use; an unreachable SMTP server degrades it, a lost database fails it.
/// </summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Everything_up_is_healthy_to_an_anonymous_caller()
    {
        await using var smtp = await SmtpServer.StartAsync();
        using var app = new AppFactory { Settings = smtp.AppSettings() };

        var (status, body, text) = await HealthAsync(app);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal(
            new Dictionary<string, string> { ["database"] = "Healthy", ["jobs"] = "Healthy", ["mail"] = "Healthy" },
            Checks(body));
        AssertTellsNoSecret(app, text, smtp.Port);
    }

    [Fact]
    public async Task An_unreachable_smtp_server_degrades_it_without_saying_where_the_server_is()
    {
        var closedPort = ClosedPort();
        using var app = new AppFactory { Settings = SmtpServer.SettingsFor(closedPort) };

        var (status, body, text) = await HealthAsync(app);

        // Degraded still answers 200: the app works, and mail waits in the outbox.
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Degraded", body.GetProperty("status").GetString());
        Assert.Equal("Degraded", Checks(body)["mail"]);
        Assert.Equal("Healthy", Checks(body)["database"]);
        AssertTellsNoSecret(app, text, closedPort);
    }

    // It deletes the SQLite file under the app: run once, in the run on the default provider.
    [Fact]
    [Trait("Database", "None")]
    public async Task A_lost_database_makes_it_unhealthy_with_503()
    {
        using var app = new AppFactory();
        using (await app.CreateClient().GetAsync("/health"))
        {
            // Started and migrated.
        }

        // The database file disappears under the running app (a failed disk, a mistaken clean-up).
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.EnumerateFiles(app.DataDir, "approvalflow.db*"))
        {
            File.Delete(file);
        }

        var (status, body, text) = await HealthAsync(app);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", Checks(body)["database"]);
        AssertTellsNoSecret(app, text, port: null);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body, string Text)> HealthAsync(AppFactory app)
    {
        using var response = await app.CreateClient().GetAsync("/health");
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), text);
    }

    private static Dictionary<string, string> Checks(JsonElement body) =>
        body.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString()!);

    /// <summary>No path, host, port, connection string or exception text: only statuses and fixed sentences.</summary>
    private static void AssertTellsNoSecret(AppFactory app, string text, int? port)
    {
        Assert.DoesNotContain(app.DataDir, text, StringComparison.Ordinal);
        Assert.DoesNotContain("approvalflow.db", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("127.0.0.1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        if (port is { } p)
        {
            Assert.DoesNotContain(p.ToString(System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        }
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
