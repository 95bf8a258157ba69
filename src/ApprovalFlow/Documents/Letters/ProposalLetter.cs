using System.Globalization;
using ApprovalFlow.Budget;
using ApprovalFlow.Documents.Layout;
using ApprovalFlow.Organization;
using ApprovalFlow.Proposals;
using ApprovalFlow.Requests;

namespace ApprovalFlow.Documents.Letters;

/// <summary>What the proposal letter is made of.</summary>
/// <param name="Content">The agency's text and figures.</param>
/// <param name="Request">The request it answers (plan year, past years).</param>
/// <param name="Agency">The agency's profile on the letter's date (header, place).</param>
/// <param name="Sources">Funding sources, to print their names.</param>
/// <param name="Date">The letter's date; null leaves day and month blank.</param>
/// <param name="YearIfUndated">The year printed when the letter has no date yet.</param>
public sealed record ProposalLetterData(
    ProposalContent Content, BudgetRequest Request, AgencyProfile Agency, IReadOnlyList<FundingSource> Sources, DateOnly? Date, int YearIfUndated);

/// <summary>
/// The agency's reply (công văn) as the seed letter lays it out: header, "Kính gửi", the opening, sections I–V numbered
/// here (so never "IV" twice), the two tables, "Nơi nhận" and the signature.
/// </summary>
public static class ProposalLetter
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static OfficialDocument Build(ProposalLetterData data)
    {
        var c = data.Content;
        var request = data.Request;
        var summary = BudgetSummary.Compute(c, data.Sources);
        var body = new List<Block>
        {
            new Paragraph([new Span("Kính gửi: " + c.Addressee)]) { Align = TextAlign.Center, FirstLineIndent = 0, SpaceBefore = 6, SpaceAfter = 12 },
        };
        body.AddRange(Paragraphs(c.Opening));

        body.Add(Paragraph.Heading("I. Tình hình thực hiện nhiệm vụ"));
        body.Add(Paragraph.Heading("1. Những nhiệm vụ đã thực hiện"));
        body.AddRange(Paragraphs(c.TasksDone));
        body.Add(Paragraph.Heading("2. Những lĩnh vực còn hạn chế"));
        body.AddRange(Paragraphs(c.Limitations));
        body.Add(Paragraph.Heading("3. Kinh phí đã bố trí"));
        body.Add(Paragraph.Body("Kinh phí đã bố trí để phát triển chính quyền điện tử, chuyển đổi số:"));
        body.Add(AllocatedFunds(c, request.PastYears));

        body.Add(Paragraph.Heading(Invariant($"II. Mục tiêu năm {request.PlanYear} và các năm tiếp theo")));
        body.AddRange(Paragraphs(c.Goals));

        body.Add(Paragraph.Heading("III. Danh mục nhiệm vụ, dự án"));
        for (var i = 0; i < c.Tasks.Count; i++)
        {
            body.AddRange(Task(i + 1, c.Tasks[i], request, data.Sources));
        }

        body.Add(Paragraph.Heading("IV. Tổng hợp nhu cầu kinh phí"));
        body.Add(UnitNote());
        body.Add(Summary(summary, request));

        body.Add(Paragraph.Heading("V. Đề xuất, kiến nghị"));
        body.AddRange(Paragraphs(c.Recommendations));

        var head = new LetterHead(
            data.Agency.ParentHeaderName, data.Agency.HeaderName, Number(c.Number),
            VietnameseDate.PlaceAndDate(data.Agency.Place, data.Date, data.YearIfUndated), c.Subject);
        return new OfficialDocument(
            $"Công văn – {data.Agency.Name} – V/v {c.Subject}", head, body,
            new SignatureBlock(c.Recipients, null, c.SignerTitle, c.SignerName), []);
    }

    /// <summary>"Số: 05/BDT-VP"; without a number yet, room to write it in by hand.</summary>
    public static string Number(string? number) =>
        string.IsNullOrWhiteSpace(number) ? "Số:        " : "Số: " + number.Trim();

    /// <summary>An amount the Vietnamese way: 1.250,5.</summary>
    public static string Amount(decimal? amount) => amount is { } a ? Amounts.Format(a, Vietnamese) : "";

    /// <summary>The "ĐVT: triệu đồng" line above a table, right-aligned and italic.</summary>
    public static Paragraph UnitNote() =>
        new([new Span("ĐVT: triệu đồng", Italic: true)]) { Align = TextAlign.Right, FirstLineIndent = 0, SpaceAfter = 2, Size = 13, KeepWithNext = true };

    /// <summary>"Năm 2022" for a single year, "2022 - 2025" for a period, as the seed prints them.</summary>
    public static string Period(YearRange period) => period.IsSingleYear ? Invariant($"Năm {period.From}") : period.ToString();

    /// <summary>Body paragraphs, one per line of a multi-line field.</summary>
    public static IEnumerable<Paragraph> Paragraphs(string? text) => DocumentText.Lines(text).Select(line => Paragraph.Body(line));

    private static IEnumerable<Block> Task(int n, ProposedTask task, BudgetRequest request, IReadOnlyList<FundingSource> sources)
    {
        var source = sources.FirstOrDefault(s => s.Code == task.FundingSource)?.Name ?? task.FundingSource;
        yield return Paragraph.Heading(Invariant($"{n}. {task.Name}"));
        yield return Paragraph.Body(Invariant($"{n}.1. Đơn vị thực hiện: {task.ImplementingUnit}"));
        yield return Paragraph.Body(Invariant($"{n}.2. Căn cứ áp dụng: {task.LegalBasis}"));
        yield return Paragraph.Body(Invariant($"{n}.3. Mục tiêu của nhiệm vụ: {task.Objective}"));
        yield return Paragraph.Body(Invariant($"{n}.4. Nội dung thực hiện: {task.Content}"));
        yield return Paragraph.Body(Invariant($"{n}.5. Phạm vi, khối lượng:"));
        foreach (var line in task.Scope.Where(s => !string.IsNullOrWhiteSpace(s)))
        {
            yield return Paragraph.Body("- " + line.Trim());
        }

        yield return Paragraph.Body(Invariant($"{n}.6. Thời gian, giai đoạn thực hiện: {Period(task.Period)}"));
        yield return Paragraph.Body(Invariant($"{n}.7. Kinh phí và nguồn vốn:"));
        var split = task.YearSplit.Count > 0
            ? "; trong đó phân bổ theo các năm: " + string.Join(", ", task.YearSplit.Select(y => Invariant($"năm {y.Year}: {Amount(y.Amount ?? 0)}")))
            : "";
        var label = task.Period.IsSingleYear ? "Kinh phí" : "Tổng kinh phí";
        yield return Paragraph.Body($"- {label}: {Amount(task.Total)} triệu đồng{split}.");
        yield return Paragraph.Body($"- Nguồn vốn: {source}.");
        if (task.AllocatedThisYear is { } allocated)
        {
            yield return Paragraph.Body(Invariant($"- Đã phân bổ trong năm {request.PlanYear}: {Amount(allocated)} triệu đồng."));
        }

        yield return Paragraph.Body(Invariant($"{n}.8. Tính cấp thiết của nhiệm vụ: {task.Necessity}"));
    }

    private static Table AllocatedFunds(ProposalContent c, YearRange pastYears)
    {
        var years = pastYears.Years.ToList();
        var header = new List<TableRow>
        {
            new([
                TableCell.Center("TT", rowSpan: 2), TableCell.Center("Tên dự án/nhiệm vụ", rowSpan: 2),
                TableCell.Center("Đơn vị sử dụng kinh phí", rowSpan: 2),
                TableCell.Center("Kinh phí đã bố trí (ĐVT: triệu đồng)", colSpan: Math.Max(years.Count, 1)),
            ]),
            new([.. years.Select(y => TableCell.Center(Invariant($"Năm {y}")))]),
            new([.. Enumerable.Range(1, 3 + years.Count).Select(i => TableCell.Center(i.ToString(CultureInfo.InvariantCulture)))]),
        };
        var rows = c.AllocatedFunds.Select((f, i) => new TableRow([
            TableCell.Center((i + 1).ToString(CultureInfo.InvariantCulture)), new(f.Project), new(f.UsingUnit),
            .. years.Select(y => TableCell.Number(Amount(f.Amounts.FirstOrDefault(a => a.Year == y)?.Amount))),
        ])).ToList();
        return new Table([0.6, 3.4, 1.8, .. years.Select(_ => 1.2)], header, rows);
    }

    private static Table Summary(BudgetSummary summary, BudgetRequest request)
    {
        var header = new List<TableRow>
        {
            new([
                TableCell.Center("TT", rowSpan: 2), TableCell.Center("Tên nhiệm vụ", rowSpan: 2), TableCell.Center("Nội dung thực hiện", rowSpan: 2),
                TableCell.Center("Thời gian, giai đoạn thực hiện", rowSpan: 2), TableCell.Center("Nhu cầu kinh phí thực hiện", colSpan: 2),
                TableCell.Center("Nguồn vốn", rowSpan: 2),
            ]),
            new([TableCell.Center(Invariant($"Giai đoạn {request.PlanPeriod.From}-{request.PlanPeriod.To}")), TableCell.Center(Invariant($"Năm {request.PlanYear}"))]),
        };
        var rows = summary.Rows.Select(r => new TableRow([
            TableCell.Center(r.Number.ToString(CultureInfo.InvariantCulture)), new(r.Task), new(r.Content), TableCell.Center(Period(r.Period)),
            TableCell.Number(Amount(r.PeriodTotal)), TableCell.Number(Amount(r.PlanYearNeed)), TableCell.Center(r.FundingSource),
        ])).ToList();
        rows.Add(new TableRow([new(""), TableCell.Center("Tổng cộng"), new(""), new(""), TableCell.Number(Amount(summary.PeriodTotal)), TableCell.Number(Amount(summary.PlanYearTotal)), new("")], Bold: true));
        return new Table([0.5, 2.0, 2.3, 1.05, 1.25, 0.9, 0.9], header, rows) { Size = 12 };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
