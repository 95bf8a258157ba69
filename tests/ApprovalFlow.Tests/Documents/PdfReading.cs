using System.Diagnostics;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace ApprovalFlow.Tests.Documents;

/// <summary>Reads generated PDFs back as a reader would, and keeps pictures of them with the test results.</summary>
internal static class PdfReading
{
    /// <summary>The words of every page in reading order (top to bottom, then left to right), NFC.</summary>
    public static List<string> Words(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().SelectMany(PageWords).Select(w => w.Text.Normalize(NormalizationForm.FormC))];
    }

    /// <summary>A page's words ordered by line (top first), then by x; lines are words whose baselines are within 2 pt.</summary>
    public static IEnumerable<Word> PageWords(Page page) =>
        page.GetWords()
            .OrderByDescending(w => Math.Round(w.BoundingBox.Bottom / 2))
            .ThenBy(w => w.BoundingBox.Left);

    /// <summary>Asserts that every fragment occurs in the text, each after the one before.</summary>
    public static void AssertInOrder(string text, IEnumerable<string> fragments)
    {
        var at = 0;
        foreach (var fragment in fragments)
        {
            var normalized = Normalize(fragment);
            var found = text.IndexOf(normalized, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"\"{normalized}\" not found after position {at}: …{text[Math.Max(0, at - 80)..Math.Min(text.Length, at + 200)]}…");
            at = found + normalized.Length;
        }
    }

    /// <summary>Words joined by single spaces, NFC: what the fragments are matched against.</summary>
    public static string Text(byte[] pdf) => Normalize(string.Join(" ", Words(pdf)));

    public static string Normalize(string text) => string.Join(" ", text.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The folder where pictures and files a person should look at are kept: the test results at the repository root.</summary>
    public static string ArtifactFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ApprovalFlow.sln")))
        {
            dir = dir.Parent;
        }

        var folder = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "TestResults", "documents");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Runs a command line tool and fails the test with its output when it fails.</summary>
    public static void Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), $"{file} did not finish");
        Assert.True(process.ExitCode == 0, $"{file} failed ({process.ExitCode}): {output.Result} {error.Result}");
    }

    /// <summary>Converts a DOCX (or any office file) to PDF with LibreOffice, in a profile of its own so parallel runs do not collide.</summary>
    public static byte[] ConvertWithLibreOffice(byte[] file, string extension)
    {
        var work = Directory.CreateTempSubdirectory("af-lo-");
        try
        {
            var input = Path.Combine(work.FullName, "document" + extension);
            File.WriteAllBytes(input, file);
            Run("soffice", $"-env:UserInstallation=file://{work.FullName}/profile", "--headless", "--convert-to", "pdf", "--outdir", work.FullName, input);
            return File.ReadAllBytes(Path.Combine(work.FullName, "document.pdf"));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
