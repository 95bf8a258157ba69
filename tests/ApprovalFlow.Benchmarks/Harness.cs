using System.Diagnostics;
using System.Text.Json;

namespace ApprovalFlow.Benchmarks;

/// <summary>A benchmark suite: its name (the results file's) and what it measures.</summary>
public interface ISuite
{
    string Name { get; }

    Task<Dictionary<string, object>> RunAsync(bool quick);
}

/// <summary>Warm-up, then several timed runs; the median is reported, as it ignores a stray slow run.</summary>
public static class Measure
{
    /// <summary>Median milliseconds per operation over <paramref name="runs"/> runs of <paramref name="operations"/> operations.</summary>
    public static async Task<double> MillisecondsPerOperationAsync(int runs, int operations, Func<int, Task> operation)
    {
        for (var i = 0; i < Math.Max(1, operations / 10); i++)
        {
            await operation(i);
        }

        var samples = new List<double>();
        var next = operations;
        for (var run = 0; run < runs; run++)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < operations; i++)
            {
                await operation(next++);
            }

            samples.Add(watch.Elapsed.TotalMilliseconds / operations);
        }

        samples.Sort();
        return samples[samples.Count / 2];
    }
}

/// <summary>Writes a suite's figures to <c>bench-results/{suite}.json</c> and prints them.</summary>
public static class BenchResults
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Write(string suite, bool quick, Dictionary<string, object> figures)
    {
        figures["suite"] = suite;
        figures["mode"] = quick ? "quick" : "full";
        figures["machine"] = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}";
        figures["measuredAt"] = DateTimeOffset.UtcNow.ToString("O");
        var folder = Path.Combine(RepositoryRoot(), "bench-results");
        Directory.CreateDirectory(folder);
        var json = JsonSerializer.Serialize(figures, Indented);
        File.WriteAllText(Path.Combine(folder, suite + ".json"), json);
        Console.WriteLine(json);
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ApprovalFlow.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
