using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Fluid;

namespace ApprovalFlow.Notifications;

/// <summary>
/// A mail template parsed once: Liquid whose output is the subject, a line <c>---</c>, then the body. The body
/// renders twice: as the plain-text part, and HTML-encoded as the HTML part (lines become paragraphs, lines starting
/// with "- " a list, addresses links).
/// </summary>
public sealed partial class CompiledMailTemplate
{
    private const string Separator = "\n---\n";
    private static readonly FluidParser Parser = new();

    // Values are encoded for HTML, but Vietnamese letters stay letters rather than becoming numeric entities.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private static readonly TemplateOptions Lenient = CreateOptions(strict: false);
    private static readonly TemplateOptions Strict = CreateOptions(strict: true);

    private readonly IFluidTemplate template;

    private CompiledMailTemplate(IFluidTemplate template) => this.template = template;

    /// <summary>Parses <paramref name="source"/>; null with the reason (and the line, where Liquid names one) when it is not a template.</summary>
    public static CompiledMailTemplate? TryParse(string source, out MailTemplateError? error)
    {
        source = Normalize(source);
        if (!source.Contains(Separator, StringComparison.Ordinal))
        {
            error = new MailTemplateError(null, "separator");
            return null;
        }

        if (!Parser.TryParse(source, out var parsed, out var message))
        {
            error = ErrorOf(message);
            return null;
        }

        error = null;
        return new CompiledMailTemplate(parsed);
    }

    /// <summary>Renders with every value the model has; an unknown name or filter fails (the check made before saving).</summary>
    public MailTemplateError? Check(MailModel sample)
    {
        try
        {
            _ = Render(sample, Strict);
            return null;
        }
        catch (Exception error) when (error is InvalidOperationException or FluidException or ArgumentException)
        {
            return ErrorOf(error.Message);
        }
    }

    /// <summary>The subject, the plain-text body and the HTML fragment of the body.</summary>
    public (string Subject, string Text, string Html) Render(MailModel model) => Render(model, Lenient);

    private (string Subject, string Text, string Html) Render(MailModel model, TemplateOptions options)
    {
        var plain = Split(template.Render(new TemplateContext(model, options), NullEncoder.Default));
        var encoded = Split(template.Render(new TemplateContext(model, options), Html));
        return (plain.Head.Trim(), plain.Body, ToHtml(encoded.Body));
    }

    private static (string Head, string Body) Split(string output)
    {
        var at = output.IndexOf(Separator, StringComparison.Ordinal);
        return at < 0 ? ("", output.Trim('\n')) : (output[..at], output[(at + Separator.Length)..].Trim('\n'));
    }

    /// <summary>Paragraphs and lists from lines; what the encoder left as an address becomes a link.</summary>
    private static string ToHtml(string encodedBody)
    {
        var html = new System.Text.StringBuilder();
        var inList = false;
        foreach (var line in encodedBody.Split('\n'))
        {
            var item = line.StartsWith("- ", StringComparison.Ordinal);
            if (item != inList)
            {
                html.Append(item ? "<ul>" : "</ul>");
                inList = item;
            }

            if (line.Trim().Length > 0)
            {
                var content = Address().Replace(item ? line[2..] : line, m => $"<a href=\"{m.Value}\">{m.Value}</a>");
                html.Append(item ? "<li>" : "<p>").Append(content).Append(item ? "</li>" : "</p>");
            }
        }

        return html.Append(inList ? "</ul>" : "").ToString();
    }

    private static MailTemplateError ErrorOf(string message)
    {
        // Liquid names the place as "(line:column)".
        var at = Position().Match(message);
        return new MailTemplateError(at.Success ? int.Parse(at.Groups[1].Value, CultureInfo.InvariantCulture) : null, message);
    }

    private static string Normalize(string source) => source.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static TemplateOptions CreateOptions(bool strict)
    {
        var options = new TemplateOptions { StrictVariables = strict, StrictFilters = strict, MaxSteps = 100_000, CultureInfo = CultureInfo.GetCultureInfo("vi-VN") };
        options.MemberAccessStrategy.Register<MailModel>();
        options.MemberAccessStrategy.Register<MailTaskLine>();
        return options;
    }

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Address();

    [GeneratedRegex(@"\((\d+):(\d+)\)")]
    private static partial Regex Position();
}

/// <summary>Why a template was refused: the line (from 1) where Liquid names one, and its message (<c>separator</c>: no <c>---</c> line).</summary>
public sealed record MailTemplateError(int? Line, string Message);
