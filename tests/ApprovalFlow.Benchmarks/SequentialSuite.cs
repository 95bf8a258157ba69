using System.Text.Json.Nodes;
using ApprovalFlow.Workflows.Activities;
using ApprovalFlow.Workflows.Expressions;
using ApprovalFlow.Workflows.Model;
using ApprovalFlow.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Benchmarks;

/// <summary>
/// A 10-step sequential flowchart run in memory, per run. The published reference (WorkflowForge, January 2026)
/// measured Elsa 3 at 17.6 ms for 10 sequential steps; the target here is under 0.2 ms.
/// </summary>
public sealed class SequentialSuite : ISuite
{
    private const double ElsaPublishedMilliseconds = 17.6;

    public string Name => "sequential";

    public async Task<Dictionary<string, object>> RunAsync(bool quick)
    {
        var definition = TenSteps();
        await using var services = new ServiceCollection().BuildServiceProvider();
        var runner = new WorkflowRunner(ActivityRegistry.CreateDefault(), new ExpressionEvaluator(new ScriptLimits()), services, TimeProvider.System);
        var ms = await Measure.MillisecondsPerOperationAsync(quick ? 5 : 15, quick ? 2_000 : 10_000, async i =>
        {
            var result = await runner.StartAsync(definition, i.ToString(System.Globalization.CultureInfo.InvariantCulture), null);
            if (result.State.Status != WorkflowStatus.Finished)
            {
                throw new InvalidOperationException("The sequence did not finish.");
            }
        });

        return new()
        {
            ["msPerRun"] = Math.Round(ms, 4),
            ["targetMs"] = 0.2,
            ["elsaPublishedMs"] = ElsaPublishedMilliseconds,
            ["speedupOverElsaPublished"] = Math.Round(ElsaPublishedMilliseconds / ms, 1),
        };
    }

    private static WorkflowDefinition TenSteps()
    {
        var root = new ActivityNode { Id = "root", Type = "Elsa.Flowchart" };
        root.Activities.Add(new ActivityNode { Id = "start", Type = "Elsa.Start" });
        for (var i = 1; i <= 10; i++)
        {
            var step = new ActivityNode { Id = $"s{i}", Type = "Elsa.WriteLine" };
            step.Inputs["text"] = InputValue.Literal("String", JsonValue.Create($"step {i}"));
            root.Activities.Add(step);
            root.Connections.Add(new Connection { Source = new(i == 1 ? "start" : $"s{i - 1}", "Done"), Target = new($"s{i}", "In") });
        }

        return new WorkflowDefinition { Id = "seq-v1", DefinitionId = "seq", Name = "sequential", Root = root };
    }
}
