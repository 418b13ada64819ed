using System.Globalization;
using Reshore.Core.Costing;
using Reshore.Core.Domain;
using Reshore.Core.Localization;
using Reshore.Excel.Xlsx;

namespace Reshore.Excel;

/// <summary>
/// The results sheets whose totals are live Excel formulas: factors × options (cost per unit by factor, summed per
/// option) and the year-by-year business case (net cost, discount factor, present value, NPV against the status quo).
/// A user who changes a number in Excel sees the totals follow; each formula also carries the value Reshore computed.
/// </summary>
internal static class ResultsFormulas
{
    /// <summary>Row of the totals on the factors sheet, known to the chart.</summary>
    internal const int FirstFactorRow = 6;

    /// <summary>Factors as rows, options as columns (first full year, per unit); totals, per-year cost and the difference with the status quo as formulas.</summary>
    public static (int TotalRow, int OptionCount) Factors(SheetBuilder sheet, CaseEvaluation evaluation, ItemEvaluation item, CultureInfo culture)
    {
        string T(string key, string english) => Text.Get(culture, key, english);
        var options = item.Options;
        sheet.Set(1, 1, $"{evaluation.CaseName} — {item.Name ?? item.Id}", CellStyle.Title);
        sheet.Set(2, 1, Text.Format(culture, "Xl_FactorsNote", "Cost per unit in {0}, first full year, by cost factor; the totals are formulas.", evaluation.Currency.Value), CellStyle.Note);
        sheet.Set(3, 1, T("Xl_Volume", "volume"), CellStyle.Header);
        sheet.Set(3, 2, item.AnnualVolumeUnits, CellStyle.Integer);
        sheet.Set(5, 1, T("Xl_Factor", "factor"), CellStyle.Header);
        sheet.Set(5, 2, T("Xl_Category", "category"), CellStyle.Header);
        for (var k = 0; k < options.Count; k++) sheet.Set(5, 3 + k, options[k].Name ?? options[k].Id, CellStyle.Header);
        sheet.FrozenRows = 5;
        sheet.Width(1, 44);
        sheet.Width(2, 20);
        for (var k = 0; k < options.Count; k++) sheet.Width(3 + k, 18);

        // One row per factor (and label, for lines a case names itself), in the order the options first show them.
        var factors = options.SelectMany(o => o.Lines).Select(l => (l.Factor, l.Label, l.Category)).Distinct().ToList();
        var r = FirstFactorRow;
        foreach (var (factor, label, category) in factors)
        {
            sheet.Set(r, 1, label ?? FactorText.Name(factor, culture));
            sheet.Set(r, 2, FactorText.Category(category, culture));
            for (var k = 0; k < options.Count; k++)
            {
                var perUnit = options[k].Lines.Where(l => l.Factor == factor && l.Label == label).Sum(l => l.PerUnit);
                sheet.Set(r, 3 + k, perUnit, CellStyle.PerUnit);
            }
            r++;
        }
        var last = r - 1;
        var total = r;
        var statusQuo = Math.Max(0, options.ToList().FindIndex(o => o.Id == item.StatusQuoOptionId));
        sheet.Set(total, 1, T("Xl_TcoPerUnit", "TCO per unit"), CellStyle.Header);
        sheet.Set(total + 1, 1, T("Xl_TcoPerYear", "TCO per year"), CellStyle.Header);
        sheet.Set(total + 2, 1, T("Xl_VsStatusQuo", "difference per unit with the status quo"), CellStyle.Header);
        var sqCol = CellRef.Column(3 + statusQuo);
        for (var k = 0; k < options.Count; k++)
        {
            var col = CellRef.Column(3 + k);
            var sum = options[k].Lines.Sum(l => l.PerUnit);
            var sqSum = options[statusQuo].Lines.Sum(l => l.PerUnit);
            sheet.Set(total, 3 + k, new Formula(last < FirstFactorRow ? "0" : $"SUM({col}{FirstFactorRow}:{col}{last})", sum), CellStyle.PerUnit);
            sheet.Set(total + 1, 3 + k, new Formula($"{col}{total}*$B$3", sum * item.AnnualVolumeUnits), CellStyle.Number);
            sheet.Set(total + 2, 3 + k, new Formula($"{col}{total}-${sqCol}${total}", sum - sqSum), CellStyle.PerUnit);
        }
        // Charts: the total per option, and the build-up by factor (stacked), both read from the cells above.
        var lastCol = CellRef.Column(2 + options.Count);
        var categories = $"$C$5:${lastCol}$5";
        var chartRow = total + 4;
        sheet.Charts.Add(new ChartSpec(T("Xl_ChartTcoPerUnit", "TCO per unit by option"), "column", categories,
            [new ChartSeries(T("Xl_TcoPerUnit", "TCO per unit"), $"$C${total}:${lastCol}${total}")], chartRow, 1, chartRow + 18, 4, "#,##0.00"));
        if (last >= FirstFactorRow)
            sheet.Charts.Add(new ChartSpec(T("Xl_ChartByFactor", "TCO per unit by cost factor"), "stacked", categories,
                Enumerable.Range(FirstFactorRow, last - FirstFactorRow + 1).Select(r => new ChartSeries(FactorLabel(factors[r - FirstFactorRow], culture), $"$C${r}:${lastCol}${r}")).ToList(),
                chartRow, 5, chartRow + 18, 5 + Math.Max(6, options.Count * 2), "#,##0.00"));
        return (total, options.Count);
    }

    private static string FactorLabel((string Factor, string? Label, CostCategory Category) f, CultureInfo culture) => f.Label ?? FactorText.Name(f.Factor, culture);

    /// <summary>Year by year per option: cash flows as numbers, net cost, discount factor, present value and the totals as formulas.</summary>
    public static void BusinessCase(SheetBuilder sheet, CaseEvaluation evaluation, ItemEvaluation item, CultureInfo culture)
    {
        string T(string key, string english) => Text.Get(culture, key, english);
        var rate = evaluation.DiscountRatePct / 100;
        sheet.Set(1, 1, $"{evaluation.CaseName} — {item.Name ?? item.Id}", CellStyle.Title);
        sheet.Set(2, 1, T("Xl_DiscountRate", "discount rate"), CellStyle.Header);
        sheet.Set(2, 2, rate, CellStyle.Percent);
        sheet.Set(3, 1, Text.Format(culture, "Xl_YearByYearNote", "Amounts in {0}. Net cost = running + one-off − incentives − residual value; present value = net cost × (1 + rate)^−year; change a number and the totals follow.", evaluation.Currency.Value), CellStyle.Note);
        string[] headers =
        [
            T("Xl_Option", "option"), T("Xl_Year", "year"), T("Xl_CalendarYear", "calendar year"), T("Xl_RunningCost", "running cost"), T("Xl_OneOff", "one-off costs"),
            T("Xl_Incentives", "incentives"), T("Xl_Residual", "residual value"), T("Xl_NetCost", "net cost"), T("Xl_DiscountFactor", "discount factor"), T("Xl_PresentValue", "present value"),
        ];
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Set(5, c + 1, headers[c], CellStyle.Header);
            sheet.Width(c + 1, c == 0 ? 30 : 16);
        }
        sheet.FrozenRows = 5;
        var r = 6;
        var totals = new Dictionary<string, (int Row, double Pv)>(StringComparer.Ordinal);
        var netCostSeries = new List<ChartSeries>();
        var firstBlock = (First: 0, Last: 0);
        foreach (var o in item.Options)
        {
            var first = r;
            foreach (var y in o.Years)
            {
                sheet.Set(r, 1, o.Name ?? o.Id);
                sheet.Set(r, 2, (double)y.Year, CellStyle.Integer);
                sheet.Set(r, 3, (double)y.CalendarYear);
                sheet.Set(r, 4, y.RunningCost, CellStyle.Number);
                sheet.Set(r, 5, y.OneOffCosts, CellStyle.Number);
                sheet.Set(r, 6, y.Incentives, CellStyle.Number);
                sheet.Set(r, 7, y.ResidualValue, CellStyle.Number);
                sheet.Set(r, 8, new Formula($"D{r}+E{r}-F{r}-G{r}", y.NetCost), CellStyle.Number);
                sheet.Set(r, 9, new Formula($"(1+$B$2)^-B{r}", y.DiscountFactor), CellStyle.PerUnit);
                sheet.Set(r, 10, new Formula($"H{r}*I{r}", y.PresentValue), CellStyle.Number);
                r++;
            }
            netCostSeries.Add(new ChartSeries(o.Name ?? o.Id, $"$H${first}:$H${r - 1}"));
            if (firstBlock.First == 0) firstBlock = (first, r - 1);
            sheet.Set(r, 1, Text.Format(culture, "Xl_PresentCostOf", "present cost of {0}", o.Name ?? o.Id), CellStyle.Header);
            sheet.Set(r, 10, new Formula($"SUM(J{first}:J{r - 1})", o.PvCost), CellStyle.Number);
            totals[o.Id] = (r, o.PvCost);
            r += 2;
        }
        // NPV of each option against the status quo: the status quo's present cost less the option's.
        sheet.Set(r++, 1, T("Xl_NpvVsStatusQuo", "NPV of the saving against the status quo"), CellStyle.Header);
        var sq = totals[item.StatusQuoOptionId];
        foreach (var o in item.Options)
        {
            sheet.Set(r, 1, o.Name ?? o.Id);
            sheet.Set(r, 10, new Formula($"J{sq.Row}-J{totals[o.Id].Row}", o.NpvSavingVsStatusQuo), CellStyle.Number);
            r++;
        }
        if (firstBlock.First > 0)
            sheet.Charts.Add(new ChartSpec(T("Xl_ChartNetCost", "Net cost per year"), "line", $"$C${firstBlock.First}:$C${firstBlock.Last}", netCostSeries, 6, 12, 26, 22));
    }
}
