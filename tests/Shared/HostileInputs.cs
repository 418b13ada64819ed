using System.IO.Compression;
using System.Text;

namespace Reshore.Tests.Shared;

/// <summary>
/// Inputs built to hurt a parser (issue 20): deep nesting, alias bombs and zip bombs. Shared by the test projects (linked
/// source), so the CLI, the importers and the web API are tested with the same files.
/// </summary>
public static class HostileInputs
{
    /// <summary>Flow sequences nested <paramref name="depth"/> deep: 2 bytes a level.</summary>
    public static string DeepYaml(int depth) => new string('[', depth) + new string(']', depth) + "\n";

    /// <summary>342 bytes of YAML whose aliases expand to 9^9 = 387 million strings.</summary>
    public static string BillionLaughs()
    {
        var sb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        var previous = 'a';
        foreach (var name in "bcdefghi")
        {
            sb.Append(name).Append(": &").Append(name).Append(" [").Append(string.Join(",", Enumerable.Repeat("*" + previous, 9))).Append("]\n");
            previous = name;
        }
        return sb.ToString();
    }

    /// <summary>
    /// A copy of <paramref name="workbook"/> whose part <paramref name="part"/> (a worksheet) gets rows of one inline-string
    /// cell appended until it unpacks to about <paramref name="unpackedBytes"/>. 200 MB packs to about 3 MB.
    /// </summary>
    public static byte[] ZipBomb(byte[] workbook, string part, long unpackedBytes)
    {
        using var source = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        var output = new MemoryStream();
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var from = entry.Open();
                var copy = target.CreateEntry(entry.FullName, CompressionLevel.Fastest);
                using var to = copy.Open();
                if (entry.FullName != part)
                {
                    from.CopyTo(to);
                    continue;
                }
                var xml = new StreamReader(from).ReadToEnd();
                var prefix = xml.Contains("<x:sheetData", StringComparison.Ordinal) ? "x:" : "";
                var end = xml.IndexOf($"</{prefix}sheetData>", StringComparison.Ordinal);
                if (end < 0)
                {
                    // An empty sheet: <sheetData/>.
                    var empty = xml.IndexOf($"<{prefix}sheetData/>", StringComparison.Ordinal);
                    xml = xml[..empty] + $"<{prefix}sheetData></{prefix}sheetData>" + xml[(empty + $"<{prefix}sheetData/>".Length)..];
                    end = xml.IndexOf($"</{prefix}sheetData>", StringComparison.Ordinal);
                }
                to.Write(Encoding.UTF8.GetBytes(xml[..end]));
                var row = Encoding.UTF8.GetBytes($"<{prefix}row><{prefix}c t=\"inlineStr\"><{prefix}is><{prefix}t>{new string('x', 40)}</{prefix}t></{prefix}is></{prefix}c></{prefix}row>");
                var chunk = new byte[row.Length * 10_000];
                for (var i = 0; i < 10_000; i++) row.CopyTo(chunk, i * row.Length);
                for (long written = 0; written < unpackedBytes; written += chunk.Length) to.Write(chunk);
                to.Write(Encoding.UTF8.GetBytes(xml[end..]));
            }
        }
        return output.ToArray();
    }

    /// <summary>A copy of a zip with one part's content replaced (a sheet that is not XML, say), or left out when <paramref name="content"/> is null.</summary>
    public static byte[] ReplacePart(byte[] zip, string part, byte[]? content)
    {
        using var source = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        var output = new MemoryStream();
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                if (entry.FullName == part && content is null) continue;
                using var to = target.CreateEntry(entry.FullName).Open();
                if (entry.FullName == part) to.Write(content);
                else
                {
                    using var from = entry.Open();
                    from.CopyTo(to);
                }
            }
        }
        return output.ToArray();
    }

    /// <summary>
    /// A copy of a zip whose size fields for <paramref name="part"/> (local header and central directory) claim
    /// <paramref name="claimedBytes"/> unpacked: a bomb that lies about its size.
    /// </summary>
    public static byte[] WithLyingSize(byte[] zip, string part, uint claimedBytes)
    {
        var bytes = (byte[])zip.Clone();
        var name = Encoding.UTF8.GetBytes(part);
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var signature = BitConverter.ToUInt32(bytes, i);
            var (sizeOffset, nameOffset) = signature switch
            {
                0x04034b50 => (22, 30), // local file header
                0x02014b50 => (24, 46), // central directory header
                _ => (-1, -1),
            };
            if (sizeOffset < 0 || i + nameOffset + name.Length > bytes.Length || !bytes.AsSpan(i + nameOffset, name.Length).SequenceEqual(name)) continue;
            BitConverter.GetBytes(claimedBytes).CopyTo(bytes, i + sizeOffset);
        }
        return bytes;
    }
}
