using System.Globalization;
using ApprovalFlow.Budget;
using ApprovalFlow.Calendar;
using ApprovalFlow.Proposals;
using MimeKit;

namespace ApprovalFlow.Notifications;

/// <summary>
/// Turns a notification into a message for one recipient: the values its template may use (<see cref="MailModel"/>),
/// then the message itself, a plain-text body with an HTML alternative. The message id is the notification's and the
/// recipient's, so that a message sent again after a crash is recognised as the same one by mail servers and programs.
/// </summary>
public static class NotificationMail
{
    /// <summary>A recipient: their address, name, language (<c>vi</c> or <c>en</c>), agency and roles.</summary>
    public sealed record Recipient(Guid UserId, string Email, string Name, string Language, Guid AgencyId, IReadOnlySet<string> Roles);

    /// <summary>The template's values for <paramref name="to"/>; the approval link is the delivery's to add.</summary>
    public static MailModel ModelFor(Notification notification, NotificationSubject about, Recipient to, string baseUrl)
    {
        var english = to.Language == "en";
        var culture = CultureInfo.GetCultureInfo(english ? "en-GB" : "vi-VN");
        var root = baseUrl.TrimEnd('/');
        var decisions = notification.Kind == NotificationKinds.Decision && about.Proposal is { } decided ? decided.Decisions : [];
        var granted = decisions.Where(d => d.Verdict != TaskVerdict.Reject).ToList();
        return new MailModel
        {
            Recipient = to.Name,
            Title = about.Item?.Title ?? about.Proposal?.Content.Subject ?? "",
            Agency = about.Agency,
            Due = about.Item?.DueAt is { } due ? VietnamTime.Format(due) : "",
            Link = about.Item is { } item ? $"{root}/work/{item.Id}" : $"{root}/proposals/{about.Proposal?.Id}",
            Comment = about.LastReturn?.Comment ?? "",
            ReturnedBy = about.LastReturn?.ActorName ?? "",
            Outcome = about.Proposal is { } proposal ? MailWords.Outcome(proposal.Status, english) : "",
            PeriodTotal = Amounts.Format(granted.Sum(d => d.PeriodAmount), culture),
            PlanYearTotal = Amounts.Format(granted.Sum(d => d.PlanYearAmount), culture),
            PlanYear = about.PlanYear,
            Tasks = [.. decisions.OrderBy(d => d.TaskIndex).Select(d => new MailTaskLine(
                about.Proposal!.Content.Tasks.ElementAtOrDefault(d.TaskIndex)?.Name ?? $"#{d.TaskIndex + 1}",
                MailWords.Verdict(d.Verdict, english),
                Amounts.Format(d.Verdict == TaskVerdict.Reject ? 0 : d.PeriodAmount, culture),
                Amounts.Format(d.Verdict == TaskVerdict.Reject ? 0 : d.PlanYearAmount, culture),
                d.Reason ?? ""))],
        };
    }

    /// <summary>The message: <paramref name="template"/> rendered with <paramref name="model"/>, from the configured sender to <paramref name="to"/>.</summary>
    public static MimeMessage Compose(CompiledMailTemplate template, MailModel model, Notification notification, Recipient to, MailOptions options)
    {
        var language = to.Language == "en" ? "en" : "vi";
        var (subject, text, html) = template.Render(model);
        var message = new MimeMessage
        {
            Subject = subject,
            MessageId = $"{notification.Id:N}.{to.UserId:N}@approvalflow",
            Body = new BodyBuilder { TextBody = text, HtmlBody = $"<!DOCTYPE html><html lang=\"{language}\"><body>{html}</body></html>" }.ToMessageBody(),
        };
        message.From.Add(new MailboxAddress(options.FromName, options.From));
        message.To.Add(new MailboxAddress(to.Name, to.Email));
        return message;
    }

    /// <summary>The few words of a decision mail that are values rather than template text.</summary>
    private static class MailWords
    {
        public static string Outcome(ProposalStatus status, bool english) => status switch
        {
            ProposalStatus.Approved => english ? "approved" : "được phê duyệt",
            ProposalStatus.PartlyApproved => english ? "partly approved" : "được phê duyệt một phần",
            ProposalStatus.Rejected => english ? "not approved" : "không được phê duyệt",
            _ => "",
        };

        public static string Verdict(TaskVerdict verdict, bool english) => verdict switch
        {
            TaskVerdict.Approve => english ? "approved" : "phê duyệt",
            TaskVerdict.Adjust => english ? "approved with adjusted funds" : "phê duyệt, điều chỉnh kinh phí",
            _ => english ? "not approved" : "không phê duyệt",
        };
    }
}
