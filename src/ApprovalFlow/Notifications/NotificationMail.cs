using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Encodings.Web;
using ApprovalFlow.WorkItems;
using Fluid;
using MimeKit;

namespace ApprovalFlow.Notifications;

/// <summary>
/// Renders a notification for one recipient from the Liquid template of its kind in the recipient's language
/// (<c>Templates/{kind}.{vi|en}.liquid</c>: the subject, a line <c>---</c>, the body): a plain-text body and an HTML
/// alternative whose values are HTML-encoded. The message id is the notification's and recipient's, so a message
/// sent again after a crash is recognised as the same one by mail servers and programs.
/// </summary>
public static class NotificationMail
{
    private static readonly FluidParser Parser = new();
    private static readonly ConcurrentDictionary<string, (IFluidTemplate Subject, IFluidTemplate Body)> Templates = new(StringComparer.Ordinal);
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    /// <summary>A recipient: their address, name and language (<c>vi</c> or <c>en</c>).</summary>
    public sealed record Recipient(Guid UserId, string Email, string Name, string Language);

    public static MimeMessage Render(Notification notification, WorkItem item, Recipient to, MailOptions options, string baseUrl)
    {
        var language = to.Language == "en" ? "en" : "vi";
        var (subject, body) = Templates.GetOrAdd($"{notification.Kind}.{language}", Load);
        var culture = CultureInfo.GetCultureInfo(language == "en" ? "en-GB" : "vi-VN");
        var values = new TemplateContext(new
        {
            item.Title,
            Recipient = to.Name,
            Due = item.DueAt is { } due ? TimeZoneInfo.ConvertTime(due, Vietnam).ToString("HH:mm dd/MM/yyyy", culture) : "",
            Link = $"{baseUrl.TrimEnd('/')}/work/{item.Id}",
        });
        var text = body.Render(values, NullEncoder.Default);
        var html = string.Concat(body.Render(values, HtmlEncoder.Default).Split('\n').Select(line => line.Length == 0 ? "" : $"<p>{line}</p>"));
        var message = new MimeMessage
        {
            Subject = subject.Render(values, NullEncoder.Default).Trim(),
            MessageId = $"{notification.Id:N}.{to.UserId:N}@approvalflow",
            Body = new BodyBuilder { TextBody = text, HtmlBody = $"<!DOCTYPE html><html lang=\"{language}\"><body>{html}</body></html>" }.ToMessageBody(),
        };
        message.From.Add(new MailboxAddress(options.FromName, options.From));
        message.To.Add(new MailboxAddress(to.Name, to.Email));
        return message;
    }

    private static (IFluidTemplate, IFluidTemplate) Load(string name)
    {
        using var stream = typeof(NotificationMail).Assembly.GetManifestResourceStream($"ApprovalFlow.Notifications.Templates.{name}.liquid")
            ?? throw new InvalidOperationException($"No mail template {name}.");
        var source = new StreamReader(stream).ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
        var split = source.IndexOf("\n---\n", StringComparison.Ordinal);
        return (Parser.Parse(source[..split]), Parser.Parse(source[(split + 5)..].Trim('\n')));
    }
}
