namespace ApprovalFlow.Documents.Pdf;

/// <summary>A4 portrait and the margins of Nghị định 30 (Phụ lục I, 1.1), in points.</summary>
internal static class PageGeometry
{
    public const double PointsPerMillimetre = 72 / 25.4;
    public const double Width = 210 * PointsPerMillimetre;
    public const double Height = 297 * PointsPerMillimetre;

    /// <summary>Top and bottom 20 mm (the decree allows 20–25), left 30 mm (30–35), right 15 mm (15–20).</summary>
    public const double Top = 20 * PointsPerMillimetre;
    public const double Bottom = 20 * PointsPerMillimetre;
    public const double Left = 30 * PointsPerMillimetre;
    public const double Right = 15 * PointsPerMillimetre;

    public const double TextWidth = Width - Left - Right;
    public const double TextBottom = Height - Bottom;

    /// <summary>Page numbers: 13 pt, centred in the top margin.</summary>
    public const double PageNumberSize = 13;
    public const double PageNumberBaseline = Top * 0.65;

    /// <summary>Line pitch of body text as a multiple of the size: between single (1.15) and 1.5 lines, as the decree allows.</summary>
    public const double BodyLineSpacing = 1.3;

    /// <summary>Line pitch inside tables and the header: single.</summary>
    public const double TightLineSpacing = 1.15;

    /// <summary>The space left for the signature image between the signer's title and name (ô 7c).</summary>
    public const double SignatureSpace = 25 * PointsPerMillimetre;

    /// <summary>Share of the text width taken by the header's left column (agency, number, subject).</summary>
    public const double HeaderLeftShare = 0.4;
}
