using System.Text.Json.Nodes;
using ApprovalFlow.Workflows.Activities;
using ApprovalFlow.Workflows.Expressions;
using ApprovalFlow.Workflows.Model;
using ApprovalFlow.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ApprovalFlow.Tests.Workflows;

/// <summary>Builds small flowcharts for tests: activities by id, inputs as expressions, connections by port.</summary>
public sealed class Flow(string name = "test")
{
    private readonly ActivityNode root = new() { Id = "root", Type = "Elsa.Flowchart", Name = "Flowchart1" };
    private readonly List<VariableDefinition> variables = [];

    public static WorkflowExpression Js(string script) => new(ExpressionTypes.JavaScript, JsonValue.Create(script));

    public static WorkflowExpression Literal(JsonNode? value) => new(ExpressionTypes.Literal, value);

    public Flow Activity(string id, string type, params (string Name, WorkflowExpression Value)[] inputs)
    {
        var node = new ActivityNode { Id = id, Type = type, Name = id };
        foreach (var (input, value) in inputs)
        {
            node.Inputs[input] = new InputValue { TypeName = "Object", Expression = value };
        }

        root.Activities.Add(node);
        return this;
    }

    public Flow Connect(string from, string to, string port = ActivityResult.Done)
    {
        root.Connections.Add(new Connection { Source = new(from, port), Target = new(to, "In") });
        return this;
    }

    public Flow Variable(string variable, JsonNode? value = null)
    {
        variables.Add(new VariableDefinition { Id = variable, Name = variable, Value = value });
        return this;
    }

    public WorkflowDefinition Build(int version = 1)
    {
        var definition = new WorkflowDefinition
        {
            Id = $"{name}-v{version}",
            DefinitionId = name,
            Name = name,
            Version = version,
            Root = root,
            CreatedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        };
        definition.Variables.AddRange(variables);
        return definition;
    }

    /// <summary>A runner of the engine's own activities, on a clock the test controls.</summary>
    public static WorkflowRunner Runner(FakeTimeProvider? clock = null, ScriptLimits? limits = null) =>
        new(ActivityRegistry.CreateDefault(), new ExpressionEvaluator(limits ?? new ScriptLimits()), NoServices, clock ?? new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 1, 0, 0, TimeSpan.Zero)));

    /// <summary>The engine's own activities need no services.</summary>
    public static IServiceProvider NoServices { get; } = new ServiceCollection().BuildServiceProvider();
}

internal static class RunResultExtensions
{
    /// <summary>The ids of the activities the run executed, in order.</summary>
    public static string[] Executed(this RunResult result) =>
        [.. result.Journal.Where(j => j.Event == JournalEvents.Executed).Select(j => j.ActivityId!)];
}
