using ApprovalFlow.Decisions;
using ApprovalFlow.Documents.Layout;
using ApprovalFlow.Organization;
using ApprovalFlow.Requests;
using static ApprovalFlow.Documents.Letters.ProvincialParts;

namespace ApprovalFlow.Documents.Letters;

/// <summary>What the tờ trình is made of.</summary>
/// <param name="Request">The request being consolidated.</param>
/// <param name="Issuer">The reviewing department's profile (the ICT department).</param>
/// <param name="Province">The UBND's profile, the addressee.</param>
/// <param name="Agencies">Every included agency with its tasks, in the consolidation's order.</param>
/// <param name="NotIncluded">Agencies asked but left out (no reply, or not accepted in time).</param>
/// <param name="Date">The document's date; null leaves day and month blank.</param>
/// <param name="YearIfUndated">The year printed when undated.</param>
/// <param name="SignerName">The department head who signs; blank while a draft.</param>
public sealed record SubmissionData(
    BudgetRequest Request, AgencyProfile Issuer, AgencyProfile Province, IReadOnlyList<AgencyTasks> Agencies,
    IReadOnlyList<string> NotIncluded, DateOnly? Date, int YearIfUndated, string SignerName);

/// <summary>
/// The ICT department's consolidated submission (tờ trình) to the UBND: the figures in prose, and an annex listing
/// every included agency's tasks with the amounts proposed and recommended, subtotalled per agency, with a grand total.
/// </summary>
public static class ConsolidatedSubmission
{
    public static OfficialDocument Build(SubmissionData data)
    {
        var request = data.Request;
        var proposed = Sum(data.Agencies.SelectMany(a => a.Tasks.Select(t => new BudgetFigures(t.Total, t.PlanYearNeed))));
        var recommended = Sum(data.Agencies.SelectMany(a => a.Recommended));
        var period = Invariant($"giai đoạn {request.PlanPeriod.From} - {request.PlanPeriod.To}");
        var number = Invariant($"Số:        /TTr-{data.Issuer.Abbreviation}");

        var body = new List<Block>(Title("TỜ TRÌNH", "Về việc phê duyệt " + Subject(request)))
        {
            new Paragraph([new Span("Kính gửi: " + data.Province.Name)]) { Align = TextAlign.Center, FirstLineIndent = 0, SpaceBefore = 6, SpaceAfter = 12 },
            Paragraph.Body($"Thực hiện {RequestCitation(request, data.Issuer.ShortName)}, {data.Issuer.ShortName} đã tiếp nhận, thẩm định đề xuất của các cơ quan, đơn vị và tổng hợp như sau:"),
            Paragraph.Body(Invariant($"1. Số cơ quan, đơn vị được đề nghị gửi đề xuất: {data.Agencies.Count + data.NotIncluded.Count}; số đề xuất đã thẩm định, đưa vào tổng hợp: {data.Agencies.Count}, gồm {data.Agencies.Sum(a => a.Tasks.Count)} nhiệm vụ.")),
            Paragraph.Body($"2. Tổng kinh phí các cơ quan, đơn vị đề xuất: {period}: {ProposalLetter.Amount(proposed.Period)} triệu đồng; năm {Number(request.PlanYear)}: {ProposalLetter.Amount(proposed.PlanYear)} triệu đồng."),
            Paragraph.Body($"3. Tổng kinh phí {data.Issuer.ShortName} đề nghị bố trí: {period}: {ProposalLetter.Amount(recommended.Period)} triệu đồng; năm {Number(request.PlanYear)}: {ProposalLetter.Amount(recommended.PlanYear)} triệu đồng."),
        };
        if (data.NotIncluded.Count > 0)
        {
            body.Add(Paragraph.Body($"4. Các cơ quan, đơn vị chưa được tổng hợp (không gửi đề xuất hoặc đề xuất chưa được chấp thuận đúng hạn): {string.Join(", ", data.NotIncluded)}."));
        }

        body.Add(Paragraph.Body("(Chi tiết tại Phụ lục kèm theo)", italic: true));
        body.Add(Paragraph.Body($"{data.Issuer.ShortName} kính trình Ủy ban nhân dân tỉnh xem xét, phê duyệt./."));

        var annex = new Annex(
            AnnexHeading(
                Invariant($"DANH MỤC NHIỆM VỤ, KINH PHÍ ĐỀ XUẤT VÀ ĐỀ NGHỊ BỐ TRÍ NĂM {request.PlanYear}"),
                $"(Kèm theo Tờ trình số        /TTr-{data.Issuer.Abbreviation} của {data.Issuer.ShortName})"),
            [ProposalLetter.UnitNote(), AnnexTable(data, proposed, recommended)]);

        var head = new LetterHead(
            data.Issuer.ParentHeaderName, data.Issuer.HeaderName, number,
            VietnameseDate.PlaceAndDate(data.Issuer.Place, data.Date, data.YearIfUndated), Subject: null);
        return new OfficialDocument(
            $"Tờ trình – {data.Issuer.Name} – {request.Number}", head, body,
            new SignatureBlock(["Như trên", "Lưu: VT"], null, data.Issuer.HeadTitle, data.SignerName), [annex]);
    }

    private static Table AnnexTable(SubmissionData data, BudgetFigures proposed, BudgetFigures recommended)
    {
        var request = data.Request;
        var periodHeader = Invariant($"Giai đoạn {request.PlanPeriod.From}-{request.PlanPeriod.To}");
        var yearHeader = Invariant($"Năm {request.PlanYear}");
        var header = new List<TableRow>
        {
            new([
                TableCell.Center("TT", rowSpan: 2), TableCell.Center("Cơ quan, đơn vị / Tên nhiệm vụ", rowSpan: 2),
                TableCell.Center("Thời gian thực hiện", rowSpan: 2), TableCell.Center("Kinh phí đề xuất", colSpan: 2),
                TableCell.Center("Kinh phí đề nghị bố trí", colSpan: 2),
            ]),
            new([TableCell.Center(periodHeader), TableCell.Center(yearHeader), TableCell.Center(periodHeader), TableCell.Center(yearHeader)]),
        };
        var rows = new List<TableRow>();
        for (var a = 0; a < data.Agencies.Count; a++)
        {
            var agency = data.Agencies[a];
            var asked = Sum(agency.Tasks.Select(t => new BudgetFigures(t.Total, t.PlanYearNeed)));
            var given = Sum(agency.Recommended);
            rows.Add(new TableRow([TableCell.Center(Roman(a + 1)), new(agency.AgencyName), new(""), .. Figures(asked), .. Figures(given)], Bold: true));
            for (var t = 0; t < agency.Tasks.Count; t++)
            {
                var task = agency.Tasks[t];
                rows.Add(new TableRow([
                    TableCell.Center(Number(t + 1)), new(task.Name), TableCell.Center(ProposalLetter.Period(task.Period)),
                    .. Figures(new BudgetFigures(task.Total, task.PlanYearNeed)), .. Figures(agency.Recommended[t]),
                ]));
            }
        }

        rows.Add(new TableRow([new(""), TableCell.Center("TỔNG CỘNG"), new(""), .. Figures(proposed), .. Figures(recommended)], Bold: true));
        return new Table([0.55, 3.2, 1.1, 1.05, 0.9, 1.05, 0.9], header, rows) { Size = 11 };
    }

    internal static IEnumerable<TableCell> Figures(BudgetFigures figures) =>
        [TableCell.Number(ProposalLetter.Amount(figures.Period)), TableCell.Number(ProposalLetter.Amount(figures.PlanYear))];

    internal static BudgetFigures Sum(IEnumerable<BudgetFigures> figures) => figures.Aggregate(default(BudgetFigures), BudgetFigures.Add);
}
