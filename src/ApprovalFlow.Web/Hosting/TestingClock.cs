using System.Globalization;

namespace ApprovalFlow.Web.Hosting;

/// <summary>
/// A clock for tests that run the app as a real process (restarts, several nodes): the system's clock shifted by an
/// offset that the test writes to a file (<c>Testing:Clock:OffsetFile</c>, a <see cref="TimeSpan"/> in the invariant
/// "c" format such as <c>-1720.05:30:00</c>). Every process pointed at the same file reads the same time, and a test
/// moves them all at once by rewriting it. Only the <c>Testing</c> environment accepts it: anywhere else the setting
/// stops the app at start-up, so that a production node can never run on a moved clock.
/// </summary>
public sealed class TestingClock(string offsetFile) : TimeProvider
{
    /// <summary>The configuration key naming the offset file.</summary>
    public const string OffsetFileKey = "Testing:Clock:OffsetFile";

    /// <summary>How long a read of the file is trusted: a clock is asked often, a test moves it seldom.</summary>
    private static readonly TimeSpan ReadInterval = TimeSpan.FromMilliseconds(100);

    private readonly Lock gate = new();
    private TimeSpan offset;
    private DateTime lastWrite;
    private long nextReadTimestamp;

    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + CurrentOffset();

    private TimeSpan CurrentOffset()
    {
        lock (gate)
        {
            if (TimeProvider.System.GetTimestamp() < nextReadTimestamp)
            {
                return offset;
            }

            nextReadTimestamp = TimeProvider.System.GetTimestamp() + (long)(ReadInterval.TotalSeconds * TimeProvider.System.TimestampFrequency);
            var written = File.GetLastWriteTimeUtc(offsetFile);
            if (written != lastWrite)
            {
                // The test replaces the file whole (write beside it, then move), so a read never sees half a value.
                offset = File.Exists(offsetFile) ? TimeSpan.ParseExact(File.ReadAllText(offsetFile).Trim(), "c", CultureInfo.InvariantCulture) : TimeSpan.Zero;
                lastWrite = written;
            }

            return offset;
        }
    }
}

/// <summary>Registers <see cref="TestingClock"/> when it is configured, and refuses it outside the Testing environment.</summary>
public static class TestingClockExtensions
{
    /// <summary>The environment in which <see cref="TestingClock"/> may run.</summary>
    public const string TestingEnvironment = "Testing";

    public static IServiceCollection AddTestingClockIfConfigured(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        if (configuration[TestingClock.OffsetFileKey] is not { Length: > 0 } file)
        {
            return services;
        }

        if (!environment.IsEnvironment(TestingEnvironment))
        {
            throw new InvalidOperationException(
                $"{TestingClock.OffsetFileKey} moves the app's clock and is accepted only in the {TestingEnvironment} environment, not in {environment.EnvironmentName}.");
        }

        return services.AddSingleton<TimeProvider>(new TestingClock(Path.GetFullPath(file)));
    }
}
