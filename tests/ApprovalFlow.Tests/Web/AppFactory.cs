using System.Security.Cryptography;
using System.Text;
using ApprovalFlow.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ApprovalFlow.Tests.Web;

/// <summary>
/// The real web host, with its keys in a fresh temporary data folder and its database on the provider the run is
/// configured for (<see cref="TestDatabase"/>): SQLite in the data folder, or a database of its own on the test run's
/// PostgreSQL server, dropped with the host. Seeded with the demo province as a first start on a new machine would be.
/// </summary>
public sealed class AppFactory : WebApplicationFactory<Program>
{
    public const string Password = "Test@2026pw";

    /// <summary>The repository's <c>workflows/*.json</c>, copied beside the tests: what a fresh installation runs.</summary>
    public static string DefaultWorkflowsDir { get; } = Path.Combine(AppContext.BaseDirectory, "DefaultWorkflows");

    /// <summary>A new folder holding the default workflows, for a test to add its own beside them.</summary>
    public static string WorkflowsFolderWithDefaults()
    {
        var folder = Directory.CreateTempSubdirectory("approvalflow-workflows-").FullName;
        foreach (var file in Directory.EnumerateFiles(DefaultWorkflowsDir, "*.json"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return folder;
    }

    /// <summary>The demo accounts' password for this host; a test of the start-up guard sets the published default.</summary>
    public string DemoPassword { get; init; } = Password;

    /// <summary>The workflows folder imported at start-up; the repository's own when null.</summary>
    public string? WorkflowsDir { get; init; }

    /// <summary>Further configuration; a <c>Database:Provider</c> here overrides the run's configured provider.</summary>
    public Dictionary<string, string> Settings { get; init; } = [];

    /// <summary>A clock the test controls, in place of the system's (bearer tokens expire by it too: sign in again after moving it).</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>The data folder; a restart test gives a second host the first one's folder.</summary>
    public string DataDir { get; init; } = Path.Combine(Path.GetTempPath(), "approvalflow-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Leaves the data folder (and the PostgreSQL database) behind on dispose, for a host started after this one.</summary>
    public bool KeepDataDir { get; init; }

    /// <summary>The PostgreSQL database this host made on the shared server, when the run is on PostgreSQL.</summary>
    private string? PostgreSqlDatabase { get; set; }

    /// <summary>The <c>Database:*</c> settings the host was given, once it has started.</summary>
    private Dictionary<string, string> DatabaseSettings { get; } = [];

    /// <summary>
    /// What a separate process (a command of the same app) needs to open this host's installation: its data folder
    /// and database, as environment variables. Valid once the host has started.
    /// </summary>
    public IReadOnlyDictionary<string, string> ProcessEnvironment() =>
        new Dictionary<string, string>(DatabaseSettings.Select(s => KeyValuePair.Create(s.Key.Replace(":", "__", StringComparison.Ordinal), s.Value)))
        {
            ["ApprovalFlow__DataDir"] = DataDir,
        };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ApprovalFlow:DataDir", DataDir);
        builder.UseSetting("ApprovalFlow:DemoPassword", DemoPassword);
        builder.UseSetting("Jobs:LogThroughHost", "false");

        // Dozens of hosts share the suite's two cores, so few workers each; but two, so that a job waiting out a timer
        // or a lock never leaves a host's other jobs (a retry, a delay's resumption) queued behind it.
        builder.UseSetting("Jobs:WorkerCount", "2");
        if (WorkflowsDir is not null)
        {
            builder.UseSetting("ApprovalFlow:WorkflowsDir", WorkflowsDir);
        }

        if (TestDatabase.IsPostgreSql && !Settings.ContainsKey("Database:Provider"))
        {
            // Named after the data folder: a host started again on the same folder finds the same database.
            PostgreSqlDatabase = "af_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(DataDir))))[..24];
            var server = Task.Run(PostgresServer.InstanceAsync).GetAwaiter().GetResult();
            DatabaseSettings["Database:Provider"] = "PostgreSql";
            DatabaseSettings["Database:ConnectionString"] = server.EnsureDatabase(PostgreSqlDatabase);
        }

        foreach (var (key, value) in Settings.Where(s => s.Key.StartsWith("Database:", StringComparison.Ordinal)))
        {
            DatabaseSettings[key] = value;
        }

        foreach (var (key, value) in DatabaseSettings.Concat(Settings))
        {
            builder.UseSetting(key, value);
        }

        if (Clock is not null)
        {
            builder.ConfigureTestServices(services => services.RemoveAll<TimeProvider>().AddSingleton(Clock));
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (KeepDataDir)
        {
            return;
        }

        if (PostgreSqlDatabase is not null)
        {
            Task.Run(PostgresServer.InstanceAsync).GetAwaiter().GetResult().DropDatabase(PostgreSqlDatabase);
        }

        if (Directory.Exists(DataDir))
        {
            Directory.Delete(DataDir, recursive: true);
        }
    }
}
