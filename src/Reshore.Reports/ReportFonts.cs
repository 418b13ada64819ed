using ScottPlot;
using SkiaSharp;

namespace Reshore.Reports;

/// <summary>
/// DejaVu Sans, regular and bold, embedded in this assembly (Bitstream Vera licence, Fonts/LICENSE-DejaVu.txt), so charts and PDFs
/// render with the same metrics on every machine, with or without system fonts.
/// </summary>
public static class ReportFonts
{
    /// <summary>Font family name used by every chart.</summary>
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<SKTypeface> LazyRegular = new(() => Load("DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> LazyBold = new(() => Load("DejaVuSans-Bold.ttf"));
    private static readonly Lazy<bool> Registration = new(() =>
    {
        Fonts.FontResolvers.Insert(0, new EmbeddedResolver());
        return true;
    });

    /// <summary>Regular weight.</summary>
    public static SKTypeface Regular => LazyRegular.Value;

    /// <summary>Bold weight.</summary>
    public static SKTypeface Bold => LazyBold.Value;

    /// <summary>Makes the embedded family known to ScottPlot (once per process; thread-safe).</summary>
    public static void EnsureRegistered() => _ = Registration.Value;

    private static SKTypeface Load(string file)
    {
        var name = "Reshore.Reports.Fonts." + file;
        using var stream = typeof(ReportFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded font '{name}' is missing from {typeof(ReportFonts).Assembly.GetName().Name}.");
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException($"Embedded font '{name}' cannot be read.");
    }

    private sealed class EmbeddedResolver : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            string.Equals(fontName, Family, StringComparison.OrdinalIgnoreCase) ? (bold ? Bold : Regular) : null;

        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);
    }
}
