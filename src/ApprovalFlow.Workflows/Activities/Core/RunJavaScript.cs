using System.Text.Json.Nodes;
using ApprovalFlow.Workflows.Model;
using ApprovalFlow.Workflows.Runtime;

namespace ApprovalFlow.Workflows.Activities.Core;

/// <summary>Runs a script (bounded in time, statements, memory and recursion; no .NET access); its value is the result.</summary>
[Activity("Elsa.RunJavaScript", "Scripting", "Chạy JavaScript", "Run JavaScript")]
public sealed class RunJavaScript : WorkflowActivity
{
    [Input("Mã JavaScript", "Script", UiHint = UiHints.Code, Required = true)]
    public WorkflowExpression? Script { get; set; }

    [Output("Kết quả", "Result")]
    public JsonNode? Result { get; set; }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        // The script is the input's text whichever way the designer typed it (Literal or JavaScript).
        Result = context.Evaluate(new WorkflowExpression(ExpressionTypes.JavaScript, JsonValue.Create(Script?.Text ?? "")));
        return ValueTask.FromResult(ActivityResult.Complete(ActivityResult.Done));
    }
}
