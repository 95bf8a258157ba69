using System.Globalization;

namespace ApprovalFlow.Tests.Infrastructure;

/// <summary>
/// The file behind the app's <c>TestingClock</c> (<c>Testing:Clock:OffsetFile</c>): every app process pointed at it
/// reads the time the test sets, and moves when the test moves it.
/// </summary>
public sealed class TestClockFile : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("approvalflow-clock-").FullName;

    public TestClockFile(DateTimeOffset now) => Set(now);

    public string Path => System.IO.Path.Combine(folder, "offset");

    /// <summary>The time the apps read now.</summary>
    public DateTimeOffset Now => DateTimeOffset.UtcNow + Offset;

    private TimeSpan Offset { get; set; }

    /// <summary>Sets the apps' time to <paramref name="now"/>; it runs on from there at the speed of real time.</summary>
    public void Set(DateTimeOffset now)
    {
        Offset = now - DateTimeOffset.UtcNow;

        // Written beside and moved over, so that an app never reads half a value.
        var next = System.IO.Path.Combine(folder, "offset.next");
        File.WriteAllText(next, Offset.ToString("c", CultureInfo.InvariantCulture));
        File.Move(next, Path, overwrite: true);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
