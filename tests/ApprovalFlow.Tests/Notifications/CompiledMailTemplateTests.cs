using ApprovalFlow.Notifications;

namespace ApprovalFlow.Tests.Notifications;

/// <summary>Mail templates: refused with the line where Liquid stops; values encoded in the HTML part only.</summary>
[Trait("Database", "None")]
public sealed class CompiledMailTemplateTests
{
    [Theory]
    [InlineData("Việc mới\n---\nKính gửi {{ Recipient }},\n{% if Due %}Hạn: {{ Due }}{% endfor %}\n", 4)]
    [InlineData("Việc mới\n---\n{{ Title | }}\n", 3)]
    public void A_template_that_does_not_parse_is_refused_with_its_line(string source, int line)
    {
        Assert.Null(CompiledMailTemplate.TryParse(source, out var error));
        Assert.Equal(line, error!.Line);
    }

    [Fact]
    public void An_unknown_value_is_refused_before_saving()
    {
        var template = CompiledMailTemplate.TryParse("Việc mới\n---\nKính gửi {{ Nguoi_nhan }}\n", out _)!;
        Assert.NotNull(template.Check(MailTemplates.SampleModel));
    }

    [Fact]
    public void Values_are_HTML_encoded_in_the_HTML_part_and_left_as_typed_in_the_text_part_with_Vietnamese_letters_intact()
    {
        var template = CompiledMailTemplate.TryParse("{{ Title }}\n---\nÝ kiến: {{ Comment }}\n- {{ Link }}\n", out _)!;
        var (subject, text, html) = template.Render(new MailModel { Title = "Ký duyệt <b>", Comment = "Sửa mục 2 & 3 <script>", Link = "https://a.example/work/1" });

        Assert.Equal("Ký duyệt <b>", subject);
        Assert.Equal("Ý kiến: Sửa mục 2 & 3 <script>\n- https://a.example/work/1", text);
        Assert.Equal("<p>Ý kiến: Sửa mục 2 &amp; 3 &lt;script&gt;</p><ul><li><a href=\"https://a.example/work/1\">https://a.example/work/1</a></li></ul>", html);
    }
}
