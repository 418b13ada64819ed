using System.Globalization;
using Reshore.Core.Costing;
using Reshore.Core.Localization;
using Reshore.Core.Optimization;
using Reshore.Core.Risk;
using Reshore.Excel.Xlsx;
using Reshore.Reports.Tables;

namespace Reshore.Excel;

/// <summary>
/// The results of a case as a workbook for further analysis in Excel: a comparison sheet per item, every cost line by
/// year with its formula and inputs, cost per year over the horizon, the business case (NPV, IRR, payback) and, when
/// given, the simulation and optimisation results. Numbers are numeric cells with number formats.
/// </summary>
public static class ResultsWorkbook
{
    /// <summary>Writes the results workbook.</summary>
    public static byte[] Export(CaseEvaluation evaluation, CultureInfo culture, SimulationResult? simulation = null, IReadOnlyList<ItemOptimization>? optimizations = null)
    {
        string T(string key, string english) => Text.Get(culture, key, english);
        var xlsx = new XlsxWriter();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in evaluation.Items)
        {
            var sheet = xlsx.Add(SheetName($"{T("Xl_Compare", "Compare")} {item.Id}", names));
            sheet.Set(1, 1, $"{evaluation.CaseName} — {item.Name ?? item.Id}", CellStyle.Title);
            sheet.Set(2, 1, $"{T("Xl_Currency", "Currency")}: {evaluation.Currency.Value}; {T("Xl_Horizon", "horizon")}: {evaluation.HorizonYears}; {T("Xl_DiscountRate", "discount rate")}: {evaluation.DiscountRatePct.ToString(culture)}%", CellStyle.Note);
            var row = 4;
            if (VerdictCard.For(item, culture) is { } card)
            {
                sheet.Set(row++, 1, $"{card.Heading}: {card.Verdict}", CellStyle.Title);
                sheet.Set(row++, 1, card.Confidence, CellStyle.Header);
                foreach (var r in card.ConfidenceReasons) sheet.Set(row++, 1, r, CellStyle.Note);
                sheet.Set(row++, 1, card.Basis, CellStyle.Note);
                foreach (var (label, value) in card.Figures) { sheet.Set(row, 1, label); sheet.Set(row++, 2, value); }
                row = Write(sheet, row + 1, card.Flips);
                row = Write(sheet, row, card.Views);
                foreach (var r in card.Reconciliation) sheet.Set(row++, 1, r, CellStyle.Note);
                row++;
            }
            row = Write(sheet, row, ResultTables.Comparison(evaluation, item, culture));
            sheet.Set(row, 1, item.Explanation, CellStyle.Wrap);
            if (item.Scorecard is { } sc) Write(sheet, row + 2, ResultTables.Scorecard(item, sc, culture));
            for (var k = 1; k <= item.Options.Count + 3; k++) sheet.Width(k, k == 1 ? 44 : 22);
        }

        foreach (var item in evaluation.Items)
        {
            ResultsFormulas.Factors(xlsx.Add(SheetName($"{T("Xl_FactorsSheet", "Factors")} {item.Id}", names)), evaluation, item, culture);
            ResultsFormulas.BusinessCase(xlsx.Add(SheetName($"{T("Xl_YearByYear", "Year by year")} {item.Id}", names)), evaluation, item, culture);
        }

        var lines = xlsx.Add(SheetName(T("Xl_CostLines", "Cost lines"), names));
        Table(lines, 1,
        [
            T("Xl_Item", "item"), T("Xl_Option", "option"), T("Xl_Year", "year"), T("Xl_CalendarYear", "calendar year"), T("Xl_Factor", "factor"), T("Xl_Category", "category"),
            T("Xl_Kind", "kind"), T("Xl_PerUnit", "per unit"), T("Xl_PerYear", "per year"), T("Xl_Formula", "formula"), T("Xl_Inputs", "inputs"), T("Xl_Source", "source"), T("Xl_Status", "status"),
        ],
            from item in evaluation.Items
            from o in item.Options
            from y in o.YearResults
            from l in y.Lines
            select new object?[]
            {
                item.Id, o.Id, y.Year, y.CalendarYear, l.Label ?? FactorText.Name(l.Factor, culture), FactorText.Category(l.Category, culture), FactorText.Kind(l.Kind, culture),
                Num(l.PerUnit, CellStyle.PerUnit), Num(l.PerYear), l.Formula,
                string.Join("; ", l.Inputs.Select(i => $"{i.Name} = {i.Value.ToString("G6", culture)} {i.Unit}".TrimEnd())),
                string.Join("; ", l.Inputs.Select(i => i.Source).Where(s => !string.IsNullOrEmpty(s)).Distinct()), FactorText.Status(l.Status, culture),
            });

        var horizon = xlsx.Add(SheetName(T("Xl_HorizonSheet", "Horizon"), names));
        var years = evaluation.Items.SelectMany(i => i.Options).SelectMany(o => o.Years).Select(y => (y.Year, y.CalendarYear)).Distinct().OrderBy(y => y.Year).ToList();
        Table(horizon, 1,
            [T("Xl_Item", "item"), T("Xl_Option", "option"), .. years.Select(y => y.CalendarYear.ToString(CultureInfo.InvariantCulture))],
            from item in evaluation.Items
            from o in item.Options
            select new object?[] { item.Id, o.Id }.Concat(years.Select(y => (object?)Num(o.Years.FirstOrDefault(b => b.Year == y.Year)?.NetCost))).ToArray());
        horizon.Set(3 + evaluation.Items.Sum(i => i.Options.Count), 1, T("Xl_HorizonNote", "Net cost per year: running cost plus one-off costs less incentives and residual value (year 0 is the investment moment)."), CellStyle.Note);

        var business = xlsx.Add(SheetName(T("Xl_BusinessCase", "Business case"), names));
        Table(business, 1,
        [
            T("Xl_Item", "item"), T("Xl_Option", "option"), T("Xl_Year", "year"), T("Xl_CalendarYear", "calendar year"), T("Xl_Volume", "volume"), T("Xl_TcoPerUnit", "TCO per unit"),
            T("Xl_RunningCost", "running cost"), T("Xl_OneOff", "one-off costs"), T("Xl_Incentives", "incentives"), T("Xl_Residual", "residual value"), T("Xl_NetCost", "net cost"),
            T("Xl_DiscountFactor", "discount factor"), T("Xl_PresentValue", "present value"), T("Xl_Saving", "saving vs status quo"), T("Xl_CumulativeSaving", "cumulative saving"),
        ],
            from item in evaluation.Items
            from o in item.Options
            from y in o.Years
            select new object?[]
            {
                item.Id, o.Id, y.Year, y.CalendarYear, Num(y.Volume, CellStyle.Integer), Num(y.TcoPerUnit, CellStyle.PerUnit), Num(y.RunningCost), Num(y.OneOffCosts), Num(y.Incentives),
                Num(y.ResidualValue), Num(y.NetCost), Num(y.DiscountFactor, CellStyle.PerUnit), Num(y.PresentValue), Num(y.SavingVsStatusQuo), Num(y.CumulativeSavingVsStatusQuo),
            });

        if (simulation is not null)
        {
            var sim = xlsx.Add(SheetName(T("Xl_Simulation", "Simulation"), names));
            sim.Set(1, 1, $"{T("Xl_Scenarios", "Scenarios")}: {simulation.Scenarios}; {T("Xl_Seed", "seed")}: {simulation.Seed}", CellStyle.Note);
            Table(sim, 2,
            [
                T("Xl_Item", "item"), T("Xl_Strategy", "strategy"), T("Xl_Name", "name"), T("Xl_Shares", "shares"), T("Xl_BufferWeeks", "buffer weeks"), T("Xl_Mean", "mean annual cost"),
                T("Xl_StdError", "standard error"), "P5", "P50", "P95", "CVaR95", T("Xl_Deterministic", "deterministic annual cost"), T("Xl_FillRate", "fill rate"),
                T("Xl_LostUnits", "lost units per year"), T("Xl_EmergencyUnits", "emergency units per year"), T("Xl_ProbCheapest", "probability cheapest"),
                T("Xl_Cvar95StdError", "CVaR95 standard error"), T("Xl_SingleYearCvar95", "CVaR95 of one year"), T("Xl_ProbCheapestStdError", "probability cheapest, standard error"),
                T("Xl_DiscountRate", "discount rate"),
            ],
                from item in simulation.Items
                from s in item.Strategies
                select new object?[]
                {
                    item.ItemId, s.Id, s.Name, string.Join("; ", s.Shares.Select(kv => $"{kv.Key}: {kv.Value.ToString("0.##", CultureInfo.InvariantCulture)}")), Num(s.BufferWeeks),
                    Num(s.AnnualCost.Mean), Num(s.AnnualCost.StdError), Num(s.AnnualCost.P5), Num(s.AnnualCost.P50), Num(s.AnnualCost.P95), Num(s.AnnualCost.Cvar95),
                    Num(s.DeterministicAnnualCost), Num(s.FillRate, CellStyle.Percent), Num(s.ExpectedLostUnitsPerYear), Num(s.ExpectedEmergencyUnitsPerYear), Num(s.ProbabilityCheapest, CellStyle.Percent),
                    Num(s.AnnualCost.Cvar95StdError), Num(s.SingleYearCvar95), Num(s.ProbabilityCheapestStdError, CellStyle.Percent), Num(item.DiscountRate, CellStyle.Percent),
                });
        }

        if (optimizations is { Count: > 0 })
        {
            var opt = xlsx.Add(SheetName(T("Xl_Optimisation", "Optimisation"), names));
            Table(opt, 1,
            [
                T("Xl_Item", "item"), T("Xl_Status", "status"), T("Xl_RiskAversion", "risk aversion"), T("Xl_Shares", "shares"), T("Xl_BufferWeeks", "buffer weeks"),
                T("Xl_ExpectedCost", "expected annual cost"), "CVaR", T("Xl_FillRate", "fill rate"), T("Xl_Explanation", "explanation"),
                T("Xl_RelativeGap", "proven relative gap"), T("Xl_SolveMethod", "solution method"),
            ],
                optimizations.Select(o => new object?[]
                {
                    o.ItemId, o.Status, Num(o.RiskAversion),
                    o.Optimum is null ? null : string.Join("; ", o.OptionIds.Select((id, i) => $"{id}: {o.Optimum.Shares[i].ToString("0.###", CultureInfo.InvariantCulture)}")),
                    Num(o.Optimum?.BufferWeeks), Num(o.Optimum?.ExpectedCost), Num(o.Optimum?.Cvar), Num(o.Optimum?.FillRate, CellStyle.Percent), o.Explanation,
                    Num(o.Optimum?.RelativeGap), o.Optimum?.Method,
                }));
        }
        return xlsx.ToBytes();
    }

    private sealed record NumberCell(double Value, CellStyle Style);

    private static NumberCell? Num(double? value, CellStyle style = CellStyle.Number) =>
        value is { } v && double.IsFinite(v) ? new NumberCell(v, style) : null;

    private static void Table(SheetBuilder sheet, int headerRow, IReadOnlyList<string> headers, IEnumerable<object?[]> rows)
    {
        for (var c = 0; c < headers.Count; c++)
        {
            sheet.Set(headerRow, c + 1, headers[c], CellStyle.Header);
            sheet.Width(c + 1, Math.Clamp(headers[c].Length + 4, 12, 30));
        }
        sheet.FrozenRows = headerRow;
        var r = headerRow + 1;
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                switch (row[c])
                {
                    case NumberCell n: sheet.Set(r, c + 1, n.Value, n.Style); break;
                    case int i: sheet.Set(r, c + 1, (double)i); break;
                    case var v: sheet.Set(r, c + 1, v); break;
                }
            }
            r++;
        }
    }

    /// <summary>Excel sheet names: at most 31 characters, none of []:*?/\, unique.</summary>
    internal static string SheetName(string name, HashSet<string> used)
    {
        var clean = new string(name.Select(ch => "[]:*?/\\".Contains(ch) ? '_' : ch).ToArray());
        if (clean.Length > 31) clean = clean[..31];
        var candidate = clean;
        for (var i = 2; !used.Add(candidate); i++) candidate = $"{clean[..Math.Min(clean.Length, 28)]} {i}";
        return candidate;
    }

    /// <summary>Writes a shared results table (title, header, rows with numbers as numbers, legend) from <paramref name="row"/>; returns the next free row.</summary>
    private static int Write(SheetBuilder sheet, int row, ResultTable t)
    {
        sheet.Set(row++, 1, t.Title, CellStyle.Header);
        for (var k = 0; k < t.Columns.Count; k++) sheet.Set(row, k + 1, t.Columns[k].Header, CellStyle.Header);
        row++;
        foreach (var r in t.Rows)
        {
            for (var k = 0; k < r.Cells.Count; k++)
            {
                var cell = r.Cells[k];
                if (cell.Number is { } v && double.IsFinite(v)) sheet.Set(row, k + 1, v, StyleOf(cell.Format));
                else sheet.Set(row, k + 1, cell.Text);
            }
            row++;
        }
        if (t.Legend is not null) sheet.Set(row++, 1, t.Legend, CellStyle.Note);
        return row + 1;
    }

    /// <summary>The cell style that shows a number as its .NET format does in the other outputs.</summary>
    private static CellStyle StyleOf(string? format) => format switch
    {
        "N0" => CellStyle.Integer,
        "N3" => CellStyle.Decimals3,
        "N4" => CellStyle.PerUnit,
        "P0" => CellStyle.PercentWhole,
        "P1" => CellStyle.Percent,
        "0.0" => CellStyle.OneDecimal,
        "0.00" or "N2" => CellStyle.TwoDecimals,
        _ => CellStyle.Number,
    };
}
