using System.Globalization;
using Reshore.Core.Decision;

namespace Reshore.Core.Localization;

/// <summary>A version comparison in words, for the CLI and plain-text outputs.</summary>
public static class ComparisonText
{
    /// <summary>The comparison as lines: inputs changed, then each option's TCO, present cost and NPV moves, then the verdicts.</summary>
    public static IReadOnlyList<string> Lines(VersionComparison c, CultureInfo culture)
    {
        var lines = new List<string>();
        if (c.IsEmpty)
        {
            lines.Add(Text.Get(culture, "Cmp_NoChange", "No input and no result changed."));
            return lines;
        }
        lines.Add(Text.Format(culture, "Cmp_InputsChanged", "Inputs changed: {0}", c.Inputs.Count));
        foreach (var i in c.Inputs)
            lines.Add($"  {i.Path}: {i.Before ?? "—"} → {i.After ?? "—"}");
        if (c.Options.Count > 0)
        {
            lines.Add(Text.Get(culture, "Cmp_Options", "Options (TCO per unit; present cost; NPV of the saving against the status quo):"));
            foreach (var o in c.Options)
                lines.Add($"  {o.ItemId}/{o.OptionId}: {Move(o.Before?.TcoPerUnit, o.After?.TcoPerUnit, "N4", culture)}; {Move(o.Before?.PvCost, o.After?.PvCost, "N0", culture)}; {Move(o.Before?.NpvSavingVsStatusQuo, o.After?.NpvSavingVsStatusQuo, "N0", culture)}");
        }
        foreach (var v in c.Verdicts)
            lines.Add(v.Changed
                ? Text.Format(culture, "Cmp_VerdictChanged", "Verdict for {0}: {1} → {2}", v.ItemId, v.Before ?? "—", v.After ?? "—")
                : Text.Format(culture, "Cmp_VerdictSame", "Verdict for {0} unchanged: {1}", v.ItemId, v.After ?? "—"));
        return lines;
    }

    /// <summary>"1.23 → 1.10 (−0.13)", or one side with a dash.</summary>
    public static string Move(double? before, double? after, string format, CultureInfo culture)
    {
        string F(double? v) => v is { } x ? x.ToString(format, culture) : "—";
        var delta = before is { } b && after is { } a ? $" ({(a - b >= 0 ? "+" : "−")}{Math.Abs(a - b).ToString(format, culture)})" : "";
        return $"{F(before)} → {F(after)}{delta}";
    }
}
