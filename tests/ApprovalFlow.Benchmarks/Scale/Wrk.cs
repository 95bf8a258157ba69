using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ApprovalFlow.Benchmarks.Scale;

/// <summary>What a load run measured: throughput, latency percentiles, and the average response size (to tell a page from a redirect).</summary>
public sealed record LoadFigures(double RequestsPerSecond, double P50Ms, double P95Ms, double P99Ms, long Requests, long Errors, double BytesPerResponse);

/// <summary>
/// <c>wrk</c> (Debian's package), a second process on loopback, driving one URL with fixed headers. Its Lua
/// <c>done</c> hook prints the latency distribution's percentiles (the command-line report stops at 50/75/90/99).
/// </summary>
public static partial class Wrk
{
    public static async Task<LoadFigures> RunAsync(Uri url, IReadOnlyDictionary<string, string> headers, int connections, TimeSpan duration)
    {
        var script = Path.Combine(Path.GetTempPath(), $"approvalflow-wrk-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(script, Script(headers));
        try
        {
            var start = new ProcessStartInfo("wrk", ["-t1", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "--latency", "-s", script, url.ToString()])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            Console.WriteLine($"  $ {start.FileName} {string.Join(' ', start.ArgumentList)}");
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"wrk failed ({process.ExitCode}): {error}{output}");
            }

            Console.WriteLine(Indent(output));
            return Parse(output);
        }
        finally
        {
            File.Delete(script);
        }
    }

    /// <summary>Installs Debian's <c>wrk</c> when it is missing and this process may (root with apt-get).</summary>
    public static async Task EnsureInstalledAsync()
    {
        if (await ExitsCleanlyAsync("sh", "-c", "command -v wrk"))
        {
            return;
        }

        if (Environment.UserName != "root" || !await ExitsCleanlyAsync("sh", "-c", "command -v apt-get"))
        {
            throw new InvalidOperationException("wrk is not installed: apt-get install wrk (as root).");
        }

        Console.WriteLine("Installing wrk (apt-get install wrk)…");
        if (!await ExitsCleanlyAsync("sh", "-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk"))
        {
            throw new InvalidOperationException("apt-get install wrk failed.");
        }
    }

    internal static LoadFigures Parse(string output)
    {
        var match = ResultLine().Match(output);
        if (!match.Success)
        {
            throw new InvalidOperationException($"wrk printed no result line:\n{output}");
        }

        double Number(string name) => double.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture);
        var requests = Number("requests");
        return new LoadFigures(
            Math.Round(requests / (Number("duration") / 1e6), 1),
            Math.Round(Number("p50") / 1000, 2),
            Math.Round(Number("p95") / 1000, 2),
            Math.Round(Number("p99") / 1000, 2),
            (long)requests,
            (long)Number("errors"),
            Math.Round(Number("bytes") / Math.Max(1, requests)));
    }

    private static string Script(IReadOnlyDictionary<string, string> headers) =>
        string.Concat(headers.Select(h => $"wrk.headers[\"{h.Key}\"] = \"{h.Value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"\n"))
        + """
          function done(summary, latency, requests)
            local e = summary.errors
            io.write(string.format("scale-result requests=%d duration=%d bytes=%d p50=%d p95=%d p99=%d errors=%d\n",
              summary.requests, summary.duration, summary.bytes,
              latency:percentile(50), latency:percentile(95), latency:percentile(99),
              e.connect + e.read + e.write + e.status + e.timeout))
          end
          """;

    private static async Task<bool> ExitsCleanlyAsync(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        await process.WaitForExitAsync();
        return process.ExitCode == 0;
    }

    private static string Indent(string text) => string.Join('\n', text.TrimEnd().Split('\n').Select(l => "    " + l));

    [GeneratedRegex(@"scale-result requests=(?<requests>\d+) duration=(?<duration>\d+) bytes=(?<bytes>\d+) p50=(?<p50>\d+) p95=(?<p95>\d+) p99=(?<p99>\d+) errors=(?<errors>\d+)")]
    private static partial Regex ResultLine();
}
