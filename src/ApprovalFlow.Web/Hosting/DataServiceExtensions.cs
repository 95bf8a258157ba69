using ApprovalFlow.Budget;
using ApprovalFlow.Data;
using ApprovalFlow.Proposals;
using ApprovalFlow.Seeding;
using ApprovalFlow.Workflows.Hosting;
using ApprovalFlow.Workflows.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ApprovalFlow.Web.Hosting;

/// <summary>Registers the database and the domain services, and prepares the database at start-up.</summary>
public static partial class DataServiceExtensions
{
    /// <summary>Statements a node keeps prepared per connection unless the connection string says otherwise.</summary>
    public const int AutoPreparedStatements = 32;

    /// <summary>
    /// Npgsql prepares the statements a connection runs again and again (the inbox's, the sweeps'): PostgreSQL then
    /// skips parsing and planning them, which on a node sharing its cores with the database is most of a small query.
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        // Npgsql's own builder reports every keyword it knows as present: ask the string as written.
        var written = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (written.Keys.Cast<string>().Any(key => key.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
        {
            return connectionString;
        }

        return new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = AutoPreparedStatements }.ConnectionString;
    }

    public static IServiceCollection AddApprovalFlowData(this IServiceCollection services, IConfiguration configuration)
    {
        var app = configuration.GetSection(ApprovalFlowOptions.SectionName).Get<ApprovalFlowOptions>() ?? new();
        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new();
        switch (database.Provider.ToUpperInvariant())
        {
            case "SQLITE":
                var sqlite = database.ConnectionString
                    ?? new SqliteConnectionStringBuilder { DataSource = Path.Combine(app.ResolvedDataDir, "approvalflow.db") }.ToString();
                services.AddDbContext<ApprovalFlowDbContext, SqliteApprovalFlowDbContext>(options => options.UseSqlite(sqlite));
                break;
            case "POSTGRESQL":
                var postgres = database.ConnectionString
                    ?? throw new InvalidOperationException("Database:ConnectionString is required with Database:Provider 'PostgreSql'.");
                services.AddDbContext<ApprovalFlowDbContext, PostgreSqlApprovalFlowDbContext>(options => options.UseNpgsql(WithAutoPrepare(postgres)));
                break;
            default:
                throw new InvalidOperationException($"Database:Provider '{database.Provider}' is not supported; use 'Sqlite' or 'PostgreSql'.");
        }

        services.AddOptions<ApprovalFlowOptions>().Bind(configuration.GetSection(ApprovalFlowOptions.SectionName));
        services.AddOptions<BudgetOptions>().Bind(configuration.GetSection(BudgetOptions.SectionName))
            .Validate(o => o.PlausibilityLimit > 0, "Budget:PlausibilityLimit must be positive.")
            .ValidateOnStart();
        // Keys sign cookies, bearer tokens and e-mail links: kept in the database, so that sign-ins survive a restart
        // and whatever one node issued, every node of a cluster accepts.
        services.AddDataProtection()
            .SetApplicationName("ApprovalFlow")
            .PersistKeysToDbContext<ApprovalFlowDbContext>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped(sp => new ProposalValidator(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<BudgetOptions>>().Value));
        services.AddScoped<ProposalDrafts>();
        services.AddMemoryCache();
        services.AddScoped<ApprovalFlow.Organization.AgencyDirectory>();
        services.AddScoped<DemoDataSeeder>();
        services.AddBusinessCalendar(configuration);
        services.AddScoped<ApprovalFlow.Requests.RequestPublisher>();
        services.AddScoped<ApprovalFlow.Decisions.Assessments>();
        services.AddScoped<ApprovalFlow.Documents.Records.DocumentSources>();
        services.AddScoped<ApprovalFlow.Documents.Records.DocumentArchive>();
        services.AddScoped<ApprovalFlow.Documents.Records.DocumentSignOff>();
        services.AddScoped<ApprovalFlow.WorkItems.IWorkItemCompletion, ApprovalFlow.Proposals.DraftSubmission>();
        services.AddScoped<ApprovalFlow.WorkItems.IWorkItemCompletion, ApprovalFlow.Decisions.AssessmentCompletion>();
        services.AddWorkflowEngine<ApprovalFlowDbContext>(registry => registry.AddFromAssembly(typeof(ApprovalFlow.WorkItems.HumanTask).Assembly));
        return services;
    }

    /// <summary>Creates the data folder, migrates the database, fills in the holiday table and, when it is empty, seeds the demo province.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ApprovalFlowOptions>>().Value;
        Directory.CreateDirectory(options.ResolvedDataDir);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApprovalFlowDbContext>();
        await using var startupLock = await StartupLock.AcquireAsync(db, CancellationToken.None);
        await db.Database.MigrateAsync();

        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while a writer commits; the setting is stored in the file, so once is enough.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        // Every installation needs the holidays, not only the demo: due dates count working days from the first item.
        await ApprovalFlow.Calendar.HolidaySeed.SeedMissingYearsAsync(db, CancellationToken.None);

        var imports = await scope.ServiceProvider.GetRequiredService<WorkflowDefinitionStore>().ImportFolderAsync(options.ResolvedWorkflowsDir, CancellationToken.None);
        foreach (var refused in imports.Where(i => i.Status == ImportStatus.Refused || i.Problems.Count > 0))
        {
            LogWorkflowProblems(app.Logger, refused.DefinitionId ?? "?", string.Join("; ", refused.Problems.Select(p => p.Message)));
        }

        if (options.SeedDemoData && options.DemoPassword == ApprovalFlowOptions.DefaultDemoPassword && !app.Environment.IsDevelopment()
            && !await db.Agencies.AnyAsync())
        {
            // Accounts with a password printed in the README must never appear on a server others can reach.
            throw new InvalidOperationException(
                "Refusing to seed demo accounts with the published default password outside Development: "
                + "set ApprovalFlow:DemoPassword, or ApprovalFlow:SeedDemoData=false for real data.");
        }

        if (options.SeedDemoData && await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(options.DemoPassword, CancellationToken.None))
        {
            LogSeeded(app.Logger, options.ResolvedDataDir);
        }

        EnsureDataProtectionKey(app.Services.GetRequiredService<IKeyManager>());
    }

    /// <summary>
    /// Creates the first data-protection key now, under the start-up lock, rather than on the first request of each
    /// node: two nodes started together would each make one, and until their key rings refreshed neither would read
    /// the other's cookies.
    /// </summary>
    private static void EnsureDataProtectionKey(IKeyManager keys)
    {
        // Data protection dates its keys by the system's clock, whatever clock the app runs on.
        var now = DateTimeOffset.UtcNow;
        if (!keys.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now.AddDays(7)))
        {
            keys.CreateNewKey(activationDate: now, expirationDate: now.AddDays(90));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow file {DefinitionId} was not imported or not published: {Problems}")]
    private static partial void LogWorkflowProblems(ILogger logger, string definitionId, string problems);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo province into an empty database in {DataDir}")]
    private static partial void LogSeeded(ILogger logger, string dataDir);
}
