namespace ApprovalFlow.Documents.Layout;

/// <summary>
/// An administrative document laid out per Nghị định 30/2020/NĐ-CP, independent of the file format: the PDF and the
/// DOCX writers both consume it, so the three kinds of letter are each described once.
/// </summary>
/// <param name="Title">The file's title (document metadata), e.g. "Công văn – Ban Dân tộc".</param>
/// <param name="Head">The two-column header: issuing agency and number on the left, national title and date on the right.</param>
/// <param name="Body">The content from "Kính gửi" (or the document type's title) to the last paragraph.</param>
/// <param name="Signature">"Nơi nhận" and the signature block.</param>
/// <param name="Annexes">Appendices (phụ lục), each starting on a new page after the signature.</param>
public sealed record OfficialDocument(
    string Title, LetterHead Head, IReadOnlyList<Block> Body, SignatureBlock Signature, IReadOnlyList<Annex> Annexes);

/// <summary>The header (ô 1–5 of the decree).</summary>
/// <param name="ParentName">Tên cơ quan chủ quản, upright, not bold; null for the province itself.</param>
/// <param name="AgencyName">Tên cơ quan ban hành, bold, with a short rule underneath.</param>
/// <param name="Number">"Số: 05/BDT-VP", or "Số:" followed by blanks while no number is issued.</param>
/// <param name="PlaceAndDate">"Quảng Ngãi, ngày 14 tháng 02 năm 2022", italic.</param>
/// <param name="Subject">For a công văn, the trích yếu under the number ("V/v …"); null for documents with a type title.</param>
public sealed record LetterHead(string? ParentName, string AgencyName, string Number, string PlaceAndDate, string? Subject);

/// <summary>The closing (ô 7 and 9b): recipients on the left, the signer on the right with room for the signature image.</summary>
/// <param name="Recipients">"Nơi nhận" lines without the leading dash or the trailing punctuation.</param>
/// <param name="Authority">The authority prefix line, e.g. "TM. ỦY BAN NHÂN DÂN"; null when the head signs in person.</param>
/// <param name="SignerTitle">Chức vụ, e.g. "TRƯỞNG BAN".</param>
/// <param name="SignerName">Họ tên; blank until known.</param>
public sealed record SignatureBlock(IReadOnlyList<string> Recipients, string? Authority, string SignerTitle, string SignerName);

/// <summary>A phụ lục: its heading lines (centred) and its content.</summary>
/// <param name="Heading">"Phụ lục", the title in capitals, the italic reference line.</param>
/// <param name="Content">The annex's tables and paragraphs.</param>
public sealed record Annex(IReadOnlyList<Paragraph> Heading, IReadOnlyList<Block> Content);
