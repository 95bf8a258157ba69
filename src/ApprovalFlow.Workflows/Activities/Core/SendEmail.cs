using ApprovalFlow.Workflows.Runtime;

namespace ApprovalFlow.Workflows.Activities.Core;

/// <summary>
/// Queues an e-mail in the host's outbox, in the same transaction as the step: nothing is sent for a step that
/// rolled back. The body is a Liquid template rendered with HTML encoding, so values cannot inject markup.
/// </summary>
[Activity("Elsa.SendEmail", "Email", "Gửi thư điện tử", "Send e-mail")]
public sealed class SendEmail(IMailOutbox outbox) : WorkflowActivity
{
    [Input("Người nhận", "To", Required = true, DescriptionVi = "Một hoặc nhiều địa chỉ, cách nhau bởi dấu phẩy.", DescriptionEn = "One or more addresses, separated by commas.")]
    public string To { get; set; } = "";

    [Input("Tiêu đề", "Subject", Required = true)]
    public string Subject { get; set; } = "";

    [Input("Nội dung (Liquid, HTML)", "Body (Liquid, HTML)", UiHint = UiHints.Code, Required = true)]
    public Model.WorkflowExpression? Body { get; set; }

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var recipients = To.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (recipients.Length == 0)
        {
            throw new InvalidOperationException("SendEmail has no recipient.");
        }

        var body = context.RenderLiquid(Body?.Text ?? "", htmlEncode: true);
        await outbox.EnqueueAsync(new OutgoingMail(recipients, Subject, body, context.InstanceId, context.Node.Id), CancellationToken.None);
        return ActivityResult.Complete(ActivityResult.Done);
    }
}

/// <summary>
/// Where <c>Elsa.SendEmail</c> puts its mail: the host's outbox, written in the step's transaction and delivered
/// later by a background job. Without one registered, the activity fails as an incident rather than lose mail.
/// </summary>
public interface IMailOutbox
{
    ValueTask EnqueueAsync(OutgoingMail mail, CancellationToken cancellationToken);
}

/// <summary>A message a workflow queued.</summary>
/// <param name="To">The recipients' addresses.</param>
/// <param name="Subject">The subject.</param>
/// <param name="HtmlBody">The rendered, encoded HTML body.</param>
/// <param name="InstanceId">The instance that sent it.</param>
/// <param name="ActivityId">The activity that sent it.</param>
public sealed record OutgoingMail(IReadOnlyList<string> To, string Subject, string HtmlBody, string InstanceId, string ActivityId);
