using System.Diagnostics;
using ApprovalFlow.Budget;
using ApprovalFlow.Decisions;
using ApprovalFlow.Documents.Docx;
using ApprovalFlow.Documents.Letters;
using ApprovalFlow.Documents.Pdf;
using ApprovalFlow.Organization;
using ApprovalFlow.Proposals;
using ApprovalFlow.Requests;

namespace ApprovalFlow.Benchmarks;

/// <summary>
/// Official documents: the seed proposal as PDF (target under 50 ms) and as DOCX, and the ICT department's tờ trình
/// for 50 agencies with 10 tasks each (target under 1 s). Baseline, in the same run: LibreOffice converting our DOCX
/// of the same proposal to PDF (<c>soffice --headless --convert-to pdf</c>), what an office would otherwise do.
/// </summary>
public sealed class DocumentsSuite : ISuite
{
    private static readonly DateOnly LetterDate = new(2022, 2, 14);

    public string Name => "documents";

    public async Task<Dictionary<string, object>> RunAsync(bool quick)
    {
        var content = ProposalJson.Deserialize(await File.ReadAllTextAsync(Path.Combine(BenchResults.RepositoryRoot(), "tests", "ApprovalFlow.Tests", "Fixtures", "ban-dan-toc-2022.json")));
        var request = new BudgetRequest
        {
            Number = "113/STTTT-BCVT&CNTT",
            Date = new DateOnly(2022, 1, 28),
            Subject = "thực hiện rà soát, đánh giá lại nhiệm vụ, kinh phí đã bố trí để phát triển chính quyền điện tử, chuyển đổi số",
            PlanPeriod = new YearRange(2022, 2025),
            PlanYear = 2022,
            PastYears = new YearRange(2020, 2021),
        };
        var letter = ProposalLetter.Build(new ProposalLetterData(content, request, Profile("Ban Dân tộc tỉnh Quảng Ngãi", "BAN DÂN TỘC", "Ban Dân tộc tỉnh", "BDT", "TRƯỞNG BAN", "UBND TỈNH QUẢNG NGÃI"), FundingSource.Defaults, LetterDate, 2022));
        var submission = ConsolidatedSubmission.Build(new SubmissionData(
            request, Profile("Sở Thông tin và Truyền thông tỉnh Quảng Ngãi", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "Sở Thông tin và Truyền thông", "STTTT", "GIÁM ĐỐC", "UBND TỈNH QUẢNG NGÃI"),
            Profile("Ủy ban nhân dân tỉnh Quảng Ngãi", "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", "UBND tỉnh", "UBND", "CHỦ TỊCH", null),
            [.. Enumerable.Range(1, 50).Select(i => Agency(i, content))], [], LetterDate, 2022, "Phạm Văn Hùng"));

        // Steady state: enough renders first for the JIT to promote the layout code past tier 0, which the harness's
        // short warm-up does not reach (the first documents of a process are several times slower).
        for (var i = 0; i < (quick ? 10 : 40); i++)
        {
            PdfDocumentWriter.Write(letter);
            DocxDocumentWriter.Write(letter);
        }

        var runs = quick ? 3 : 7;
        var seedPdfMs = await Measure.MillisecondsPerOperationAsync(runs, quick ? 5 : 20, _ => Task.FromResult(PdfDocumentWriter.Write(letter)));
        var seedDocxMs = await Measure.MillisecondsPerOperationAsync(runs, quick ? 5 : 20, _ => Task.FromResult(DocxDocumentWriter.Write(letter)));
        var submissionPdfMs = await Measure.MillisecondsPerOperationAsync(runs, quick ? 1 : 3, _ => Task.FromResult(PdfDocumentWriter.Write(submission)));
        var submissionPages = UglyPageCount(PdfDocumentWriter.Write(submission));
        var libreOfficeMs = await LibreOfficeAsync(DocxDocumentWriter.Write(letter), quick ? 2 : 3);

        return new Dictionary<string, object>
        {
            ["seedProposalPdfMs"] = Math.Round(seedPdfMs, 2),
            ["seedProposalPdfTargetMs"] = 50,
            ["seedProposalDocxMs"] = Math.Round(seedDocxMs, 2),
            ["submission50x10PdfMs"] = Math.Round(submissionPdfMs, 1),
            ["submission50x10Pages"] = submissionPages,
            ["submission50x10TargetMs"] = 1000,
            ["baselineLibreOfficeDocxToPdfMs"] = Math.Round(libreOfficeMs, 1),
            ["speedupOverLibreOffice"] = Math.Round(libreOfficeMs / seedPdfMs, 1),
        };
    }

    private static AgencyProfile Profile(string name, string header, string shortName, string abbreviation, string headTitle, string? parent) => new()
    {
        Name = name,
        HeaderName = header,
        ShortName = shortName,
        Abbreviation = abbreviation,
        HeadTitle = headTitle,
        ParentHeaderName = parent,
        Place = "Quảng Ngãi",
        ValidFrom = new DateOnly(2020, 1, 1),
    };

    private static AgencyTasks Agency(int number, ProposalContent seed)
    {
        var tasks = Enumerable.Range(0, 10).Select(i =>
        {
            var task = ProposalJson.Deserialize(ProposalJson.Serialize(seed)).Tasks[i % seed.Tasks.Count];
            task.Name = $"{task.Name} ({i + 1})";
            return task;
        }).ToList();
        return new AgencyTasks($"Cơ quan số {number} tỉnh Quảng Ngãi", tasks, [.. tasks.Select(t => new BudgetFigures(t.Total, t.PlanYearNeed))], []);
    }

    private static int UglyPageCount(byte[] pdf) => System.Text.RegularExpressions.Regex.Count(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]");

    /// <summary>Median wall time of LibreOffice converting the DOCX, in a profile of its own (its first start, which builds the profile, is the warm-up).</summary>
    private static async Task<double> LibreOfficeAsync(byte[] docx, int runs)
    {
        var work = Directory.CreateTempSubdirectory("af-bench-lo-");
        try
        {
            var input = Path.Combine(work.FullName, "seed.docx");
            await File.WriteAllBytesAsync(input, docx);
            return await Measure.MillisecondsPerOperationAsync(runs, 1, async _ =>
            {
                var start = new ProcessStartInfo("soffice") { RedirectStandardOutput = true, RedirectStandardError = true };
                foreach (var argument in new[] { $"-env:UserInstallation=file://{work.FullName}/profile", "--headless", "--convert-to", "pdf", "--outdir", work.FullName, input })
                {
                    start.ArgumentList.Add(argument);
                }

                using var process = Process.Start(start)!;
                await process.WaitForExitAsync();
                if (process.ExitCode != 0 || !File.Exists(Path.Combine(work.FullName, "seed.pdf")))
                {
                    throw new InvalidOperationException("LibreOffice failed: " + await process.StandardError.ReadToEndAsync());
                }
            });
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
