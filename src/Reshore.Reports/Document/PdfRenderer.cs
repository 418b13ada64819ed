using Reshore.Reports.Charting;
using SkiaSharp;

namespace Reshore.Reports.Document;

/// <summary>
/// Renders a <see cref="ReportDocument"/> as an A4 PDF with SkiaSharp's PDF back end: text in embedded DejaVu Sans, tables that break
/// across pages with their header repeated, and charts drawn by ScottPlot straight onto the page canvas, so they stay vector graphics.
/// </summary>
public sealed class PdfRenderer : IDisposable
{
    private const float PageWidth = 595.28f;
    private const float PageHeight = 841.89f;
    private const float Margin = 50;
    private const float TopMargin = 56;
    private const float BottomMargin = 60;
    private const float ContentWidth = PageWidth - 2 * Margin;
    private const float Bottom = PageHeight - BottomMargin;

    private static readonly SKColor Ink = SKColor.Parse("#1d2733");
    private static readonly SKColor Muted = SKColor.Parse("#5b6875");
    private static readonly SKColor Accent = SKColor.Parse("#1f5f8b");
    private static readonly SKColor Rule = SKColor.Parse("#d5dbe1");
    private static readonly SKColor CalloutFill = SKColor.Parse("#eef5fb");
    private static readonly SKColor HeaderFill = SKColor.Parse("#f0f3f6");

    private readonly ReportDocument _document;
    private readonly SKDocument? _pdf;
    private readonly float _rasterScale;
    private readonly List<SKBitmap> _pages = [];
    private SKCanvas? _canvas;
    private int _page;
    private float _y;

    // Raster mode: the same drawing, page by page onto bitmaps (for page previews and screenshots of the PDF).
    private PdfRenderer(ReportDocument document, float rasterScale)
    {
        _document = document;
        _rasterScale = rasterScale;
    }

    private PdfRenderer(ReportDocument document, Stream stream)
    {
        _document = document;
        _pdf = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata
        {
            Title = document.Title,
            Subject = document.Subtitle,
            Creator = "Reshore",
            Producer = "Reshore (SkiaSharp PDF)",
            RasterDpi = 300,
        }) ?? throw new InvalidOperationException("SkiaSharp could not create a PDF document.");
    }

    /// <summary>The PDF bytes of <paramref name="document"/>.</summary>
    public static byte[] Render(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var stream = new MemoryStream();
        using (var renderer = new PdfRenderer(document, stream))
        {
            renderer.Draw();
        }
        return stream.ToArray();
    }

    /// <summary>
    /// Page <paramref name="page"/> (1-based) as a PNG, drawn by the same code as the PDF onto a bitmap of <paramref name="scale"/> pixels per
    /// point (2 ≈ 144 dpi), on white: a faithful picture of the PDF page for previews and test artefacts.
    /// </summary>
    public static byte[] RenderPagePng(ReportDocument document, int page = 1, float scale = 2)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        using var renderer = new PdfRenderer(document, scale);
        renderer.Draw();
        if (page > renderer._pages.Count) throw new ArgumentOutOfRangeException(nameof(page), page, $"The report has {renderer._pages.Count} pages.");
        using var image = SKImage.FromBitmap(renderer._pages[page - 1]);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _pdf?.Dispose();
        foreach (var bitmap in _pages) bitmap.Dispose();
    }

    private void Draw()
    {
        NewPage();
        Paragraph(_document.Title, Font(true, 20), Ink, 1.2f);
        _y += 2;
        Paragraph(_document.Subtitle, Font(false, 9), Muted, 1.35f);
        _y += 4;
        using (var paint = Fill(Accent)) _canvas!.DrawRect(Margin, _y, ContentWidth, 2, paint);
        _y += 14;
        var first = true;
        foreach (var block in _document.Blocks)
        {
            switch (block)
            {
                case HeadingBlock h: Heading(h, first); break;
                case ParagraphBlock p: StyledParagraph(p); break;
                case ListBlock l: List(l); break;
                case TableBlock t: Table(t); break;
                case ChartBlock c: Chart(c); break;
                case VerdictBlock v: Verdict(v.Card); break;
                case PageBreakBlock: NewPage(); break;
            }
            first = false;
        }
        FinishPage();
        _pdf?.Close();
    }

    private static SKFont Font(bool bold, float size) => new(bold ? ReportFonts.Bold : ReportFonts.Regular, size) { Subpixel = true };

    private static SKPaint Fill(SKColor color) => new() { Color = color, IsAntialias = true, Style = SKPaintStyle.Fill };

    private void NewPage()
    {
        FinishPage();
        if (_pdf is not null) _canvas = _pdf.BeginPage(PageWidth, PageHeight);
        else
        {
            var bitmap = new SKBitmap((int)Math.Ceiling(PageWidth * _rasterScale), (int)Math.Ceiling(PageHeight * _rasterScale));
            _pages.Add(bitmap);
            _canvas = new SKCanvas(bitmap);
            _canvas.Clear(SKColors.White);
            _canvas.Scale(_rasterScale);
        }
        _page++;
        _y = TopMargin;
    }

    private void FinishPage()
    {
        if (_canvas is null) return;
        using var font = Font(false, 7.5f);
        using var paint = Fill(Muted);
        using var rule = Fill(Rule);
        _canvas.DrawRect(Margin, PageHeight - 40, ContentWidth, 0.5f, rule);
        var title = Fit(_document.Title, font, ContentWidth - 60);
        _canvas.DrawText(title, Margin, PageHeight - 28, SKTextAlign.Left, font, paint);
        _canvas.DrawText(_page.ToString(System.Globalization.CultureInfo.InvariantCulture), PageWidth - Margin, PageHeight - 28, SKTextAlign.Right, font, paint);
        if (_pdf is not null) _pdf.EndPage();
        else _canvas.Dispose();
        _canvas = null;
    }

    private void Ensure(float height)
    {
        if (_y + height > Bottom && _y > TopMargin + 1) NewPage();
    }

    private void Heading(HeadingBlock h, bool first)
    {
        var item = h.Level == 1 && h.Anchor.StartsWith("item-", StringComparison.Ordinal);
        if (item && !first && _y > TopMargin + 1) NewPage();
        using var font = Font(true, h.Level == 1 ? 15 : 12);
        var lines = Wrap(h.Text, font, ContentWidth);
        var lineHeight = font.Size * 1.3f;
        _y += h.Level == 1 ? 10 : 8;
        Ensure(lines.Count * lineHeight + 90);
        using var paint = Fill(h.Level == 1 ? Accent : Ink);
        foreach (var line in lines)
        {
            _canvas!.DrawText(line, Margin, _y + font.Size, SKTextAlign.Left, font, paint);
            _y += lineHeight;
        }
        if (h.Level == 1)
        {
            using var rule = Fill(Rule);
            _canvas!.DrawRect(Margin, _y + 1, ContentWidth, 0.75f, rule);
            _y += 4;
        }
        _y += 4;
    }

    private void StyledParagraph(ParagraphBlock p)
    {
        switch (p.Style)
        {
            case ParagraphStyle.Callout:
            {
                using var font = Font(false, 9.5f);
                var lines = Wrap(p.Text, font, ContentWidth - 20);
                var lineHeight = font.Size * 1.4f;
                var height = lines.Count * lineHeight + 12;
                if (height < Bottom - TopMargin) Ensure(height);
                using (var fill = Fill(CalloutFill)) _canvas!.DrawRect(Margin, _y, ContentWidth, Math.Min(height, Bottom - _y), fill);
                using (var bar = Fill(Accent)) _canvas!.DrawRect(Margin, _y, 3, Math.Min(height, Bottom - _y), bar);
                _y += 6;
                using var paint = Fill(Ink);
                foreach (var line in lines)
                {
                    if (_y + lineHeight > Bottom) NewPage();
                    _canvas!.DrawText(line, Margin + 12, _y + font.Size, SKTextAlign.Left, font, paint);
                    _y += lineHeight;
                }
                _y += 12;
                break;
            }
            case ParagraphStyle.Note:
            {
                using var font = Font(false, 8);
                Paragraph(p.Text, font, Muted, 1.35f);
                _y += 5;
                break;
            }
            default:
            {
                using var font = Font(false, 9.5f);
                Paragraph(p.Text, font, Ink, 1.4f);
                _y += 6;
                break;
            }
        }
    }

    private void Paragraph(string text, SKFont font, SKColor color, float leading, float indent = 0)
    {
        using var paint = Fill(color);
        var lineHeight = font.Size * leading;
        foreach (var line in Wrap(text, font, ContentWidth - indent))
        {
            if (_y + lineHeight > Bottom) NewPage();
            _canvas!.DrawText(line, Margin + indent, _y + font.Size, SKTextAlign.Left, font, paint);
            _y += lineHeight;
        }
    }

    private void List(ListBlock l)
    {
        using var font = Font(false, 9f);
        using var paint = Fill(Ink);
        if (l.Title is not null)
        {
            using var bold = Font(true, 9f);
            Ensure(bold.Size * 3);
            Paragraph(l.Title, bold, Ink, 1.4f);
        }
        foreach (var item in l.Items)
        {
            Ensure(font.Size * 1.4f);
            _canvas!.DrawText("•", Margin + 2, _y + font.Size, SKTextAlign.Left, font, paint);
            Paragraph(item, font, Ink, 1.35f, 12);
            _y += 1;
        }
        _y += 4;
    }

    private void Table(TableBlock t)
    {
        const float padX = CellPadding, padY = 3;
        var columns = t.Header.Count;
        var (size, widths) = TableLayout(t);
        using var font = Font(false, size);
        using var bold = Font(true, size);
        var lineHeight = font.Size * 1.3f;
        List<string>[] WrapRow(IReadOnlyList<string> cells, SKFont f) =>
            Enumerable.Range(0, columns).Select(k => Wrap(k < cells.Count ? cells[k] : "", f, widths[k] - 2 * padX)).ToArray();
        float Height(List<string>[] cells) => cells.Max(c => Math.Max(1, c.Count)) * lineHeight + 2 * padY;

        var header = WrapRow(t.Header, bold);
        var headerHeight = Height(header);
        using var ink = Fill(Ink);
        using var rule = Fill(Rule);
        using var headerFill = Fill(HeaderFill);
        void DrawRow(List<string>[] cells, float height, SKFont f, SKPaint? background)
        {
            if (background is not null) _canvas!.DrawRect(Margin, _y, ContentWidth, height, background);
            var x = Margin;
            for (var k = 0; k < columns; k++)
            {
                var right = k < t.Numeric.Count && t.Numeric[k];
                for (var i = 0; i < cells[k].Count; i++)
                {
                    var baseline = _y + padY + i * lineHeight + f.Size;
                    if (right) _canvas!.DrawText(cells[k][i], x + widths[k] - padX, baseline, SKTextAlign.Right, f, ink);
                    else _canvas!.DrawText(cells[k][i], x + padX, baseline, SKTextAlign.Left, f, ink);
                }
                x += widths[k];
            }
            _y += height;
            _canvas!.DrawRect(Margin, _y - 0.5f, ContentWidth, 0.5f, rule);
        }

        var firstHeight = t.Rows.Count > 0 ? Height(WrapRow(t.Rows[0].Cells, t.Rows[0].Emphasis ? bold : font)) : 0;
        using var captionFont = Font(false, 7.5f);
        Ensure((t.Caption is null ? 0 : captionFont.Size * 1.6f) + headerHeight + firstHeight);
        _y += 2;
        if (t.Caption is not null) Paragraph(t.Caption, captionFont, Muted, 1.4f);
        DrawRow(header, headerHeight, bold, headerFill);
        foreach (var row in t.Rows)
        {
            var f = row.Emphasis ? bold : font;
            var cells = WrapRow(row.Cells, f);
            var height = Height(cells);
            if (_y + height > Bottom)
            {
                NewPage();
                DrawRow(header, headerHeight, bold, headerFill);
            }
            DrawRow(cells, height, f, null);
        }
        if (t.Legend is not null)
        {
            _y += 3;
            using var legendFont = Font(false, 7);
            Paragraph(t.Legend, legendFont, Muted, 1.35f);
        }
        _y += 12;
    }

    /// <summary>Horizontal padding of a table cell, pt.</summary>
    public const float CellPadding = 4;

    /// <summary>
    /// The font size and column widths (pt) of a table on the page. Natural width: the widest cell; minimum: the widest word (a number is
    /// one word, never broken). When the minimums do not fit at 7.5 pt the table is set smaller, down to 5.5 pt, rather than breaking
    /// words ("Gemiddelde", "1.345.560" stay whole); the natural widths are used when they fit, else every column gets its minimum and
    /// the rest is shared in proportion to what each still wants.
    /// </summary>
    public static (float FontSize, float[] Widths) TableLayout(TableBlock t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var columns = t.Header.Count;
        var size = 7.5f;
        float[] natural, minimum;
        while (true)
        {
            (natural, minimum) = Measure(t, size, CellPadding);
            if (minimum.Sum() <= ContentWidth || size <= 5.5f) break;
            size -= 0.5f;
        }
        var widths = new float[columns];
        if (natural.Sum() <= ContentWidth)
        {
            Array.Copy(natural, widths, columns);
            widths[0] += ContentWidth - natural.Sum();
        }
        else
        {
            var minSum = minimum.Sum();
            var scale = minSum > ContentWidth ? ContentWidth / minSum : 1;
            var rest = Math.Max(0, ContentWidth - minSum * scale);
            var want = natural.Select((n, k) => Math.Max(0, n - minimum[k] * scale)).ToArray();
            var wantSum = want.Sum();
            for (var k = 0; k < columns; k++) widths[k] = minimum[k] * scale + (wantSum > 0 ? rest * want[k] / wantSum : 0);
        }
        return (size, widths);
    }

    /// <summary>The width of <paramref name="text"/> in the report font at <paramref name="size"/> pt (bold or regular).</summary>
    public static float TextWidth(string text, float size, bool bold)
    {
        using var font = Font(bold, size);
        return font.MeasureText(text);
    }

    private static (float[] Natural, float[] Minimum) Measure(TableBlock t, float size, float padX)
    {
        using var font = Font(false, size);
        using var bold = Font(true, size);
        var columns = t.Header.Count;
        var natural = new float[columns];
        var minimum = new float[columns];
        void Cell(string text, SKFont f, int k)
        {
            foreach (var part in text.Split('\n'))
            {
                natural[k] = Math.Max(natural[k], f.MeasureText(part) + 2 * padX);
                foreach (var word in part.Split(' ')) minimum[k] = Math.Max(minimum[k], Math.Min(f.MeasureText(word) + 2 * padX, ContentWidth / columns * 1.5f));
            }
        }
        foreach (var row in t.Rows)
            for (var k = 0; k < Math.Min(columns, row.Cells.Count); k++) Cell(row.Cells[k], row.Emphasis ? bold : font, k);
        for (var k = 0; k < columns; k++)
            if (k < t.Numeric.Count && t.Numeric[k]) minimum[k] = natural[k];
        for (var k = 0; k < columns; k++) Cell(t.Header[k], bold, k);
        return (natural, minimum);
    }

    private void Verdict(Tables.VerdictCard card)
    {
        using var title = Font(true, 14);
        using var strong = Font(true, 10.5f);
        using var body = Font(false, 8f);
        using var small = Font(false, 7.5f);
        using var figure = Font(true, 12);
        const float pad = 10;
        var inner = ContentWidth - 2 * pad;
        var titleLines = Wrap(card.Heading + ": " + card.Verdict, title, inner);
        var reasonLines = card.ConfidenceReasons.Select(r => Wrap(r, body, inner - 10)).ToList();
        var basisLines = Wrap(card.Basis, body, inner);
        var figureWidth = card.Figures.Count == 0 ? inner : inner / card.Figures.Count;
        var figureLabels = card.Figures.Select(f => Wrap(f.Label, small, figureWidth - 8)).ToList();
        var labelRows = figureLabels.Count == 0 ? 0 : figureLabels.Max(l => l.Count);
        var height = pad + titleLines.Count * title.Size * 1.25f + 4 + strong.Size * 1.4f + reasonLines.Sum(l => l.Count) * body.Size * 1.35f + 4
            + basisLines.Count * body.Size * 1.35f + (card.Figures.Count == 0 ? 0 : 8 + labelRows * small.Size * 1.3f + figure.Size * 1.4f) + pad;
        Ensure(height);
        var color = card.ConfidenceCode switch { "robust" => SKColor.Parse("#27864a"), "fragile" => SKColor.Parse("#c0392b"), _ => SKColor.Parse("#a66300") };
        using (var fill = Fill(CalloutFill)) _canvas!.DrawRect(Margin, _y, ContentWidth, height, fill);
        using (var bar = Fill(color)) _canvas!.DrawRect(Margin, _y, 4, height, bar);
        var x = Margin + pad;
        var y = _y + pad;
        using var ink = Fill(Ink);
        using var muted = Fill(Muted);
        using var tone = Fill(color);
        foreach (var line in titleLines) { _canvas!.DrawText(line, x, y + title.Size, SKTextAlign.Left, title, ink); y += title.Size * 1.25f; }
        y += 4;
        _canvas!.DrawText(card.Confidence, x, y + strong.Size, SKTextAlign.Left, strong, tone);
        y += strong.Size * 1.4f;
        foreach (var lines in reasonLines)
        {
            _canvas!.DrawText("•", x + 1, y + body.Size, SKTextAlign.Left, body, tone);
            foreach (var line in lines) { _canvas!.DrawText(line, x + 10, y + body.Size, SKTextAlign.Left, body, ink); y += body.Size * 1.35f; }
        }
        y += 4;
        foreach (var line in basisLines) { _canvas!.DrawText(line, x, y + body.Size, SKTextAlign.Left, body, muted); y += body.Size * 1.35f; }
        if (card.Figures.Count > 0)
        {
            y += 8;
            for (var i = 0; i < card.Figures.Count; i++)
            {
                var fx = x + i * figureWidth;
                var fy = y;
                foreach (var line in figureLabels[i]) { _canvas!.DrawText(line, fx, fy + small.Size, SKTextAlign.Left, small, muted); fy += small.Size * 1.3f; }
                _canvas!.DrawText(Fit(card.Figures[i].Value, figure, figureWidth - 8), fx, y + labelRows * small.Size * 1.3f + figure.Size, SKTextAlign.Left, figure, ink);
            }
        }
        _y += height + 10;
    }

    private void Chart(ChartBlock c)
    {
        const int logicalWidth = Charts.DefaultWidth;
        var logicalHeight = c.Height;
        var scale = ContentWidth / logicalWidth;
        var height = logicalHeight * scale;
        using var captionFont = Font(false, 8);
        var captionLines = c.Caption is null ? 0 : Wrap(c.Caption, captionFont, ContentWidth).Count;
        Ensure(height + captionLines * captionFont.Size * 1.35f + 8);
        var canvas = _canvas!;
        canvas.Save();
        canvas.Translate(Margin, _y);
        canvas.Scale(scale);
        canvas.ClipRect(new SKRect(0, 0, logicalWidth, logicalHeight));
        c.Chart.Plot.Render(canvas, logicalWidth, logicalHeight);
        canvas.Restore();
        _y += height + 4;
        if (c.Caption is not null) Paragraph(c.Caption, captionFont, Muted, 1.35f);
        _y += 10;
    }

    /// <summary>Breaks <paramref name="text"/> into lines no wider than <paramref name="width"/>: at newlines, at spaces, and inside words that are too long alone.</summary>
    private static List<string> Wrap(string text, SKFont font, float width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var current = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (font.MeasureText(candidate) <= width)
                {
                    current = candidate;
                    continue;
                }
                if (current.Length > 0) lines.Add(current);
                current = word;
                while (font.MeasureText(current) > width && current.Length > 1)
                {
                    var n = current.Length - 1;
                    while (n > 1 && font.MeasureText(current[..n]) > width) n--;
                    lines.Add(current[..n]);
                    current = current[n..];
                }
            }
            lines.Add(current);
        }
        return lines;
    }

    private static string Fit(string text, SKFont font, float width)
    {
        if (font.MeasureText(text) <= width) return text;
        var n = text.Length;
        while (n > 1 && font.MeasureText(text[..n] + "…") > width) n--;
        return text[..n] + "…";
    }
}
