using System.Buffers.Binary;

namespace ApprovalFlow.Documents.Pdf;

/// <summary>
/// Reads which characters a TrueType font maps to glyphs (its Unicode BMP cmap, format 4), so that a face lacking
/// Vietnamese letters (Liberation Serif 1.x, for one) is never chosen and a letter never prints without its accents.
/// </summary>
public static class FontCoverage
{
    /// <summary>Letters that only a font covering Vietnamese has: ă ơ ư đ and the precomposed letters with tones.</summary>
    public const string Vietnamese = "ăâđêôơưĂÂĐÊÔƠƯảạấầẩẫậắằẳẵặẻẽẹếềểễệỉịỏọốồổỗộớờởỡợủụứừửữựỳỵỷỹÝỲỴỶỸ";

    /// <summary>Whether the font file maps every character of <paramref name="text"/>.</summary>
    internal static bool Covers(byte[] font, string text)
    {
        var map = BmpCmap(font);
        return map is not null && text.All(c => Maps(font, map.Value, c));
    }

    private static int? BmpCmap(byte[] font)
    {
        var tables = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        for (var i = 0; i < tables; i++)
        {
            var record = 12 + (16 * i);
            if (font.AsSpan(record, 4).SequenceEqual("cmap"u8))
            {
                var cmap = (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(record + 8));
                var count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(cmap + 2));
                for (var s = 0; s < count; s++)
                {
                    var entry = cmap + 4 + (8 * s);
                    var platform = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(entry));
                    var encoding = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(entry + 2));
                    var offset = cmap + (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(entry + 4));
                    if (platform == 3 && encoding == 1 && BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(offset)) == 4)
                    {
                        return offset;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>Looks the character up in a format 4 subtable: segments of end codes, start codes, deltas and range offsets.</summary>
    private static bool Maps(byte[] font, int table, char c)
    {
        ushort Read(int at) => BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(at));
        var segments = Read(table + 6) / 2;
        var ends = table + 14;
        var starts = ends + (2 * segments) + 2;
        var deltas = starts + (2 * segments);
        var rangeOffsets = deltas + (2 * segments);
        for (var s = 0; s < segments; s++)
        {
            if (c > Read(ends + (2 * s)))
            {
                continue;
            }

            var start = Read(starts + (2 * s));
            if (c < start)
            {
                return false;
            }

            var rangeOffset = Read(rangeOffsets + (2 * s));
            if (rangeOffset == 0)
            {
                return (ushort)(c + Read(deltas + (2 * s))) != 0;
            }

            var glyph = Read(rangeOffsets + (2 * s) + rangeOffset + (2 * (c - start)));
            return glyph != 0;
        }

        return false;
    }
}
