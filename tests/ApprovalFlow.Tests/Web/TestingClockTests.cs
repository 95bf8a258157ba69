using ApprovalFlow.Tests.Infrastructure;
using ApprovalFlow.Web.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace ApprovalFlow.Tests.Web;

/// <summary>The clock that real-process tests move: it follows its file, and nothing but the Testing environment accepts it.</summary>
// No database.
[Trait("Database", "None")]
public sealed class TestingClockTests
{
    [Fact]
    public void It_reads_the_time_the_test_sets_and_follows_when_the_test_moves_it()
    {
        using var file = new TestClockFile(new DateTimeOffset(2022, 2, 7, 8, 0, 0, TimeSpan.FromHours(7)));
        var clock = Register("Testing", file.Path).GetRequiredService<TimeProvider>();

        Assert.IsType<TestingClock>(clock);
        Assert.InRange(clock.GetUtcNow() - file.Now, TimeSpan.FromSeconds(-5), TimeSpan.FromSeconds(5));

        file.Set(new DateTimeOffset(2022, 2, 16, 9, 0, 0, TimeSpan.FromHours(7)));
        Thread.Sleep(TimeSpan.FromMilliseconds(300));
        Assert.InRange(clock.GetUtcNow() - file.Now, TimeSpan.FromSeconds(-5), TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    [InlineData("Staging")]
    public void Any_other_environment_refuses_to_start_with_it(string environment)
    {
        using var file = new TestClockFile(new DateTimeOffset(2022, 2, 7, 8, 0, 0, TimeSpan.Zero));
        var refusal = Assert.Throws<InvalidOperationException>(() => Register(environment, file.Path));
        Assert.Contains(TestingClock.OffsetFileKey, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_setting_the_app_keeps_the_system_clock()
    {
        var services = new ServiceCollection().AddTestingClockIfConfigured(new ConfigurationBuilder().Build(), new Environment("Production"));
        Assert.DoesNotContain(services, s => s.ServiceType == typeof(TimeProvider));
    }

    private static ServiceProvider Register(string environment, string offsetFile)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [TestingClock.OffsetFileKey] = offsetFile }).Build();
        return new ServiceCollection().AddTestingClockIfConfigured(configuration, new Environment(environment)).BuildServiceProvider();
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "ApprovalFlow.Web";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
