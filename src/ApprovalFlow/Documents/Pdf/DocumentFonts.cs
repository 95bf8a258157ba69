using PdfSharp.Fonts;

namespace ApprovalFlow.Documents.Pdf;

/// <summary>
/// Finds the serif the documents are set in: Times New Roman where installed, else a metric-compatible face (Liberation
/// Serif, then Tinos), so that a document breaks its lines the same way wherever it is rendered. Searched in the
/// usual font folders of Linux, Windows and macOS, in the folders given by <c>APPROVALFLOW_FONT_DIRS</c>, and last in
/// <c>fonts/</c> beside the application, where the web build copies Tinos from the npm registry: a fresh machine with no
/// suitable font installed still renders every Vietnamese letter.
/// </summary>
public sealed class DocumentFonts : IFontResolver
{
    /// <summary>The family name documents ask for; resolved to whichever face was found.</summary>
    public const string Family = "Document Serif";

    private static readonly (string Name, string[] Regular, string[] Bold, string[] Italic, string[] BoldItalic)[] Candidates =
    [
        ("Times New Roman", ["times.ttf", "Times New Roman.ttf", "TimesNewRoman.ttf"], ["timesbd.ttf", "Times New Roman Bold.ttf", "TimesNewRoman-Bold.ttf"], ["timesi.ttf", "Times New Roman Italic.ttf", "TimesNewRoman-Italic.ttf"], ["timesbi.ttf", "Times New Roman Bold Italic.ttf", "TimesNewRoman-BoldItalic.ttf"]),
        ("Liberation Serif", ["LiberationSerif-Regular.ttf"], ["LiberationSerif-Bold.ttf"], ["LiberationSerif-Italic.ttf"], ["LiberationSerif-BoldItalic.ttf"]),
        ("Tinos", ["Tinos-Regular.ttf", "Tinos_400Regular.ttf"], ["Tinos-Bold.ttf", "Tinos_700Bold.ttf"], ["Tinos-Italic.ttf", "Tinos_400Regular_Italic.ttf"], ["Tinos-BoldItalic.ttf", "Tinos_700Bold_Italic.ttf"]),
    ];

    private static readonly Lazy<DocumentFonts?> Found = new(Find);
    private static readonly Lock InstallLock = new();

    private readonly Dictionary<string, string> files;

    private DocumentFonts(string familyName, Dictionary<string, string> files)
    {
        FamilyName = familyName;
        this.files = files;
    }

    /// <summary>The installed family in use, e.g. "Liberation Serif"; the DOCX names it too.</summary>
    public string FamilyName { get; }

    /// <summary>The fonts found on this machine; throws with the remedy when none of the candidates is installed.</summary>
    public static DocumentFonts Current => Found.Value ?? throw new InvalidOperationException(
        "No Times New Roman, Liberation Serif 2 or Tinos font covering Vietnamese was found. Install one (Debian: apt-get install fonts-liberation2) or set APPROVALFLOW_FONT_DIRS to a folder holding its .ttf files.");

    /// <summary>
    /// Makes PDFsharp resolve fonts through <see cref="Current"/> (one resolver per process), and selects its licence:
    /// from 6.5 on PDFsharp refuses to work until the caller chooses the AGPL or loads a commercial key.
    /// </summary>
    public static void EnsureInstalled()
    {
        lock (InstallLock)
        {
            if (GlobalFontSettings.FontResolver is not DocumentFonts)
            {
                PdfSharp.PdfSharpLicense.SetAgplLicense();
                GlobalFontSettings.FontResolver = Current;
            }
        }
    }

    /// <inheritdoc />
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        var face = (bold, italic) switch
        {
            (true, true) => "BoldItalic",
            (true, false) => "Bold",
            (false, true) => "Italic",
            _ => "Regular",
        };
        return new FontResolverInfo(face);
    }

    /// <inheritdoc />
    public byte[]? GetFont(string faceName) => files.TryGetValue(faceName, out var path) ? File.ReadAllBytes(path) : null;

    private static DocumentFonts? Find()
    {
        // Every copy of each file name, in folder order: Debian has Liberation 1.x (no Vietnamese) and 2.x under the same names.
        var all = FontFolders().Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.ttf", SearchOption.AllDirectories))
            .ToLookup(path => Path.GetFileName(path), StringComparer.OrdinalIgnoreCase);

        foreach (var (name, regular, bold, italic, boldItalic) in Candidates)
        {
            string? Pick(string[] names) => names.SelectMany(n => all[n]).FirstOrDefault(CoversVietnamese);
            if (Pick(regular) is { } r && Pick(bold) is { } b && Pick(italic) is { } i && Pick(boldItalic) is { } bi)
            {
                return new DocumentFonts(name, new() { ["Regular"] = r, ["Bold"] = b, ["Italic"] = i, ["BoldItalic"] = bi });
            }
        }

        return null;
    }

    private static bool CoversVietnamese(string path)
    {
        try
        {
            return FontCoverage.Covers(File.ReadAllBytes(path), FontCoverage.Vietnamese);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    private static IEnumerable<string> FontFolders()
    {
        if (Environment.GetEnvironmentVariable("APPROVALFLOW_FONT_DIRS") is { Length: > 0 } extra)
        {
            foreach (var folder in extra.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                yield return folder;
            }
        }

        yield return Environment.GetFolderPath(Environment.SpecialFolder.Fonts);
        yield return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".fonts");
        yield return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "fonts");
        yield return "/usr/share/fonts";
        yield return "/usr/local/share/fonts";
        yield return "/Library/Fonts";
        yield return "/System/Library/Fonts";
        yield return Path.Combine(AppContext.BaseDirectory, "fonts");
    }
}
