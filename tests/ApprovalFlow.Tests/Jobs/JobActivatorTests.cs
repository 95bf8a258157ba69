using ApprovalFlow.Web.Features.Jobs;
using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Tests.Jobs;

/// <summary>
/// Hangfire keeps its activator in a static that every host's configuration overwrites. Two hosts in one process
/// (the test suite runs dozens) must each run their jobs in their own container, against their own database.
/// </summary>
[Trait("Database", "None")]
public sealed class JobActivatorTests
{
    [Fact]
    public void A_host_runs_its_jobs_in_its_own_container_even_when_another_host_configured_Hangfire_after_it()
    {
        using var first = BuildHost(out var firstMarker);
        using var second = BuildHost(out _);

        // The interleaving of two hosts starting at once: both configure Hangfire before the first starts its server.
        first.GetRequiredService<IGlobalConfiguration>();
        second.GetRequiredService<IGlobalConfiguration>();
        using var scope = first.GetRequiredService<JobActivator>().BeginScope((JobActivatorContext)null!);

        Assert.Same(firstMarker, scope.Resolve(typeof(HostMarker)));
    }

    private static ServiceProvider BuildHost(out HostMarker marker)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Jobs:LogThroughHost"] = "false" }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddApprovalFlowJobs(configuration);
        marker = new HostMarker();
        services.AddSingleton(marker);
        return services.BuildServiceProvider();
    }

    private sealed class HostMarker;
}
