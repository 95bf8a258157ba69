using ApprovalFlow.EmailApproval;
using ApprovalFlow.Notifications;
using ApprovalFlow.Web.Features.Jobs;
using ApprovalFlow.Web.Hosting;
using Microsoft.AspNetCore.RateLimiting;

namespace ApprovalFlow.Web.Features.Mail;

/// <summary>
/// Registers mail: MailKit over SMTP when <c>Mail:Host</c> is set, otherwise files in the data folder; the templates;
/// and approval from mail links, whose anonymous page is rate-limited per address.
/// </summary>
public static class MailServiceExtensions
{
    /// <summary>The rate-limiting policy of the approval-link page.</summary>
    public const string LinkRateLimit = "email-link";

    public static IServiceCollection AddApprovalFlowMail(this IServiceCollection services, IConfiguration configuration)
    {
        var mail = configuration.GetSection(MailOptions.SectionName).Get<MailOptions>() ?? new();
        var app = configuration.GetSection(ApprovalFlowOptions.SectionName).Get<ApprovalFlowOptions>() ?? new();
        services.AddSingleton(mail);
        services.AddSingleton(new MailDropFolder(Path.Combine(app.ResolvedDataDir, mail.DropFolder)));
        services.AddSingleton<IMailTransport>(provider => string.IsNullOrWhiteSpace(mail.Host)
            ? new FileDropMailTransport(provider.GetRequiredService<MailDropFolder>().Path)
            : new SmtpMailTransport(mail));
        services.AddScoped<NotificationDelivery>();
        services.AddScoped<MailTemplates>();
        services.AddScoped<MailJobs>();
        services.AddSingleton<DroppedMail>();

        services.AddSingleton(configuration.GetSection(EmailApprovalOptions.SectionName).Get<EmailApprovalOptions>() ?? new());
        services.AddScoped<ApprovalLinks>();
        services.AddScoped<EmailApprovals>();

        // Guessing tokens is hopeless (256 bits), but a flood of guesses still costs queries: a few a second per address.
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(LinkRateLimit, context => System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) }));
        });
        return services;
    }
}

/// <summary>Where the embedded default writes messages: the administrators' page lists this folder.</summary>
public sealed record MailDropFolder(string Path);
