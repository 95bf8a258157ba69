using System.Text.Json;
using System.Text.Json.Nodes;
using ApprovalFlow.Workflows.Activities;
using ApprovalFlow.Workflows.Expressions;
using ApprovalFlow.Workflows.Model;

namespace ApprovalFlow.Workflows.Runtime;

/// <summary>
/// Runs a flowchart instance in memory until nothing is scheduled: each activity's outcomes schedule the activities
/// connected to those ports; an activity that suspends leaves a bookmark; a failure leaves an incident. Persistence
/// and locking are the caller's: this class only computes the next state.
/// </summary>
public sealed class WorkflowRunner(ActivityRegistry registry, ExpressionEvaluator expressions, IServiceProvider services, TimeProvider clock)
{
    /// <summary>A run stops as faulted after this many steps without waiting: a loop in the flowchart that never blocks.</summary>
    public int MaxStepsPerRun { get; init; } = 10_000;

    /// <summary>Starts a new instance of <paramref name="definition"/>.</summary>
    public async Task<RunResult> StartAsync(WorkflowDefinition definition, string instanceId, string? correlationId, JsonNode? input = null)
    {
        var state = new WorkflowState
        {
            InstanceId = instanceId,
            DefinitionId = definition.DefinitionId,
            DefinitionVersionId = definition.Id,
            DefinitionVersion = definition.Version,
            CorrelationId = correlationId,
            Status = WorkflowStatus.Running,
        };
        foreach (var variable in definition.Variables)
        {
            state.Variables[variable.Name] = variable.Value?.DeepClone();
        }

        var execution = new WorkflowExecution(definition, state, expressions, services, clock, input);
        execution.Journal(null, JournalEvents.WorkflowStarted);
        var start = FindStart(definition) ?? throw new InvalidOperationException($"Workflow '{definition.Name}' has no start activity.");
        return await RunAsync(execution, new Queue<ScheduledStep>([new ScheduledStep(start.Id, null)]));
    }

    /// <summary>Resumes the bookmark <paramref name="bookmarkId"/> of a suspended instance.</summary>
    /// <exception cref="BookmarkNotFoundException">The instance has no such bookmark (it was resumed already).</exception>
    public async Task<RunResult> ResumeAsync(WorkflowDefinition definition, WorkflowState state, string bookmarkId, ResumeInput resume)
    {
        var bookmark = state.Bookmarks.FirstOrDefault(b => b.Id == bookmarkId) ?? throw new BookmarkNotFoundException(bookmarkId);
        state.Bookmarks.Remove(bookmark);
        state.Status = WorkflowStatus.Running;

        var execution = new WorkflowExecution(definition, state, expressions, services, clock, resume.Input);
        var node = Node(definition, bookmark.ActivityId);
        execution.Journal(node, JournalEvents.Resumed, new JsonObject { ["bookmark"] = bookmark.Id, ["outcome"] = resume.Outcome });
        var queue = new Queue<ScheduledStep>();
        if (await StepAsync(execution, node, null, queue, activity => activity.ResumeAsync(new ActivityContext(execution, node, null), resume with { Input = resume.Input ?? bookmark.Payload })))
        {
            return await RunAsync(execution, queue);
        }

        return Finish(execution);
    }

    /// <summary>Runs again the activity whose failure faulted the instance.</summary>
    public async Task<RunResult> RetryAsync(WorkflowDefinition definition, WorkflowState state)
    {
        var step = state.FaultedStep ?? throw new InvalidOperationException($"Instance {state.InstanceId} has nothing to retry.");
        state.FaultedStep = null;
        state.Status = WorkflowStatus.Running;
        var execution = new WorkflowExecution(definition, state, expressions, services, clock, null);
        execution.Journal(Node(definition, step.ActivityId), JournalEvents.Retried);
        return await RunAsync(execution, new Queue<ScheduledStep>([step]));
    }

    /// <summary>The activity an instance starts from: <c>Elsa.Start</c>, else one marked as able to start, else the only one with no way in.</summary>
    public static ActivityNode? FindStart(WorkflowDefinition definition)
    {
        var activities = definition.Root.Activities;
        var targets = definition.Root.Connections.Select(c => c.Target.Activity).ToHashSet(StringComparer.Ordinal);
        return activities.FirstOrDefault(a => a.Type == Activities.Core.Start.TypeName)
            ?? activities.FirstOrDefault(a => a.CanStartWorkflow)
            ?? activities.SingleOrDefault(a => !targets.Contains(a.Id));
    }

    private async Task<RunResult> RunAsync(WorkflowExecution execution, Queue<ScheduledStep> queue)
    {
        var steps = 0;
        while (queue.TryDequeue(out var step) && execution.State.Status == WorkflowStatus.Running)
        {
            if (++steps > MaxStepsPerRun)
            {
                Fault(execution, step, Node(execution.Definition, step.ActivityId), $"The workflow ran {MaxStepsPerRun} steps without waiting: a loop that never blocks?");
                break;
            }

            var node = Node(execution.Definition, step.ActivityId);
            var context = new ActivityContext(execution, node, step.FromActivityId);
            if (!await StepAsync(execution, node, step, queue, activity => activity.ExecuteAsync(context)))
            {
                break;
            }
        }

        return Finish(execution);
    }

    /// <summary>Runs one activity and applies its result; false when the run must stop (fault or end).</summary>
    private async Task<bool> StepAsync(WorkflowExecution execution, ActivityNode node, ScheduledStep? step, Queue<ScheduledStep> queue, Func<WorkflowActivity, ValueTask<ActivityResult>> run)
    {
        ActivityResult result;
        WorkflowActivity activity;
        try
        {
            activity = Create(execution, node);
            result = await run(activity);
            WriteOutputs(execution, node, activity);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Fault(execution, step ?? new ScheduledStep(node.Id, null), node, ex.Message);
            return false;
        }

        switch (result)
        {
            case ActivityResult.Completed completed:
                execution.Journal(node, JournalEvents.Executed, new JsonObject { ["outcomes"] = new JsonArray([.. completed.Outcomes.Select(o => JsonValue.Create(o))]) });
                foreach (var connection in execution.Definition.Root.Connections.Where(c => c.Source.Activity == node.Id && completed.Outcomes.Contains(c.Source.Port)))
                {
                    queue.Enqueue(new ScheduledStep(connection.Target.Activity, node.Id));
                }

                return true;
            case ActivityResult.Suspended suspended:
                var request = suspended.Bookmark;
                var bookmark = new Bookmark(Guid.NewGuid().ToString("N"), node.Id, request.Name, request.Key, request.ResumeAt, request.Payload, clock.GetUtcNow());
                execution.State.Bookmarks.Add(bookmark);
                execution.Journal(node, JournalEvents.Suspended, new JsonObject { ["bookmark"] = bookmark.Id, ["name"] = bookmark.Name, ["key"] = bookmark.Key });
                return true;
            default:
                execution.Journal(node, JournalEvents.Executed);
                execution.State.Bookmarks.Clear();
                execution.State.Status = WorkflowStatus.Finished;
                return false;
        }
    }

    private static RunResult Finish(WorkflowExecution execution)
    {
        var state = execution.State;
        if (state.Status == WorkflowStatus.Running)
        {
            state.Status = state.Bookmarks.Count > 0 ? WorkflowStatus.Suspended : WorkflowStatus.Finished;
        }

        if (state.Status == WorkflowStatus.Finished)
        {
            execution.Journal(null, JournalEvents.WorkflowFinished);
        }

        var created = state.Bookmarks.Where(b => execution.JournalEntries.Any(j => j.Event == JournalEvents.Suspended && j.Payload?["bookmark"]?.GetValue<string>() == b.Id)).ToList();
        return new RunResult(state, execution.JournalEntries, execution.Published, execution.Incident, created, execution.Dispatches) { Cancellations = execution.Cancellations };
    }

    private void Fault(WorkflowExecution execution, ScheduledStep step, ActivityNode node, string message)
    {
        execution.State.Status = WorkflowStatus.Faulted;
        execution.State.FaultedStep = step;
        execution.Incident = new Incident(node.Id, node.Type, message, clock.GetUtcNow());
        execution.Journal(node, JournalEvents.Faulted, JsonValue.Create(message));
    }

    /// <summary>A new activity object with its inputs evaluated from the definition.</summary>
    private WorkflowActivity Create(WorkflowExecution execution, ActivityNode node)
    {
        var descriptor = registry.Find(node.Type) ?? throw new InvalidOperationException($"Activity type '{node.Type}' is not registered.");
        var activity = (WorkflowActivity)Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance(services, descriptor.ActivityType);
        foreach (var input in descriptor.Inputs)
        {
            var property = input.Property;
            if (property.PropertyType == typeof(WorkflowExpression))
            {
                property.SetValue(activity, node.Inputs.GetValueOrDefault(input.Name)?.Expression);
                continue;
            }

            var value = node.Inputs.GetValueOrDefault(input.Name)?.Expression is { } expression
                ? expressions.Evaluate(expression, execution.Scope())
                : input.DefaultValue is { } fallback ? JsonSerializer.SerializeToNode(fallback) : null;
            if (value is not null)
            {
                property.SetValue(activity, InputConverter.Convert(value, property.PropertyType, input.Name));
            }
        }

        return activity;
    }

    private void WriteOutputs(WorkflowExecution execution, ActivityNode node, WorkflowActivity activity)
    {
        foreach (var output in registry.Find(node.Type)!.Outputs)
        {
            if (node.Outputs.TryGetValue(output.Name, out var binding))
            {
                var name = execution.Definition.Variables.FirstOrDefault(v => v.Id == binding.Target)?.Name ?? binding.Target;
                execution.State.Variables[name] = JsonSerializer.SerializeToNode(output.Property.GetValue(activity));
            }
        }
    }

    private static ActivityNode Node(WorkflowDefinition definition, string id) =>
        definition.Root.Activities.FirstOrDefault(a => a.Id == id) ?? throw new InvalidOperationException($"Activity '{id}' is not in workflow '{definition.Name}'.");
}

/// <summary>The bookmark is not (or no longer) on the instance: someone resumed it first.</summary>
public sealed class BookmarkNotFoundException(string bookmarkId) : Exception($"Bookmark {bookmarkId} is not waiting (already resumed?).")
{
    public string BookmarkId { get; } = bookmarkId;
}
