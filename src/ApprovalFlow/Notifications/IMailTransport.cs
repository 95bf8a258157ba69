using MimeKit;

namespace ApprovalFlow.Notifications;

/// <summary>Hands a message over: to an SMTP server, or to a file in the drop folder.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>MailKit over SMTP, one connection per batch of sends.</summary>
public sealed class SmtpMailTransport(MailOptions options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new MailKit.Net.Smtp.SmtpClient();
        await client.ConnectAsync(options.Host ?? throw new InvalidOperationException("Mail:Host is not set."), options.Port, Enum.Parse<MailKit.Security.SecureSocketOptions>(options.Security, ignoreCase: true), cancellationToken);
        if (!string.IsNullOrEmpty(options.UserName))
        {
            await client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>The embedded default: each message an <c>.eml</c> file that any mail program opens.</summary>
public sealed class FileDropMailTransport(string folder) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{message.MessageId}.eml";
        await message.WriteToAsync(Path.Combine(folder, string.Concat(name.Split(Path.GetInvalidFileNameChars()))), cancellationToken);
    }
}
