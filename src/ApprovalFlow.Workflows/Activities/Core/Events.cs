using System.Text.Json.Nodes;
using ApprovalFlow.Workflows.Runtime;

namespace ApprovalFlow.Workflows.Activities.Core;

/// <summary>Waits for a named event published for this instance's correlation (e.g. "the UBND decided" for this proposal).</summary>
[Activity(TypeName, "Events", "Chờ sự kiện", "Event")]
public sealed class Event : WorkflowActivity
{
    public const string TypeName = "Elsa.Event";

    [Input("Tên sự kiện", "Event name", Required = true)]
    public string EventName { get; set; } = "";

    /// <summary>How an event and its correlation are looked up among waiting bookmarks.</summary>
    public static string KeyOf(string eventName, string? correlationId) => $"{eventName}|{correlationId}";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        ValueTask.FromResult(ActivityResult.Suspend(new BookmarkRequest(TypeName, KeyOf(EventName, context.CorrelationId))));
}

/// <summary>Publishes a named event to every instance waiting on it with the given correlation, once this run commits.</summary>
[Activity("Elsa.PublishEvent", "Events", "Phát sự kiện", "Publish event")]
public sealed class PublishEvent : WorkflowActivity
{
    [Input("Tên sự kiện", "Event name", Required = true)]
    public string EventName { get; set; } = "";

    [Input("Mã tương quan", "Correlation id", DescriptionVi = "Để trống: của chính quy trình này.", DescriptionEn = "Blank: this instance's own.")]
    public string? CorrelationId { get; set; }

    [Input("Dữ liệu kèm theo", "Payload", UiHint = UiHints.Code)]
    public JsonNode? Payload { get; set; }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        context.Publish(new PublishedEvent(EventName, CorrelationId ?? context.CorrelationId, Payload?.DeepClone()));
        return ValueTask.FromResult(ActivityResult.Complete(ActivityResult.Done));
    }
}
