using System.Text.RegularExpressions;
using ApprovalFlow.Documents.Letters;
using ApprovalFlow.Documents.Pdf;
using ApprovalFlow.Tests.Fixtures;
using UglyToad.PdfPig;

namespace ApprovalFlow.Tests.Documents;

/// <summary>The seed letter as the system renders it, read back as text and looked at as pictures.</summary>
public sealed partial class ProposalPdfTests
{
    private const double PointsPerMm = 72 / 25.4;

    /// <summary>The seed's text in reading order (its "IV" for section V corrected: the system numbers sections).</summary>
    public static readonly string[] SeedText =
    [
        "UBND TỈNH QUẢNG NGÃI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BAN DÂN TỘC", "Độc lập - Tự do - Hạnh phúc",
        "Số:", "Quảng Ngãi, ngày 14 tháng 02 năm 2022", "V/v thực hiện rà soát, đánh giá lại",
        "Kính gửi: Sở Thông tin và Truyền thông",
        "Thực hiện Công văn số 113/STTTT-BCVT&CNTT ngày 28/01/2022 của Sở Thông tin và Truyền thông",
        "I. Tình hình thực hiện nhiệm vụ", "1. Những nhiệm vụ đã thực hiện", "Trưởng Ban quán triệt", "iOffice",
        "2. Những lĩnh vực còn hạn chế", "chưa có thiết bị phục vụ cho việc họp trực tuyến.",
        "3. Kinh phí đã bố trí", "TT", "Tên dự án/nhiệm vụ", "Năm 2020", "Năm 2021", "Ban Dân tộc tỉnh", "621",
        "II. Mục tiêu năm 2022 và các năm tiếp theo", "Đẩy mạnh ứng dụng công nghệ thông tin",
        "III. Danh mục nhiệm vụ, dự án",
        "1. Nâng cấp hạ tầng CNTT", "1.1. Đơn vị thực hiện: Ban Dân tộc tỉnh", "1.2. Căn cứ áp dụng: Kế hoạch số 560/KH-BDT",
        "1.3. Mục tiêu của nhiệm vụ: Nâng cấp cơ cở hạ tầng CNTT của cơ quan", "1.4. Nội dung thực hiện: Mua sắm máy vi tính",
        "1.5. Phạm vi, khối lượng:", "- Mua mới 02 bộ máy vi tính", "- Rà soát, nâng cấp hệ thống mạng của cơ quan",
        "1.6. Thời gian, giai đoạn thực hiện: Năm 2022", "1.7. Kinh phí và nguồn vốn:", "- Kinh phí: 48 triệu đồng.",
        "- Nguồn vốn: Ngân sách nhà nước tỉnh.", "1.8. Tính cấp thiết của nhiệm vụ: đảm bảo máy vi tính",
        "2. Mua sắm thiết bị cho phòng họp trực tuyến", "2.5. Phạm vi, khối lượng:", "01 camera, 02 Speaker", "- Kinh phí: 160 triệu đồng.",
        "3. Phần mềm bản quyền diệt virus", "3.6. Thời gian, giai đoạn thực hiện: 2022 - 2025", "- Tổng kinh phí: 40 triệu đồng",
        "- Đã phân bổ trong năm 2022: 0 triệu đồng.",
        "4. Hoạt động của Trang thông tin điện tử của Ban", "4.2. Căn cứ áp dụng: Căn cứ Quyết định số 143/QĐ-BDT", "- Tổng kinh phí: 160 triệu đồng",
        "4.8. Tính cấp thiết của nhiệm vụ",
        "IV. Tổng hợp nhu cầu kinh phí", "ĐVT: triệu đồng", "Tên nhiệm vụ", "Nội dung thực hiện",

        // Table rows read line by line: each row's first line carries its number, name, figures and source.
        "1 Nâng cấp hạ tầng", "48 48 NS tỉnh", "2 Mua sắm thiết bị", "160 160 NS tỉnh",
        "3 Phần mềm bản", "40 10 NS tỉnh", "4 Hoạt động của", "160 40 NS tỉnh",
        "Tổng cộng 408 258",
        "V. Đề xuất, kiến nghị", "Kính đề nghị UBND tỉnh",
        "Nơi nhận:", "TRƯỞNG BAN", "- Như trên;", "- Lãnh đạo Ban;", "- Các phòng thuộc Ban;", "- Lưu VT.", "Trần Văn Mẫn",
    ];

    [Fact]
    public void The_seed_letter_reads_back_with_the_seed_text_in_order()
    {
        var pdf = PdfDocumentWriter.Write(ProposalLetter.Build(DocumentSamples.Seed()));

        PdfReading.AssertInOrder(PdfReading.Text(pdf), SeedText);
    }

    [Fact]
    public void Every_font_is_embedded_as_a_subset_and_every_Vietnamese_letter_reads_back()
    {
        var content = SeedLetter.Content();
        var letters = FontCoverage.Vietnamese + FontCoverage.Vietnamese.ToUpperInvariant();
        content.Goals = "Chữ tiếng Việt: " + string.Join(" ", letters.ToCharArray());
        var pdf = PdfDocumentWriter.Write(ProposalLetter.Build(DocumentSamples.Letter(content)));

        using var document = PdfDocument.Open(pdf);
        var fontNames = document.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName).Distinct().ToList();
        Assert.NotEmpty(fontNames);
        Assert.All(fontNames, name => Assert.Matches(SubsetTag(), name));
        var raw = System.Text.Encoding.Latin1.GetString(pdf);
        Assert.Equal(fontNames.Count, Regex.Count(raw, "/FontFile2"));
        PdfReading.AssertInOrder(PdfReading.Text(pdf), ["Chữ tiếng Việt: " + string.Join(" ", letters.ToCharArray())]);
    }

    [Fact]
    public void Pages_are_A4_with_numbers_centred_at_the_top_from_page_two()
    {
        var pdf = PdfDocumentWriter.Write(ProposalLetter.Build(DocumentSamples.Seed()));

        using var document = PdfDocument.Open(pdf);
        Assert.True(document.NumberOfPages >= 3);
        foreach (var page in document.GetPages())
        {
            Assert.Equal(210 * PointsPerMm, page.Width, 0.5);
            Assert.Equal(297 * PointsPerMm, page.Height, 0.5);
            var inTopMargin = page.GetWords().Where(w => w.BoundingBox.Bottom > page.Height - (20 * PointsPerMm)).ToList();
            if (page.Number == 1)
            {
                Assert.Empty(inTopMargin);
                continue;
            }

            var number = Assert.Single(inTopMargin);
            Assert.Equal(page.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), number.Text);
            var textCentre = (30 * PointsPerMm) + ((210 - 30 - 15) * PointsPerMm / 2);
            Assert.Equal(textCentre, number.BoundingBox.Centroid.X, 3);
            Assert.Equal(13, number.Letters[0].PointSize, 0.5);
        }
    }

    [Fact]
    public void The_seed_is_kept_as_pictures_with_the_test_results()
    {
        var folder = PdfReading.ArtifactFolder();
        var path = Path.Combine(folder, "seed-proposal.pdf");
        File.WriteAllBytes(path, PdfDocumentWriter.Write(ProposalLetter.Build(DocumentSamples.Seed())));

        PdfReading.Run("pdftoppm", "-r", "100", "-png", path, Path.Combine(folder, "seed-proposal"));

        using var document = PdfDocument.Open(path);
        for (var page = 1; page <= document.NumberOfPages; page++)
        {
            var png = new FileInfo(Path.Combine(folder, $"seed-proposal-{page}.png"));
            Assert.True(png.Exists && png.Length > 10_000, $"{png.Name} was not rendered");
        }
    }

    [GeneratedRegex(@"^[A-Z]{6}\+")]
    private static partial Regex SubsetTag();
}
