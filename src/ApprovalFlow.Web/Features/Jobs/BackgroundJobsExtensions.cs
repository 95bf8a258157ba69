using ApprovalFlow.Identity;
using ApprovalFlow.Workflows.Persistence;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;

namespace ApprovalFlow.Web.Features.Jobs;

/// <summary>Hangfire runs every background job: in memory on the embedded default, in PostgreSQL beside the app's data.</summary>
public static class BackgroundJobsExtensions
{
    /// <summary>The dashboard's address.</summary>
    public const string DashboardPath = "/hangfire";

    /// <summary>The policy that lets administrators, and only them, into the dashboard.</summary>
    public const string DashboardPolicy = "HangfireDashboard";

    /// <param name="services">The host's services.</param>
    /// <param name="configuration">Reads <c>Jobs</c> and <c>Database</c>.</param>
    public static IServiceCollection AddApprovalFlowJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>() ?? new();
        services.AddOptions<JobsOptions>().Bind(configuration.GetSection(JobsOptions.SectionName));

        // One storage per host, never Hangfire's static one, so that hosts sharing a process (tests) never run each
        // other's jobs. It is built after Hangfire's configuration, which installs the log provider storages log to.
        var postgres = configuration["Database:Provider"] is { } provider && provider.Equals("PostgreSql", StringComparison.OrdinalIgnoreCase);
        services.AddSingleton<JobStorage>(sp =>
        {
            sp.GetRequiredService<IGlobalConfiguration>();
            return postgres
                ? new PostgreSqlStorage(
                    new NpgsqlConnectionFactory(configuration["Database:ConnectionString"]!, new PostgreSqlStorageOptions()),
                    new PostgreSqlStorageOptions
                    {
                        SchemaName = "hangfire",
                        PrepareSchemaIfNecessary = true,

                        // Idle workers look for enqueued jobs this often (Hangfire.PostgreSql's default is 15 s): a timer
                        // moved from the schedule to the queue then runs within the same interval, not 15 s later.
                        QueuePollInterval = options.SchedulePollingInterval,
                        // A lock a dead node left behind frees after a minute rather than ten: Hangfire's own locks
                        // (recurring jobs, schema) are held for moments; the app's work is claimed in its own tables.
                        DistributedLockTimeout = TimeSpan.FromMinutes(1),
                    })
                : new InMemoryStorage();
        });
        // Hangfire's default activator is whatever the static JobActivator.Current holds when it is first asked for,
        // and every host's configuration overwrites that static: two hosts starting together (tests) would run each
        // other's jobs in the other's container, against the other's database, or in one already disposed.
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();

            // Hangfire keeps its log provider in a static: hosts started one after another in one process (tests) would
            // log through a disposed host's logger factory.
            if (!options.LogThroughHost)
            {
                config.UseLogProvider(new SilentLogProvider());
            }
        });
        services.AddHangfireServer((_, server) =>
        {
            server.WorkerCount = options.WorkerCount;
            server.SchedulePollingInterval = options.SchedulePollingInterval;
        });
        services.AddScoped<WorkflowTimerJobs>();
        services.AddScoped<ReminderJobs>();
        services.AddScoped<ApprovalFlow.Reminders.ReminderSweep>();
        services.AddSingleton<IWorkflowTimerScheduler, HangfireTimerScheduler>();
        services.AddHostedService<JobScheduleStartup>();
        services.AddAuthorizationBuilder().AddPolicy(DashboardPolicy, policy => policy.RequireRole(Roles.Administrator));
        return services;
    }

    /// <summary>The dashboard at <see cref="DashboardPath"/>, for administrators: others get the sign-in or the "access denied" page.</summary>
    public static IEndpointRouteBuilder MapJobsDashboard(this IEndpointRouteBuilder routes)
    {
        // ASP.NET Core's authorization guards the endpoint, so Hangfire's own filter has nothing left to check.
        routes.MapHangfireDashboard(DashboardPath, new DashboardOptions { Authorization = [], AppPath = "/" }).RequireAuthorization(DashboardPolicy);
        return routes;
    }
}
