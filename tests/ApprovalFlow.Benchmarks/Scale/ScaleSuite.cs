using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ApprovalFlow.Benchmarks.Scale;

/// <summary>
/// The inbox at a province's scale (issue 9): 1,000,000 work items of 100,000 workflow instances, bulk-loaded into
/// SQLite and into PostgreSQL; the app started in Release against each, as its own process; the inbox page
/// (<c>/inbox</c>, cookie) and API (<c>/api/inbox</c>, bearer) of a head with 50 open items driven by <c>wrk</c> from
/// a second process on loopback. Baseline, in the same run against the same database: the inbox's queries as bare
/// ADO.NET under the same concurrency. Targets: p95 under 50 ms, at least 300 requests/s, p95 within 3× of the bare query.
/// </summary>
public sealed partial class ScaleSuite : ISuite
{
    private const string Password = "Bench@2026scale";
    private const int Connections = 8;
    private const double TargetP95Ms = 50;
    private const double TargetRequestsPerSecond = 300;
    private const double TargetRatio = 3;

    public string Name => "scale";

    public async Task<Dictionary<string, object>> RunAsync(bool quick)
    {
        await Wrk.EnsureInstalledAsync();
        var instances = quick ? 10_000 : 100_000;
        var duration = TimeSpan.FromSeconds(quick ? 5 : 20);
        var figures = new Dictionary<string, object>
        {
            ["workflowInstances"] = instances,
            ["workItems"] = instances * ScaleData.StepsPerInstance,
            ["measuredUser"] = ScaleDatabase.OwnerEmail,
            ["load"] = $"wrk -t1 -c{Connections} -d{duration.TotalSeconds}s, loopback",
            ["targets"] = new { p95Ms = TargetP95Ms, requestsPerSecond = TargetRequestsPerSecond, p95RatioToBare = TargetRatio },
        };

        await using (var sqlite = ScaleDatabase.Sqlite())
        {
            figures["sqlite"] = await RunOnAsync(sqlite, instances, duration);
        }

        await using (var postgres = await ScaleDatabase.PostgreSqlAsync())
        {
            figures["postgresql"] = await RunOnAsync(postgres, instances, duration);
        }

        return figures;
    }

    private static async Task<Dictionary<string, object>> RunOnAsync(ScaleDatabase database, int instances, TimeSpan duration)
    {
        var warmUp = duration / 2;
        Console.WriteLine($"[{database.Provider}] first start: migrations and the demo province");
        var settings = new Dictionary<string, string>(database.Settings)
        {
            ["ApprovalFlow:DataDir"] = database.DataDir,
            ["ApprovalFlow:DemoPassword"] = Password,
            ["ApprovalFlow:WorkflowsDir"] = Path.Combine(BenchResults.RepositoryRoot(), "workflows"),
        };
        await (await AppProcess.StartAsync(settings)).DisposeAsync();

        var owner = await database.OwnerAsync();
        var data = new ScaleData(instances, owner);
        Console.WriteLine($"[{database.Provider}] bulk load: {data.Instances:N0} instances, {data.WorkItems:N0} work items ({data.OpenItems:N0} open)");
        var seed = Stopwatch.StartNew();
        await database.Writer.WriteAsync(data.InstanceRows());
        await database.Writer.WriteAsync(data.WorkItemRows());
        await database.Writer.AnalyzeAsync();
        var seedSeconds = seed.Elapsed.TotalSeconds;

        await using var app = await AppProcess.StartAsync(settings);
        var cookie = await SignIn.CookieAsync(app.Address, ScaleDatabase.OwnerEmail, Password);
        var bearer = await SignIn.BearerAsync(app.Address, ScaleDatabase.OwnerEmail, Password);
        var page = new Uri(app.Address, "/inbox");
        var api = new Uri(app.Address, "/api/inbox");
        var pageHeaders = new Dictionary<string, string> { ["Cookie"] = cookie };
        var apiHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + bearer };

        // Both ways must show the user's items before they are timed: a redirect to the login page is fast too.
        var bare = database.Bare(owner);
        var (pageItems, pageBytes) = await ItemsOnPageAsync(page, cookie);
        var (apiItems, apiBytes) = await ItemsInApiAsync(api, bearer);
        var bareItems = await bare.ItemCountAsync();
        if (pageItems < ScaleData.OwnersOpenItems || pageItems != apiItems || apiItems != bareItems)
        {
            throw new InvalidOperationException($"The inbox shows {pageItems} items on the page, {apiItems} in the API and {bareItems} in the bare query.");
        }

        // Long enough for the JIT's optimised tier and the database's caches, which a running server has.
        Console.WriteLine($"[{database.Provider}] warm-up");
        await Wrk.RunAsync(page, pageHeaders, Connections, warmUp);
        await Wrk.RunAsync(api, apiHeaders, Connections, warmUp);
        await bare.RunAsync(Connections, warmUp);

        // What the app spends with no request at all (Hangfire's polling, the sweeps), so as to read the per-request
        // figures fairly. Taken after the warm-up: just after its first requests the JIT recompiles the hot methods in
        // the background for some seconds, which is not what the app costs at rest.
        await Task.Delay(TimeSpan.FromSeconds(5));
        var idleBefore = app.ProcessorTime;
        await Task.Delay(TimeSpan.FromSeconds(5));
        var idleCpuMsPerSecond = Math.Round((app.ProcessorTime - idleBefore).TotalMilliseconds / 5, 2);

        Console.WriteLine($"[{database.Provider}] measured");
        var (pageLoad, pageCpuMs) = await MeasureAsync(app, () => Wrk.RunAsync(page, pageHeaders, Connections, duration), pageBytes);
        var (apiLoad, apiCpuMs) = await MeasureAsync(app, () => Wrk.RunAsync(api, apiHeaders, Connections, duration), apiBytes);
        var bareLoad = await bare.RunAsync(Connections, duration);
        Console.WriteLine($"[{database.Provider}] bare query: {bareLoad}");

        return new()
        {
            ["seedSeconds"] = Math.Round(seedSeconds, 1),
            ["openWorkItems"] = data.OpenItems,
            ["itemsInInbox"] = pageItems,
            ["appIdleCpuMsPerSecond"] = idleCpuMsPerSecond,
            ["page"] = Summary(pageLoad, bareLoad, pageCpuMs),
            ["api"] = Summary(apiLoad, bareLoad, apiCpuMs),
            ["bareQuery"] = new { requestsPerSecond = bareLoad.RequestsPerSecond, p50Ms = bareLoad.P50Ms, p95Ms = bareLoad.P95Ms, p99Ms = bareLoad.P99Ms },
        };
    }

    private static object Summary(LoadFigures load, LoadFigures bare, double cpuMsPerRequest) => new
    {
        requestsPerSecond = load.RequestsPerSecond,
        appCpuMsPerRequest = cpuMsPerRequest,
        p50Ms = load.P50Ms,
        p95Ms = load.P95Ms,
        p99Ms = load.P99Ms,
        requests = load.Requests,
        p95RatioToBare = Math.Round(load.P95Ms / bare.P95Ms, 2),
        meetsTargets = load.P95Ms < TargetP95Ms && load.RequestsPerSecond >= TargetRequestsPerSecond && load.P95Ms <= TargetRatio * bare.P95Ms,
    };

    /// <summary>A load run, with the app's processor time per request over it.</summary>
    private static async Task<(LoadFigures Load, double CpuMsPerRequest)> MeasureAsync(AppProcess app, Func<Task<LoadFigures>> run, long expectedBytes)
    {
        var before = app.ProcessorTime;
        var load = Checked(await run(), expectedBytes);
        return (load, Math.Round((app.ProcessorTime - before).TotalMilliseconds / load.Requests, 2));
    }

    /// <summary>Fails the run when wrk saw errors, or responses of another size than the checked one (a redirect, an error page).</summary>
    private static LoadFigures Checked(LoadFigures load, long expectedBytes)
    {
        if (load.Errors > 0 || Math.Abs(load.BytesPerResponse - expectedBytes) > expectedBytes * 0.1)
        {
            throw new InvalidOperationException($"The load run got {load.Errors} errors and {load.BytesPerResponse} bytes a response, not about {expectedBytes}.");
        }

        return load;
    }

    private static async Task<(int Items, long Bytes)> ItemsOnPageAsync(Uri page, string cookie)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, page);
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        return response.StatusCode == HttpStatusCode.OK
            ? (WorkItemCard().Count(html), await ResponseBytesAsync(page, request.Headers))
            : throw new InvalidOperationException($"/inbox answered {(int)response.StatusCode}.");
    }

    private static async Task<(int Items, long Bytes)> ItemsInApiAsync(Uri api, string bearer)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, api);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var items = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetArrayLength();
        return (items, await ResponseBytesAsync(api, request.Headers));
    }

    /// <summary>The size wrk counts for one response: status line, headers and body, as sent.</summary>
    private static async Task<long> ResponseBytesAsync(Uri url, HttpRequestHeaders headers)
    {
        var figures = await Wrk.RunAsync(url, headers.ToDictionary(h => h.Key, h => string.Join(", ", h.Value)), 1, TimeSpan.FromSeconds(1));
        return (long)figures.BytesPerResponse;
    }

    [GeneratedRegex("data-testid=\"work-item\"")]
    private static partial Regex WorkItemCard();
}
