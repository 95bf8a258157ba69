using ApprovalFlow.Benchmarks;

// dotnet run -c Release --project tests/ApprovalFlow.Benchmarks -- [--quick] [suite ...]
// Writes one JSON file per suite under bench-results/ at the repository root.
var quick = args.Contains("--quick");
var wanted = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
ISuite[] suites = [new SequentialSuite(), new TransitionSuite(), new RemindersSuite(), new DocumentsSuite(), new ApprovalFlow.Benchmarks.Scale.ScaleSuite()];
foreach (var suite in suites.Where(s => wanted.Count == 0 || wanted.Contains(s.Name)))
{
    var result = await suite.RunAsync(quick);
    BenchResults.Write(suite.Name, quick, result);
}
