using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ApprovalFlow.Tests.Infrastructure;

/// <summary>
/// The web app as a real process — <c>dotnet ApprovalFlow.Web.dll</c> from the web project's build output — on a
/// free loopback port, configured through environment variables as a server would be. Tests kill it outright
/// (<see cref="Kill"/>: no shutdown, as a crash or a power cut) and start it again on the same settings.
/// </summary>
public sealed class WebAppProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private WebAppProcess(string name, Process process, int port)
    {
        Name = name;
        this.process = process;
        Port = port;
        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Name { get; }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public bool HasExited => process.HasExited;

    /// <summary>What the process wrote to its console so far (its log), line by line.</summary>
    public IReadOnlyList<string> Output => [.. output];

    /// <summary>The web project's build of the same configuration as the tests, which the test project's reference builds first.</summary>
    public static string WebAssembly { get; } = FindWebAssembly();

    /// <summary>Starts the app with <paramref name="settings"/> (configuration keys, e.g. <c>Database:Provider</c>) and waits until <c>/health</c> answers.</summary>
    /// <summary>
    /// What every test app process is started with: its data folder, the demo accounts, the repository's workflows,
    /// mail to <paramref name="smtp"/>, the clock the test moves, and the background jobs looking every second or two.
    /// </summary>
    public static Dictionary<string, string> Settings(string dataDir, SmtpServer smtp, TestClockFile clock)
    {
        var settings = smtp.AppSettings();
        settings["ApprovalFlow:DataDir"] = dataDir;
        settings["ApprovalFlow:DemoPassword"] = Web.AppFactory.Password;
        settings["ApprovalFlow:WorkflowsDir"] = Web.AppFactory.DefaultWorkflowsDir;
        settings["Testing:Clock:OffsetFile"] = clock.Path;
        settings["Jobs:MailCron"] = "*/2 * * * * *";
        settings["Jobs:SchedulePollingInterval"] = "00:00:01";
        return settings;
    }

    public static async Task<WebAppProcess> StartAsync(string name, IReadOnlyDictionary<string, string> settings, int? port = null)
    {
        var listenOn = port ?? FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(WebAssembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(WebAssembly);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{listenOn}";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var app = new WebAppProcess(name, Process.Start(start)!, listenOn);
        // Generous: on a busy machine a first start migrates and seeds for a while, and a second waits for it.
        await app.WaitUntilHealthyAsync(TimeSpan.FromMinutes(4));
        return app;
    }

    /// <summary>Kills the process at once, as a crash would: no request or job is finished, nothing is flushed.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
    }

    public HttpClient CreateClient(HttpMessageHandler? handler = null) =>
        new(handler ?? new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(2) };

    public ValueTask DisposeAsync()
    {
        Kill();
        process.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var client = CreateClient();
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {process.ExitCode} at start-up:\n{string.Join('\n', output.TakeLast(60))}");
            }

            try
            {
                using var response = await client.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        Kill();
        throw new TimeoutException($"{Name} did not become healthy within {timeout}:\n{string.Join('\n', output.TakeLast(60))}");
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            output.Enqueue(line);
        }
    }

    private static string FindWebAssembly()
    {
        // The tests run from tests/ApprovalFlow.Tests/bin/<configuration>/<framework>/; the app's build sits at the same place under src/.
        var testsOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (testsOutput.Name, testsOutput.Parent!.Name);
        var repository = testsOutput;
        while (repository is not null && !File.Exists(Path.Combine(repository.FullName, "ApprovalFlow.sln")))
        {
            repository = repository.Parent;
        }

        var path = Path.Combine(repository?.FullName ?? throw new InvalidOperationException("The repository's root (ApprovalFlow.sln) is not above the tests."),
            "src", "ApprovalFlow.Web", "bin", configuration, framework, "ApprovalFlow.Web.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("The web app is not built; build the solution first.", path);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
