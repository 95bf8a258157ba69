using System.Collections.Concurrent;
using ApprovalFlow.Audit;
using ApprovalFlow.Data;
using ApprovalFlow.Identity;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Notifications;

/// <summary>
/// The mail templates, one per <see cref="NotificationKinds">kind</see> and language (<c>vi</c>, <c>en</c>): the ones
/// shipped with the application (<c>Templates/{kind}.{language}.liquid</c>), each replaced by an administrator's
/// version once saved. A template that does not parse or render is refused with its line and error, never saved.
/// </summary>
public sealed class MailTemplates(ApprovalFlowDbContext db, TimeProvider clock)
{
    /// <summary>The languages a recipient may read mail in.</summary>
    public static readonly IReadOnlyList<string> Languages = ["vi", "en"];

    private static readonly ConcurrentDictionary<string, CompiledMailTemplate> Compiled = new(StringComparer.Ordinal);

    /// <summary>Every template's name: <c>{kind}.{language}</c>.</summary>
    public static IEnumerable<string> Names => NotificationKinds.All.SelectMany(kind => Languages.Select(language => NameOf(kind, language)));

    public static string NameOf(string kind, string language) => $"{kind}.{(language == "en" ? "en" : "vi")}";

    public static bool Exists(string name) => Names.Contains(name, StringComparer.Ordinal);

    /// <summary>The template shipped with the application.</summary>
    public static string DefaultSource(string name)
    {
        using var stream = typeof(MailTemplates).Assembly.GetManifestResourceStream($"ApprovalFlow.Notifications.Templates.{name}.liquid")
            ?? throw new ArgumentException($"No mail template {name}.", nameof(name));
        return new StreamReader(stream).ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>The administrators' versions, by name (one query: delivery reads it once per batch).</summary>
    public Task<Dictionary<string, MailTemplate>> EditedAsync(CancellationToken cancellationToken) =>
        db.MailTemplates.AsNoTracking().ToDictionaryAsync(t => t.Name, StringComparer.Ordinal, cancellationToken);

    /// <summary>The template in force for <paramref name="name"/>, given the edited ones.</summary>
    public static CompiledMailTemplate InForce(string name, IReadOnlyDictionary<string, MailTemplate> edited)
    {
        var source = edited.TryGetValue(name, out var template) ? template.Source : DefaultSource(name);

        // Keyed by the source itself: a template edited on another node is picked up at its next use.
        return Compiled.GetOrAdd(source, s => CompiledMailTemplate.TryParse(s, out var error) ?? throw new InvalidOperationException($"Mail template {name}: {error}"));
    }

    /// <summary>Checks <paramref name="source"/> and, when it parses and renders, saves it as the template in force.</summary>
    public async Task<MailTemplateError?> SaveAsync(string name, string source, Actor actor, CancellationToken cancellationToken)
    {
        if (CompiledMailTemplate.TryParse(source, out var error) is not { } compiled)
        {
            return error;
        }

        if (compiled.Check(SampleModel) is { } renderError)
        {
            return renderError;
        }

        var now = clock.GetUtcNow();
        var template = await db.MailTemplates.FindAsync([name], cancellationToken);
        if (template is null)
        {
            template = new MailTemplate { Name = name, Source = source };
            db.MailTemplates.Add(template);
        }

        (template.Source, template.UpdatedAt, template.UpdatedByName) = (source.Replace("\r\n", "\n", StringComparison.Ordinal), now, actor.DisplayName);
        db.Audit(AuditActions.MailTemplateSaved, "mail-template", name, now, actor);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Goes back to the template shipped with the application.</summary>
    public async Task ResetAsync(string name, Actor actor, CancellationToken cancellationToken)
    {
        if (await db.MailTemplates.FindAsync([name], cancellationToken) is { } template)
        {
            db.MailTemplates.Remove(template);
            db.Audit(AuditActions.MailTemplateReset, "mail-template", name, clock.GetUtcNow(), actor);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>A model with every value set, to render a template before it is saved and to preview it.</summary>
    public static MailModel SampleModel { get; } = new()
    {
        Recipient = "Nguyễn Văn A",
        Title = "Ký duyệt đề xuất",
        Agency = "Ban Dân tộc",
        Due = "17:00 05/03/2026",
        Link = "https://approvalflow.example/work/00000000-0000-0000-0000-000000000000",
        ApproveLink = "https://approvalflow.example/approve/sample",
        ApproveLinkExpires = "17:00 08/03/2026",
        Comment = "Đề nghị bổ sung dự toán chi tiết.",
        ReturnedBy = "Trần Thị B",
        Outcome = "Phê duyệt một phần",
        PeriodTotal = "258",
        PlanYearTotal = "98",
        PlanYear = 2023,
        Tasks = [new MailTaskLine("Nâng cấp hạ tầng mạng", "Phê duyệt", "48", "10", ""), new MailTaskLine("Phần mềm quản lý", "Điều chỉnh", "120", "40", "Giảm quy mô")],
    };
}
