using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;

namespace Reshore.Reports.Tests;

/// <summary>
/// Just enough text extraction for tests: per page, the hex strings shown with Tj, decoded through the ToUnicode CMap of the font set
/// by the preceding Tf (SkiaSharp writes Type0/Identity-H fonts with bfchar/bfrange CMaps). Glyphs of one page are concatenated.
/// </summary>
public static partial class PdfText
{
    /// <summary>The text of each page.</summary>
    public static IReadOnlyList<string> Pages(byte[] pdf) => Extract(pdf).Split('\n')[..^1];

    public static string Extract(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        var text = new StringBuilder();
        foreach (var page in document.Pages)
        {
            Append(text, Encoding.Latin1.GetString(page.Contents.CreateSingleContent().Stream.UnfilteredValue), page.Resources, 0);
            text.Append('\n');
        }
        return text.ToString();
    }

    // The text of one content stream; "/Xn Do" draws a form XObject (SkiaSharp puts clipped and translucent drawing in them), whose text
    // is read in place with its own resources.
    private static void Append(StringBuilder text, string content, PdfDictionary? resources, int depth)
    {
        var fonts = resources?.Elements.GetDictionary("/Font");
        var maps = new Dictionary<string, Dictionary<int, string>>();
        foreach (var name in fonts?.Elements.Keys ?? [])
        {
            var font = fonts!.Elements.GetDictionary(name);
            if (font?.Elements.GetReference("/ToUnicode")?.Value is PdfDictionary { Stream: { } stream })
                maps[name] = ParseCMap(Encoding.ASCII.GetString(stream.UnfilteredValue));
        }
        var xobjects = resources?.Elements.GetDictionary("/XObject");
        Dictionary<int, string>? current = null;
        foreach (Match m in Token().Matches(content))
        {
            if (m.Groups["font"].Success) current = maps.GetValueOrDefault(m.Groups["font"].Value);
            else if (m.Groups["xobject"].Success)
            {
                if (depth < 8 && xobjects?.Elements.GetReference(m.Groups["xobject"].Value)?.Value is PdfDictionary { Stream: { } form } x
                    && x.Elements.GetName("/Subtype") == "/Form")
                    Append(text, Encoding.Latin1.GetString(form.UnfilteredValue), x.Elements.GetDictionary("/Resources") ?? resources, depth + 1);
            }
            else if (current is not null)
            {
                // <hex> Tj, or [<hex> kerning <hex> …] TJ.
                var parts = m.Groups["hex"].Success ? [m.Groups["hex"].Value] : Regex.Matches(m.Groups["array"].Value, "<([0-9A-Fa-f]*)>").Select(x => x.Groups[1].Value).ToArray();
                foreach (var hex in parts)
                    for (var i = 0; i + 4 <= hex.Length; i += 4)
                        text.Append(current.GetValueOrDefault(int.Parse(hex.AsSpan(i, 4), NumberStyles.HexNumber), "?"));
            }
        }
    }

    private static Dictionary<int, string> ParseCMap(string cmap)
    {
        var map = new Dictionary<int, string>();
        static string Utf16(string hex) => string.Concat(Enumerable.Range(0, hex.Length / 4).Select(i => (char)int.Parse(hex.AsSpan(4 * i, 4), NumberStyles.HexNumber)));
        foreach (Match block in Regex.Matches(cmap, @"beginbfchar(.*?)endbfchar", RegexOptions.Singleline))
            foreach (Match m in Regex.Matches(block.Groups[1].Value, @"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>"))
                map[int.Parse(m.Groups[1].Value, NumberStyles.HexNumber)] = Utf16(m.Groups[2].Value);
        foreach (Match block in Regex.Matches(cmap, @"beginbfrange(.*?)endbfrange", RegexOptions.Singleline))
            foreach (Match m in Regex.Matches(block.Groups[1].Value, @"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>"))
            {
                var lo = int.Parse(m.Groups[1].Value, NumberStyles.HexNumber);
                var hi = int.Parse(m.Groups[2].Value, NumberStyles.HexNumber);
                var start = int.Parse(m.Groups[3].Value, NumberStyles.HexNumber);
                for (var code = lo; code <= hi; code++) map[code] = char.ConvertFromUtf32(start + code - lo);
            }
        return map;
    }

    [GeneratedRegex(@"(?<font>/[A-Za-z0-9]+)\s+[\d.]+\s+Tf|<(?<hex>[0-9A-Fa-f]*)>\s*Tj|\[(?<array>(?:<[0-9A-Fa-f]*>|[-\d.\s])*)\]\s*TJ|(?<xobject>/[A-Za-z0-9]+)\s+Do")]
    private static partial Regex Token();
}
