using Hangfire.Logging;

namespace ApprovalFlow.Web.Features.Jobs;

/// <summary>Hangfire's logs dropped: for processes that host several apps one after another (the test suite).</summary>
public sealed class SilentLogProvider : ILogProvider
{
    public ILog GetLogger(string name) => Silent.Instance;

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string> messageFunc, Exception? exception = null) => false;
    }
}
