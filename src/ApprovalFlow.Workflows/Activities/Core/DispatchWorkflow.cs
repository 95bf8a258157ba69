using System.Globalization;
using System.Text.Json.Nodes;
using ApprovalFlow.Workflows.Runtime;

namespace ApprovalFlow.Workflows.Activities.Core;

/// <summary>
/// Starts child instances of another workflow: one, or one per item of a list (each agency of a request, say).
/// It may go on at once, or wait until every child has finished or has reached a named activity.
/// </summary>
[Activity(TypeName, "Composition", "Khởi chạy quy trình con", "Dispatch workflow")]
public sealed class DispatchWorkflow : WorkflowActivity
{
    public const string TypeName = "Elsa.DispatchWorkflow";

    [Input("Quy trình con", "Child workflow", Required = true, DescriptionVi = "definitionId của quy trình con.", DescriptionEn = "The child workflow's definitionId.")]
    public string WorkflowDefinitionId { get; set; } = "";

    [Input("Danh sách", "Items", UiHint = UiHints.Code, DescriptionVi = "Mỗi phần tử một quy trình con; mã tương quan là phần tử (hoặc thuộc tính id).", DescriptionEn = "One child per item; its correlation is the item (or its id).")]
    public JsonNode? Items { get; set; }

    [Input("Dữ liệu đầu vào", "Input", UiHint = UiHints.Code)]
    public JsonNode? Input { get; set; }

    [Input("Chờ quy trình con", "Wait for the children", UiHint = UiHints.Checkbox, DefaultValue = false)]
    public bool WaitForCompletion { get; set; }

    [Input("Chờ đến hoạt động", "Wait until activity", DescriptionVi = "Để trống: chờ quy trình con kết thúc; hoặc id của hoạt động mà mọi quy trình con phải tới.", DescriptionEn = "Blank: wait until each child finishes; or the id of an activity each child must reach.")]
    public string? WaitUntil { get; set; }

    /// <summary>The key of a waiting dispatch's bookmark: how many children, and what they must reach.</summary>
    public static string KeyOf(int count, string? waitUntil) => string.Create(CultureInfo.InvariantCulture, $"{count}|{waitUntil}");

    public static (int Count, string? WaitUntil) ParseKey(string key)
    {
        var bar = key.IndexOf('|', StringComparison.Ordinal);
        var point = key[(bar + 1)..];
        return (int.Parse(key[..bar], CultureInfo.InvariantCulture), point.Length == 0 ? null : point);
    }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var items = Items as JsonArray ?? [null];
        foreach (var item in items)
        {
            var correlation = item switch
            {
                null => context.CorrelationId,
                JsonValue value when value.TryGetValue<string>(out var text) => text,
                JsonObject obj when obj["id"] is JsonValue id => id.ToString(),
                _ => item.ToJsonString(),
            };
            var input = new JsonObject { ["item"] = item?.DeepClone(), ["input"] = Input?.DeepClone(), ["parentCorrelationId"] = context.CorrelationId };
            context.Dispatch(new ChildDispatch(WorkflowDefinitionId, correlation, input, context.Node.Id));
        }

        return ValueTask.FromResult(WaitForCompletion && items.Count > 0
            ? ActivityResult.Suspend(new BookmarkRequest(TypeName, KeyOf(items.Count, WaitUntil)))
            : ActivityResult.Complete(ActivityResult.Done));
    }
}
