namespace ApprovalFlow.Documents.Layout;

/// <summary>Quốc hiệu and Tiêu ngữ (ô 1), as the decree writes them.</summary>
public static class NationalTitle
{
    public const string Name = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";

    public const string Motto = "Độc lập - Tự do - Hạnh phúc";
}
