using ApprovalFlow.Workflows.Runtime;

namespace ApprovalFlow.Workflows.Activities.Core;

/// <summary>Writes a line to the instance's journal (Elsa writes it to the console; a server has no one reading that).</summary>
[Activity("Elsa.WriteLine", "Primitives", "Ghi nhật ký", "Write line")]
public sealed class WriteLine : WorkflowActivity
{
    [Input("Nội dung", "Text", UiHint = UiHints.MultiLine)]
    public string? Text { get; set; }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        context.Log(Text ?? "");
        return ValueTask.FromResult(ActivityResult.Complete(ActivityResult.Done));
    }
}
