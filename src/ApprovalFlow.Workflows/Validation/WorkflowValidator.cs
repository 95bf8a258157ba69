using ApprovalFlow.Workflows.Activities;
using ApprovalFlow.Workflows.Expressions;
using ApprovalFlow.Workflows.Model;
using ApprovalFlow.Workflows.Runtime;

namespace ApprovalFlow.Workflows.Validation;

/// <summary>
/// Checks a definition before it is imported or published: known activity types, one start, connections between
/// existing ports, nothing unreachable, required inputs set, expressions that compile.
/// </summary>
public sealed class WorkflowValidator(ActivityRegistry registry)
{
    /// <summary>Only the problems that stop an import: activity types this host cannot run.</summary>
    public IReadOnlyList<WorkflowProblem> CheckTypes(WorkflowDefinition definition) =>
    [
        .. definition.Root.Activities.Where(a => registry.Find(a.Type) is null).Select(a => new WorkflowProblem(
            WorkflowProblemCodes.UnknownActivityType, a.Id, a.Name,
            $"Activity '{a.Name ?? a.Id}' has type '{a.Type}', which this system does not have.")),
    ];

    /// <summary>Every problem that stops a publish.</summary>
    public IReadOnlyList<WorkflowProblem> Validate(WorkflowDefinition definition)
    {
        var problems = CheckTypes(definition).ToList();
        var activities = definition.Root.Activities;
        var byId = new Dictionary<string, ActivityNode>(StringComparer.Ordinal);
        foreach (var activity in activities)
        {
            if (!byId.TryAdd(activity.Id, activity))
            {
                problems.Add(Problem(WorkflowProblemCodes.DuplicateId, activity, $"Two activities have the id '{activity.Id}'."));
            }
        }

        CheckStart(definition, problems);
        CheckConnections(definition, byId, problems);
        CheckReachable(definition, byId, problems);
        foreach (var activity in activities)
        {
            CheckInputs(activity, problems);
        }

        return problems;
    }

    private static void CheckStart(WorkflowDefinition definition, List<WorkflowProblem> problems)
    {
        var starts = definition.Root.Activities.Where(a => a.Type == Activities.Core.Start.TypeName).ToList();
        if (starts.Count > 1)
        {
            problems.AddRange(starts.Skip(1).Select(s => Problem(WorkflowProblemCodes.SeveralStarts, s, "A workflow has exactly one start; this is another.")));
        }
        else if (WorkflowRunner.FindStart(definition) is null)
        {
            problems.Add(new(WorkflowProblemCodes.NoStart, null, null, "The workflow has no start: add an Elsa.Start activity."));
        }
    }

    private void CheckConnections(WorkflowDefinition definition, Dictionary<string, ActivityNode> byId, List<WorkflowProblem> problems)
    {
        foreach (var connection in definition.Root.Connections)
        {
            if (!byId.TryGetValue(connection.Source.Activity, out var source) || !byId.ContainsKey(connection.Target.Activity))
            {
                var missing = byId.ContainsKey(connection.Source.Activity) ? connection.Target.Activity : connection.Source.Activity;
                problems.Add(new(WorkflowProblemCodes.UnknownActivity, missing, null, $"A connection points at activity '{missing}', which is not in the workflow."));
                continue;
            }

            if (PortsOf(source) is { } ports && !ports.Contains(connection.Source.Port))
            {
                problems.Add(Problem(WorkflowProblemCodes.UnknownPort, source, $"Activity '{source.Name ?? source.Id}' has no outcome '{connection.Source.Port}' (it has: {string.Join(", ", ports)})."));
            }

            if (connection.Target.Port != "In")
            {
                problems.Add(Problem(WorkflowProblemCodes.UnknownPort, byId[connection.Target.Activity], $"Connections arrive at port 'In', not '{connection.Target.Port}'."));
            }
        }
    }

    private static void CheckReachable(WorkflowDefinition definition, Dictionary<string, ActivityNode> byId, List<WorkflowProblem> problems)
    {
        if (WorkflowRunner.FindStart(definition) is not { } start)
        {
            return;
        }

        var reached = new HashSet<string>(StringComparer.Ordinal) { start.Id };
        var pending = new Stack<string>([start.Id]);
        while (pending.TryPop(out var id))
        {
            foreach (var next in definition.Root.Connections.Where(c => c.Source.Activity == id).Select(c => c.Target.Activity))
            {
                if (byId.ContainsKey(next) && reached.Add(next))
                {
                    pending.Push(next);
                }
            }
        }

        problems.AddRange(definition.Root.Activities.Where(a => !reached.Contains(a.Id))
            .Select(a => Problem(WorkflowProblemCodes.Unreachable, a, $"Activity '{a.Name ?? a.Id}' cannot be reached from the start.")));
    }

    private void CheckInputs(ActivityNode activity, List<WorkflowProblem> problems)
    {
        if (registry.Find(activity.Type) is not { } descriptor)
        {
            return;
        }

        foreach (var input in descriptor.Inputs.Where(i => i.Required && i.DefaultValue is null))
        {
            var expression = activity.Inputs.GetValueOrDefault(input.Name)?.Expression;
            if (expression is null || (expression.Type == ExpressionTypes.Literal && string.IsNullOrWhiteSpace(expression.Text)))
            {
                problems.Add(Problem(WorkflowProblemCodes.RequiredInputMissing, activity, $"Activity '{activity.Name ?? activity.Id}' needs its input '{input.Name}'."));
            }
        }

        foreach (var (name, input) in activity.Inputs)
        {
            if (input.Expression is { } expression && ExpressionEvaluator.CheckSyntax(expression) is { } error)
            {
                problems.Add(Problem(WorkflowProblemCodes.ExpressionInvalid, activity, $"Input '{name}' of '{activity.Name ?? activity.Id}': {error}"));
            }
        }
    }

    /// <summary>The ports the activity may leave by, or null when they cannot be known before it runs.</summary>
    private HashSet<string>? PortsOf(ActivityNode node)
    {
        if (registry.Find(node.Type) is not { } descriptor)
        {
            return null;
        }

        return [.. descriptor.PortsOf(node)];
    }

    private static WorkflowProblem Problem(string code, ActivityNode activity, string message) => new(code, activity.Id, activity.Name, message);
}
