using ApprovalFlow.Decisions;
using ApprovalFlow.Documents.Layout;
using ApprovalFlow.Organization;
using ApprovalFlow.Proposals;
using ApprovalFlow.Requests;
using static ApprovalFlow.Documents.Letters.ProvincialParts;

namespace ApprovalFlow.Documents.Letters;

/// <summary>What the UBND decision is made of.</summary>
/// <param name="Request">The request decided.</param>
/// <param name="Issuer">The reviewing department's profile, whose tờ trình the decision answers.</param>
/// <param name="Province">The UBND's profile, the issuing body.</param>
/// <param name="Agencies">The agencies put before the UBND, with their verdicts.</param>
/// <param name="Date">The decision's date; null leaves day and month blank.</param>
/// <param name="YearIfUndated">The year printed when undated.</param>
/// <param name="SignerName">Who signs for the UBND; blank while a draft.</param>
public sealed record DecisionData(
    BudgetRequest Request, AgencyProfile Issuer, AgencyProfile Province, IReadOnlyList<AgencyTasks> Agencies,
    DateOnly? Date, int YearIfUndated, string SignerName);

/// <summary>
/// The UBND's decision (quyết định) approving the tasks and amounts, with its annex of approved tasks per agency
/// (adjusted amounts noted); rejected tasks are counted in Điều 1 and left out of the annex.
/// </summary>
public static class DecisionDocument
{
    public static OfficialDocument Build(DecisionData data)
    {
        var request = data.Request;
        var approved = data.Agencies
            .Select(a => (Agency: a, Tasks: a.Decisions.Where(d => d.Verdict != TaskVerdict.Reject && d.TaskIndex < a.Tasks.Count).OrderBy(d => d.TaskIndex).ToList()))
            .Where(a => a.Tasks.Count > 0)
            .ToList();
        var total = ConsolidatedSubmission.Sum(approved.SelectMany(a => a.Tasks.Select(d => new BudgetFigures(d.PeriodAmount, d.PlanYearAmount))));
        var rejected = data.Agencies.Sum(a => a.Decisions.Count(d => d.Verdict == TaskVerdict.Reject));
        var authority = $"{data.Province.HeadTitle} {data.Province.HeaderName}";

        var body = new List<Block>(Title("QUYẾT ĐỊNH", "Về việc phê duyệt " + Subject(request)))
        {
            Paragraph.Centered(authority, bold: true) with { SpaceBefore = 6, SpaceAfter = 12 },
            Paragraph.Body($"Căn cứ {RequestCitation(request, data.Issuer.ShortName)};", italic: true),
            Paragraph.Body($"Xét đề nghị của {Capitalised(data.Issuer.HeadTitle)} {data.Issuer.ShortName} tại Tờ trình số        /TTr-{data.Issuer.Abbreviation}.", italic: true),
            Paragraph.Centered("QUYẾT ĐỊNH:", bold: true) with { SpaceBefore = 6, SpaceAfter = 6 },
            new Paragraph([
                new Span("Điều 1. ", Bold: true),
                new Span(Invariant($"Phê duyệt danh mục {approved.Sum(a => a.Tasks.Count)} nhiệm vụ của {approved.Count} cơ quan, đơn vị với tổng kinh phí giai đoạn {request.PlanPeriod.From} - {request.PlanPeriod.To}: ")
                    + $"{ProposalLetter.Amount(total.Period)} triệu đồng; năm {Number(request.PlanYear)}: {ProposalLetter.Amount(total.PlanYear)} triệu đồng (chi tiết tại Phụ lục kèm theo)."
                    + (rejected > 0 ? Invariant($" Không phê duyệt {rejected} nhiệm vụ khác đã được đề nghị.") : "")),
            ]),
            new Paragraph([
                new Span("Điều 2. ", Bold: true),
                new Span($"Các cơ quan, đơn vị có tên tại Phụ lục tổ chức thực hiện các nhiệm vụ đúng mục tiêu, nội dung và kinh phí được phê duyệt; {data.Issuer.ShortName} theo dõi, hướng dẫn, kiểm tra việc thực hiện."),
            ]),
            new Paragraph([
                new Span("Điều 3. ", Bold: true),
                new Span($"Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng {data.Province.ShortName}, {Capitalised(data.Issuer.HeadTitle)} {data.Issuer.ShortName}, Thủ trưởng các cơ quan, đơn vị có tên tại Phụ lục chịu trách nhiệm thi hành Quyết định này./."),
            ]),
        };

        var annex = new Annex(
            AnnexHeading(
                Invariant($"DANH MỤC NHIỆM VỤ, KINH PHÍ ĐƯỢC PHÊ DUYỆT NĂM {request.PlanYear}"),
                Invariant($"(Kèm theo Quyết định số        /QĐ-{data.Province.Abbreviation} của {data.Province.Name})")),
            [ProposalLetter.UnitNote(), AnnexTable(request, approved, total)]);

        var head = new LetterHead(
            data.Province.ParentHeaderName, data.Province.HeaderName, Invariant($"Số:        /QĐ-{data.Province.Abbreviation}"),
            VietnameseDate.PlaceAndDate(data.Province.Place, data.Date, data.YearIfUndated), Subject: null);
        // The chairman signs on behalf of the committee, named without its province: "TM. ỦY BAN NHÂN DÂN".
        var collective = data.Province.HeaderName.Split(" TỈNH ")[0];
        return new OfficialDocument(
            $"Quyết định – {data.Province.Name} – {request.Number}", head, body,
            new SignatureBlock(["Như Điều 3", "Lưu: VT"], "TM. " + collective, data.Province.HeadTitle, data.SignerName), [annex]);
    }

    private static Table AnnexTable(BudgetRequest request, List<(AgencyTasks Agency, List<TaskDecision> Tasks)> approved, BudgetFigures total)
    {
        var header = new List<TableRow>
        {
            new([
                TableCell.Center("TT", rowSpan: 2), TableCell.Center("Cơ quan, đơn vị / Tên nhiệm vụ", rowSpan: 2),
                TableCell.Center("Thời gian thực hiện", rowSpan: 2), TableCell.Center("Kinh phí được phê duyệt", colSpan: 2),
                TableCell.Center("Ghi chú", rowSpan: 2),
            ]),
            new([TableCell.Center(Invariant($"Giai đoạn {request.PlanPeriod.From}-{request.PlanPeriod.To}")), TableCell.Center(Invariant($"Năm {request.PlanYear}"))]),
        };
        var rows = new List<TableRow>();
        for (var a = 0; a < approved.Count; a++)
        {
            var (agency, tasks) = approved[a];
            var subtotal = ConsolidatedSubmission.Sum(tasks.Select(d => new BudgetFigures(d.PeriodAmount, d.PlanYearAmount)));
            rows.Add(new TableRow([TableCell.Center(Roman(a + 1)), new(agency.AgencyName), new(""), .. ConsolidatedSubmission.Figures(subtotal), new("")], Bold: true));
            for (var t = 0; t < tasks.Count; t++)
            {
                var decision = tasks[t];
                var task = agency.Tasks[decision.TaskIndex];
                var note = decision.Verdict == TaskVerdict.Adjust ? "Điều chỉnh" + (decision.Reason is { Length: > 0 } r ? ": " + r : "") : "";
                rows.Add(new TableRow([
                    TableCell.Center(Number(t + 1)), new(task.Name), TableCell.Center(ProposalLetter.Period(task.Period)),
                    .. ConsolidatedSubmission.Figures(new BudgetFigures(decision.PeriodAmount, decision.PlanYearAmount)), new(note),
                ]));
            }
        }

        rows.Add(new TableRow([new(""), TableCell.Center("TỔNG CỘNG"), new(""), .. ConsolidatedSubmission.Figures(total), new("")], Bold: true));
        return new Table([0.55, 3.3, 1.1, 1.1, 0.95, 1.6], header, rows) { Size = 12 };
    }

    /// <summary>"GIÁM ĐỐC" → "Giám đốc", as a title reads inside a sentence.</summary>
    private static string Capitalised(string title) =>
        title.Length == 0 ? title : char.ToUpper(title[0], System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) + title[1..].ToLower(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
}
