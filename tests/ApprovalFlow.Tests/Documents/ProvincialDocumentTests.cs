using ApprovalFlow.Decisions;
using ApprovalFlow.Documents.Letters;
using ApprovalFlow.Documents.Pdf;
using ApprovalFlow.Proposals;
using ApprovalFlow.Seeding;
using ApprovalFlow.Tests.Fixtures;
using UglyToad.PdfPig;

namespace ApprovalFlow.Tests.Documents;

/// <summary>The tờ trình and the decision: figures per agency with subtotals and a grand total in their annexes.</summary>
public sealed class ProvincialDocumentTests
{
    private static readonly DateOnly On = new(2022, 3, 7);
    private static readonly DemoAgencies Agencies = new();

    [Fact]
    public void The_submission_lists_every_agency_with_proposed_and_recommended_subtotals_and_a_grand_total()
    {
        var pdf = PdfDocumentWriter.Write(ConsolidatedSubmission.Build(new SubmissionData(
            SeedLetter.Request(), Ict(), Province(), [Agency("Ban Dân tộc tỉnh Quảng Ngãi", recommendTask3: 30), Agency("Sở Tài chính tỉnh Quảng Ngãi", recommendTask3: 40)],
            ["Sở Y tế tỉnh Quảng Ngãi"], On, 2022, "Phạm Văn Hùng")));
        Keep(pdf, "submission");

        PdfReading.AssertInOrder(PdfReading.Text(pdf),
        [
            "UBND TỈNH QUẢNG NGÃI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SỞ THÔNG TIN VÀ TRUYỀN", "Độc lập - Tự do - Hạnh phúc", "THÔNG", "Số: /TTr-STTTT", "Quảng Ngãi, ngày 07 tháng 3 năm 2022",
            "TỜ TRÌNH", "Về việc phê duyệt danh mục nhiệm vụ, kinh phí", "Kính gửi: Ủy ban nhân dân tỉnh Quảng Ngãi",
            "số đề xuất đã thẩm định, đưa vào tổng hợp: 2, gồm 8 nhiệm vụ.",
            "giai đoạn 2022 - 2025: 816 triệu đồng; năm 2022: 516 triệu đồng.",
            "giai đoạn 2022 - 2025: 806 triệu đồng; năm 2022: 516 triệu đồng.",
            "Sở Y tế tỉnh Quảng Ngãi", "kính trình Ủy ban nhân dân tỉnh xem xét, phê duyệt./.",
            "Nơi nhận:", "GIÁM ĐỐC", "Phạm Văn Hùng",
            "Phụ lục", "DANH MỤC NHIỆM VỤ, KINH PHÍ ĐỀ XUẤT VÀ ĐỀ NGHỊ BỐ TRÍ NĂM 2022", "ĐVT: triệu đồng",
            "I Ban Dân tộc tỉnh Quảng Ngãi 408 258 398 258", "1 Nâng cấp hạ tầng CNTT Năm 2022 48 48 48 48", "3 Phần mềm bản quyền diệt virus 2022 - 40 10 30 10",
            "II Sở Tài chính tỉnh Quảng Ngãi 408 258 408 258",
            "TỔNG CỘNG 816 516 806 516",
        ]);
    }

    [Fact]
    public void The_decision_approves_in_its_articles_and_lists_approved_tasks_with_adjustments_noted()
    {
        var decided = Agency("Ban Dân tộc tỉnh Quảng Ngãi", recommendTask3: 30) with
        {
            Decisions =
            [
                new() { TaskIndex = 0, Verdict = TaskVerdict.Approve, PeriodAmount = 48, PlanYearAmount = 48 },
                new() { TaskIndex = 1, Verdict = TaskVerdict.Adjust, PeriodAmount = 120, PlanYearAmount = 120, Reason = "Theo định mức" },
                new() { TaskIndex = 2, Verdict = TaskVerdict.Approve, PeriodAmount = 30, PlanYearAmount = 10 },
                new() { TaskIndex = 3, Verdict = TaskVerdict.Reject, Reason = "Trùng nhiệm vụ" },
            ],
        };
        var pdf = PdfDocumentWriter.Write(DecisionDocument.Build(new DecisionData(SeedLetter.Request(), Ict(), Province(), [decided], On, 2022, "Đặng Văn Minh")));
        Keep(pdf, "decision");

        var text = PdfReading.Text(pdf);
        PdfReading.AssertInOrder(text,
        [
            "ỦY BAN NHÂN DÂN TỈNH", "Số: /QĐ-UBND", "QUYẾT ĐỊNH", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI",
            "Căn cứ Công văn số 113/STTTT-BCVT&CNTT ngày 28/01/2022", "QUYẾT ĐỊNH:",
            "Điều 1. Phê duyệt danh mục 3 nhiệm vụ của 1 cơ quan, đơn vị", "198 triệu đồng; năm 2022: 178 triệu đồng", "Không phê duyệt 1 nhiệm vụ",
            "Điều 2.", "Điều 3.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Đặng Văn Minh",
            "Phụ lục", "DANH MỤC NHIỆM VỤ, KINH PHÍ ĐƯỢC PHÊ DUYỆT NĂM 2022",
            "I Ban Dân tộc tỉnh Quảng Ngãi 198 178", "2 Mua sắm thiết bị cho phòng họp Năm 2022 120 120 Điều chỉnh:", "TỔNG CỘNG 198 178",
        ]);
        Assert.DoesNotContain("Hoạt động của Trang thông tin", text[text.IndexOf("Phụ lục", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    private static AgencyTasks Agency(string name, decimal recommendTask3)
    {
        var tasks = SeedLetter.Content().Tasks;
        List<BudgetFigures> recommended = [.. tasks.Select((t, i) => i == 2 ? new BudgetFigures(recommendTask3, t.PlanYearNeed) : new BudgetFigures(t.Total, t.PlanYearNeed))];
        return new AgencyTasks(name, tasks, recommended, []);
    }

    private static ApprovalFlow.Organization.AgencyProfile Ict() => Agencies.Ict.ProfileOn(On)!;

    private static ApprovalFlow.Organization.AgencyProfile Province() => Agencies.Province.ProfileOn(On)!;

    /// <summary>Keeps the PDF and a picture of each page with the test results, to be looked at.</summary>
    private static void Keep(byte[] pdf, string name)
    {
        var path = Path.Combine(PdfReading.ArtifactFolder(), name + ".pdf");
        File.WriteAllBytes(path, pdf);
        PdfReading.Run("pdftoppm", "-r", "70", "-png", path, Path.Combine(PdfReading.ArtifactFolder(), name));
        using var document = PdfDocument.Open(pdf);
        Assert.True(document.NumberOfPages >= 2, "the annex starts a page of its own");
    }
}
