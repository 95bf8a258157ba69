using ApprovalFlow.Workflows.Runtime;

namespace ApprovalFlow.Workflows.Activities.Core;

/// <summary>
/// Where branches meet. <c>WaitAll</c> goes on once every incoming branch has arrived; <c>WaitAny</c> goes on with
/// the first and lets the later ones end here. Either way it starts counting afresh once all have arrived.
/// </summary>
[Activity("Elsa.FlowJoin", "Flow", "Hợp nhánh", "Join")]
public sealed class FlowJoin : WorkflowActivity
{
    [Input("Chế độ", "Mode", DefaultValue = "WaitAll", DescriptionVi = "WaitAll: chờ mọi nhánh; WaitAny: đi tiếp khi nhánh đầu tiên tới.", DescriptionEn = "WaitAll: wait for every branch; WaitAny: go on with the first.")]
    public string Mode { get; set; } = "WaitAll";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var arrivals = context.State.JoinArrivals.TryGetValue(context.Node.Id, out var list) ? list : context.State.JoinArrivals[context.Node.Id] = [];
        if (context.FromActivityId is { } from && !arrivals.Contains(from))
        {
            arrivals.Add(from);
        }

        var inbound = context.InboundActivityIds();
        var allArrived = inbound.All(arrivals.Contains);
        var goOn = Mode == "WaitAny" ? arrivals.Count == 1 : allArrived;
        if (allArrived)
        {
            context.State.JoinArrivals.Remove(context.Node.Id);
        }

        return ValueTask.FromResult(goOn ? ActivityResult.Complete(ActivityResult.Done) : ActivityResult.Complete());
    }
}
