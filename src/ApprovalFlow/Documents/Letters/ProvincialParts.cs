using System.Globalization;
using ApprovalFlow.Decisions;
using ApprovalFlow.Documents.Layout;
using ApprovalFlow.Proposals;
using ApprovalFlow.Requests;

namespace ApprovalFlow.Documents.Letters;

/// <summary>One agency's tasks as the ICT department consolidates them: what it asked for, what the review recommends, and what the UBND decided.</summary>
/// <param name="AgencyName">The agency's full name on the request's date.</param>
/// <param name="Tasks">Its proposal's tasks.</param>
/// <param name="Recommended">The review's figures per task (as proposed where none was recorded).</param>
/// <param name="Decisions">The UBND's verdict per task; empty before the decision.</param>
public sealed record AgencyTasks(string AgencyName, IReadOnlyList<ProposedTask> Tasks, IReadOnlyList<BudgetFigures> Recommended, IReadOnlyList<TaskDecision> Decisions);

/// <summary>The pieces the tờ trình and the decision share: titles, the annex heading, roman numerals, the request's citation.</summary>
internal static class ProvincialParts
{
    /// <summary>The document type's name and its trích yếu, centred and bold, with a short rule underneath (ô 5a).</summary>
    public static IEnumerable<Block> Title(string type, string summary) =>
    [
        Paragraph.Centered(type, bold: true) with { SpaceBefore = 6 },
        Paragraph.Centered(summary, bold: true),
        new Rule(110),
    ];

    /// <summary>"Phụ lục", its title, and the italic line naming the document it belongs to.</summary>
    public static IReadOnlyList<Paragraph> AnnexHeading(string title, string reference) =>
    [
        Paragraph.Centered("Phụ lục", bold: true),
        Paragraph.Centered(title, size: 13, bold: true),
        Paragraph.Centered(reference, italic: true) with { SpaceAfter = 12 },
    ];

    public static string Subject(BudgetRequest request) =>
        Invariant($"danh mục nhiệm vụ, kinh phí phát triển chính quyền điện tử, chuyển đổi số năm {request.PlanYear}");

    /// <summary>"Công văn số 113/STTTT-BCVT&amp;CNTT ngày 28/01/2022 của Sở … về việc …".</summary>
    public static string RequestCitation(BudgetRequest request, string issuerName) =>
        $"Công văn số {request.Number} ngày {request.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} của {issuerName} về việc {request.Subject}";

    public static string Roman(int number) => number switch
    {
        <= 0 => "",
        _ => string.Concat(
            Enumerable.Repeat("M", number / 1000)
                .Append(Digit(number / 100 % 10, "C", "D", "M"))
                .Append(Digit(number / 10 % 10, "X", "L", "C"))
                .Append(Digit(number % 10, "I", "V", "X"))),
    };

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Digit(int digit, string one, string five, string ten) => digit switch
    {
        0 => "",
        4 => one + five,
        9 => one + ten,
        _ => (digit >= 5 ? five : "") + string.Concat(Enumerable.Repeat(one, digit % 5)),
    };
}
