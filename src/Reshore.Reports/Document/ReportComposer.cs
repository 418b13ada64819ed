using System.Globalization;
using Reshore.Core.Costing;
using Reshore.Core.Localization;
using Reshore.Core.Optimization;
using Reshore.Core.Risk;
using Reshore.Core.Scorecard;
using Reshore.Reports.Charting;

namespace Reshore.Reports.Document;

/// <summary>
/// Puts the business case together: summary, then per item the recommendation, option comparison, charts, CO2e, risk, sensitivity,
/// optimisation and scorecard, then assumptions with their sources and a note on the method.
/// </summary>
public static class ReportComposer
{
    /// <summary>Section anchors, in order (items add "item-{id}").</summary>
    public static IReadOnlyList<string> SectionAnchors { get; } = ["summary", "assumptions", "method"];

    /// <summary>The report's content in <paramref name="culture"/>.</summary>
    public static ReportDocument Compose(ReportInput input, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(input);
        var c = culture;
        string T(string key, string en) => Text.Get(c, key, en);
        string F(string key, string en, params object?[] args) => Text.Format(c, key, en, args);
        var e = input.Evaluation;
        var cur = e.Currency.ToString();
        string Money(double v) => v.ToString("N0", c);
        var blocks = new List<ReportBlock>();

        var subtitle = string.Join(" · ", new[]
        {
            e.Company,
            F("Report_Home", "home country {0}", e.HomeCountry),
            F("Report_Horizon", "{0} years from {1}, discount rate {2}%", e.HorizonYears, e.BaseYear, e.DiscountRatePct.ToString("0.##", c)),
            F("Report_ReferenceData", "reference data {0} of {1}", e.ReferenceDataVersion, e.ReferenceDataAsOf.ToString("d", c)),
            input.SourceFileName is null ? null : F("Report_SourceFile", "case file {0}", input.SourceFileName),
        }.Where(s => !string.IsNullOrWhiteSpace(s)));

        // Page 1: the decision, for a reader with one minute.
        blocks.Add(new HeadingBlock(1, T("Report_Decision", "Decision"), "decision"));
        foreach (var item in e.Items)
            ComposeExecutive(input, item, c, blocks, e.Items.Count > 1);
        blocks.Add(new PageBreakBlock());

        // Summary.
        blocks.Add(new HeadingBlock(1, T("Report_Summary", "Summary and recommendation"), "summary"));
        if (!string.IsNullOrWhiteSpace(input.Case.Description)) blocks.Add(new ParagraphBlock(input.Case.Description!));
        blocks.Add(new TableBlock(
            [T("Report_Item", "Item"), T("Report_StatusQuo", "Status quo"), T("Report_Recommended", "Recommended"), F("Report_NpvSaving", "PV saving ({0})", cur),
             T("Report_Payback", "Payback (years)"), T("Report_Co2eChange", "CO2e per unit vs status quo")],
            e.Items.Select(item =>
            {
                var sq = item.Options.Single(o => o.Id == item.StatusQuoOptionId);
                var rec = item.Options.Single(o => o.Id == item.RecommendedOptionId);
                var same = rec.Id == sq.Id;
                return new TableRow([item.Name ?? item.Id, sq.Name ?? sq.Id, rec.Name ?? rec.Id, same ? "—" : Money(rec.NpvSavingVsStatusQuo),
                    same ? "—" : rec.PaybackYears?.ToString("0.0", c) ?? T("Report_Never", "never"),
                    same ? "—" : Change(rec.Co2eKgPerUnit, sq.Co2eKgPerUnit, c)]);
            }).ToList(),
            [false, false, false, true, true, true]));
        if (e.Items.Count > 1)
            foreach (var item in e.Items)
                blocks.Add(new ParagraphBlock((item.Name ?? item.Id) + ": " + item.Explanation, ParagraphStyle.Callout));

        foreach (var item in e.Items)
            ComposeItem(input, item, c, blocks);

        ComposeAssumptions(input, c, blocks);

        // Method.
        blocks.Add(new HeadingBlock(1, T("Report_Method", "Method"), "method"));
        blocks.Add(new ParagraphBlock(T("Report_MethodTco",
            "Total cost of ownership (TCO) adds, per option and year, every cost factor of the model: production, logistics, trade and customs, carbon, inventory and finance, quality, management, risk and strategic factors. Each line has its formula and inputs; inputs not in the case come from the reference data, with their source and year (see Assumptions).")));
        blocks.Add(new ParagraphBlock(F("Report_MethodPv",
            "The business case discounts each year's net cost (running cost, plus one-off transition costs, less incentives and the residual value of new assets at the end) at {0}% over {1} years. The recommendation is the option with the lowest present cost; the saving is the status quo's present cost minus the option's.",
            e.DiscountRatePct.ToString("0.##", c), e.HorizonYears)));
        blocks.Add(new ParagraphBlock(T("Report_MethodWaterfall",
            "The waterfall starts from the status quo's present cost, adds per cost category the difference in present value between the option and the status quo, then the one-off costs and incentives, and ends at the option's present cost. Depreciation is left out because new equipment enters as a one-off cost.")));
        if (input.Simulation is not null)
            blocks.Add(new ParagraphBlock(T("Report_MethodRisk",
                "The risk simulation draws the uncertain inputs, demand and disruption events per scenario, simulates supply week by week and records each strategy's annual cost. CVaR 95 is the mean of the worst 5% of scenarios. Results are reproducible from the number of scenarios and the seed.")));
        if (input.Sensitivity.Count > 0)
            blocks.Add(new ParagraphBlock(T("Report_MethodTornado",
                "The tornado moves one uncertain input at a time from its 10th to its 90th percentile, the others at their means, and shows how the present-value saving against the status quo changes.")));
        if (input.Optimization.Count > 0)
            blocks.Add(new ParagraphBlock(T("Report_MethodOptimiser",
                "The optimiser chooses shares of the options and a buffer stock that minimise expected annual cost plus λ × CVaR over sampled scenarios (a stochastic mixed-integer program solved with Google OR-Tools); the frontier repeats this for a range of λ.")));
        blocks.Add(new ParagraphBlock(T("Report_MethodTool", "Produced with Reshore, open-source software for reshoring and nearshoring decisions. Figures are estimates from the inputs shown; they are not a forecast."), ParagraphStyle.Note));

        return new ReportDocument(e.CaseName, subtitle, c.Name, blocks);
    }

    private static void ComposeItem(ReportInput input, ItemEvaluation item, CultureInfo c, List<ReportBlock> blocks)
    {
        string T(string key, string en) => Text.Get(c, key, en);
        string F(string key, string en, params object?[] args) => Text.Format(c, key, en, args);
        var e = input.Evaluation;
        var cur = e.Currency.ToString();
        string Money(double v) => v.ToString("N0", c);
        var anchor = "item-" + item.Id;
        blocks.Add(new HeadingBlock(1, item.Name ?? item.Id, anchor));
        if (Tables.VerdictCard.For(item, c) is { } card)
        {
            blocks.Add(new HeadingBlock(2, T("Report_Views", "How the views compare"), anchor + "-views"));
            blocks.Add(TableBlock.From(card.Views));
            foreach (var r in card.Reconciliation) blocks.Add(new ParagraphBlock(r));
            if (card.Flips.Rows.Count > 0) blocks.Add(TableBlock.From(card.Flips));
        }
        blocks.Add(new HeadingBlock(2, T("Report_CostComparison", "The cost comparison"), anchor + "-explanation"));
        blocks.Add(new ParagraphBlock(item.Explanation, ParagraphStyle.Callout));

        // Option comparison.
        blocks.Add(new HeadingBlock(2, T("Report_Comparison", "Option comparison"), anchor + "-comparison"));
        var header = new List<string> { T("Report_Metric", "Metric") };
        header.AddRange(item.Options.Select(o => Tables.ResultTables.OptionHeader(item, o)));
        var numeric = new[] { false }.Concat(item.Options.Select(_ => true)).ToList();
        TableRow Row(string label, Func<OptionEvaluation, string> f, bool emphasis = false) => new([label, .. item.Options.Select(f)], emphasis);
        var isSq = (OptionEvaluation o) => o.Id == item.StatusQuoOptionId;
        blocks.Add(TableBlock.From(Tables.ResultTables.Comparison(e, item, c)));

        // Cost by category.
        var categories = Enum.GetValues<Core.Domain.CostCategory>().Where(k => item.Options.Any(o => Math.Abs(o.TcoPerUnitByCategory.GetValueOrDefault(k)) > 1e-12)).ToList();
        var rows = categories.Select(k => Row(FactorText.Category(k, c), o => o.TcoPerUnitByCategory.GetValueOrDefault(k).ToString("N4", c))).ToList();
        rows.Add(Row(T("Report_Total", "Total"), o => o.TcoPerUnit.ToString("N4", c), true));
        blocks.Add(new TableBlock([F("Report_CategoryPerUnit", "Cost per unit by category, year 1 ({0})", cur), .. header.Skip(1)], rows, numeric, Legend: T("Report_Legend", "★ recommended · ● status quo")));
        var notAssessed = item.Options.Where(o => o.NotAssessed.Count > 0)
            .Select(o => $"{o.Name ?? o.Id}: {string.Join(", ", o.NotAssessed.Select(f => FactorText.Name(f, c)))}").ToList();
        if (notAssessed.Count > 0)
            blocks.Add(new ParagraphBlock(F("Report_NotAssessed", "Not assessed for lack of inputs (counted as zero): {0}.", string.Join("; ", notAssessed)), ParagraphStyle.Note));

        var charts = Charts.ForItem(input, item, c);
        ReportChart? Chart(string suffix) => charts.FirstOrDefault(x => x.Id == anchor + "-" + suffix);
        blocks.Add(new ChartBlock(Chart("tco")!,
            T("Report_TcoCaption", "Each bar is an option's year-1 cost per unit, split by category; the diamond marks the net total.")));
        blocks.Add(new ChartBlock(Chart("horizon")!));
        blocks.Add(new ChartBlock(Chart("waterfall")!,
            T("Report_WaterfallCaption", "From the status quo's present cost, each bar adds the difference of one cost category over the horizon; red raises cost, green lowers it.")));

        // CO2e.
        blocks.Add(new HeadingBlock(2, T("Report_Co2e", "Greenhouse-gas emissions (CO2e)"), anchor + "-co2e"));
        var sq = item.Options.Single(o => o.Id == item.StatusQuoOptionId);
        blocks.Add(new TableBlock([T("Report_Metric", "Metric"), .. header.Skip(1)],
        [
            Row(T("Report_Co2eTransport", "Transport, kg per unit"), o => o.TransportCo2eKgPerUnit.ToString("N3", c)),
            Row(T("Report_Co2eProduction", "Production, kg per unit"), o => o.ProductionCo2eKgPerUnit.ToString("N3", c)),
            Row(T("Report_Co2eTotal", "Total, kg per unit"), o => o.Co2eKgPerUnit.ToString("N3", c), true),
            Row(T("Report_Co2eYear", "Total, tonnes per year (year 1)"), o => (o.Co2eKgPerUnit * item.AnnualVolumeUnits / 1000).ToString("N1", c)),
            Row(T("Report_Co2eVsSq", "Change against the status quo"), o => isSq(o) ? "—" : Change(o.Co2eKgPerUnit, sq.Co2eKgPerUnit, c)),
        ], numeric));

        // Risk.
        if (input.Simulation?.Items.FirstOrDefault(s => s.ItemId == item.Id) is { } sim)
        {
            blocks.Add(new HeadingBlock(2, T("Report_Risk", "Risk: simulated annual cost"), anchor + "-risk"));
            blocks.Add(new ParagraphBlock(F("Report_RiskIntro", "{0} scenarios (seed {1}) over {2} years; annual cost in {3}.",
                input.Simulation.Scenarios.ToString("N0", c), input.Simulation.Seed, sim.Weeks / 52, cur)));
            var best = sim.Strategies.MinBy(s => s.AnnualCost.Mean);
            blocks.Add(new TableBlock(
                [T("Report_Strategy", "Strategy"), T("Report_Mean", "Mean"), "P5", "P95", "CVaR 95", T("Report_CvarOneYear", "CVaR 95, one year"), T("Report_FillRate", "Fill rate"), T("Report_Cheapest", "P(cheapest)"), T("Report_Survival", "TTS < TTR + lead time")],
                sim.Strategies.Select(s => new TableRow(
                [
                    (s.Name ?? OptionName(item, s.Id)) + (s.Shares.Count > 1 || s.BufferWeeks > 0
                        ? " (" + string.Join(" + ", s.Shares.Select(kv => $"{kv.Value.ToString("P0", c)} {OptionName(item, kv.Key)}")) + (s.BufferWeeks > 0 ? ", " + F("Report_BufferWeeks", "{0} wk buffer", s.BufferWeeks.ToString("0.#", c)) : "") + ")"
                        : ""),
                    Money(s.AnnualCost.Mean), Money(s.AnnualCost.P5), Money(s.AnnualCost.P95), Money(s.AnnualCost.Cvar95), s.SingleYearCvar95 is { } oneYear ? Money(oneYear) : "–",
                    s.FillRate.ToString("P1", c), s.ProbabilityCheapest.ToString("P0", c),
                    s.Options.Any(o => o.AtRisk) ? string.Join(", ", s.Options.Where(o => o.AtRisk).Select(o => OptionName(item, o.OptionId))) : "—",
                ], s == best)).ToList(),
                [false, true, true, true, true, true, true, true, false], T("Report_RiskLegend", "Bold: lowest mean annual cost. Last column: options whose loss the strategy cannot bridge until they recover.")));
            foreach (var w in sim.Warnings) blocks.Add(new ParagraphBlock(w, ParagraphStyle.Note));
            if (sim.UncertainInputs.Count > 0)
                blocks.Add(new ParagraphBlock(F("Report_UncertainDrawn", "Uncertain inputs drawn per scenario: {0}.", string.Join(", ", sim.UncertainInputs.Select(p => Charts.InputLabel(p, input.Case, c)))), ParagraphStyle.Note));
            if (Chart("histogram") is { } histogram) blocks.Add(new ChartBlock(histogram));
            if (Chart("cdf") is { } cdf)
                blocks.Add(new ChartBlock(cdf, T("Report_CdfCaption", "A line further left and steeper is cheaper and more predictable; the right-hand tail shows the bad years.")));
        }

        // Sensitivity.
        if (input.Sensitivity.FirstOrDefault(t => t.ItemId == item.Id) is { } tornado)
        {
            blocks.Add(new HeadingBlock(2, T("Report_Sensitivity", "Sensitivity"), anchor + "-sensitivity"));
            blocks.Add(new ParagraphBlock(F("Report_SensitivityIntro", "Present-value saving of {0} against the status quo {1}: {2} {3} with every input at its mean.",
                OptionName(item, tornado.ComparedOptionId), OptionName(item, tornado.StatusQuoOptionId), Money(tornado.BaseSaving), cur)));
            if (Chart("tornado") is { } chart) blocks.Add(new ChartBlock(chart));
            var flips = tornado.Bars.Where(b => Math.Sign(b.SavingAtLow) != Math.Sign(b.SavingAtHigh)).Select(b => Charts.InputLabel(b.Path, input.Case, c)).ToList();
            if (flips.Count > 0)
                blocks.Add(new ParagraphBlock(F("Report_Flips", "Within its p10–p90 range, each of these inputs can turn the saving into a loss: {0}.", string.Join(", ", flips)), ParagraphStyle.Callout));
        }

        // Optimisation.
        if (input.Optimization.FirstOrDefault(o => o.ItemId == item.Id) is { } opt)
        {
            blocks.Add(new HeadingBlock(2, T("Report_Optimisation", "Optimal sourcing mix"), anchor + "-optimisation"));
            blocks.Add(new ParagraphBlock(opt.Explanation));
            if (Chart("frontier") is { } frontier) blocks.Add(new ChartBlock(frontier));
            foreach (var w in opt.Warnings) blocks.Add(new ParagraphBlock(w, ParagraphStyle.Note));
        }

        // Scorecard.
        if (item.Scorecard is { } sc)
        {
            blocks.Add(new HeadingBlock(2, T("Report_Scorecard", "Scorecard"), anchor + "-scorecard"));
            blocks.Add(TableBlock.From(Tables.ResultTables.Scorecard(item, sc, c)));
            foreach (var line in Tables.ScorecardNotes.Lines(item, sc, c)) blocks.Add(new ParagraphBlock(line));
            foreach (var w in sc.Warnings) blocks.Add(new ParagraphBlock(w, ParagraphStyle.Note));
        }

        blocks.AddRange(JobsSection.Blocks(item, cur, c, anchor));
        blocks.AddRange(SupportSection.Blocks(item, cur, c, anchor));
    }

    private static string OptionName(ItemEvaluation item, string id) => item.Options.FirstOrDefault(o => o.Id == id) is { } o ? o.Name ?? o.Id : id;

    // The executive page: verdict card, present cost by option, what would flip it, main risks and open points.
    private static void ComposeExecutive(ReportInput input, ItemEvaluation item, CultureInfo c, List<ReportBlock> blocks, bool named)
    {
        if (Tables.VerdictCard.For(item, c) is not { } card) return;
        if (named) blocks.Add(new HeadingBlock(2, item.Name ?? item.Id, "decision-" + item.Id));
        blocks.Add(new VerdictBlock(card));
        var chart = Charts.PresentCostByOption(input.Evaluation, item, c);
        blocks.Add(new ChartBlock(new ReportChart("decision-" + item.Id + "-present-cost", chart.Axes.Title.Label.Text, chart), Height: named ? 180 : 200));
        if (card.Flips.Rows.Count > 0)
            blocks.Add(TableBlock.From(card.Flips with { Rows = card.Flips.Rows.Take(3).ToList(), Legend = null }));
        else
            blocks.Add(new ParagraphBlock(card.Labels.Flips + ": " + card.Labels.NoFlip));
        if (card.Risks.Count > 0) blocks.Add(new ListBlock(card.Risks.Take(2).ToList(), card.Labels.Risks));
        if (card.OpenPoints.Count > 0) blocks.Add(new ListBlock(card.OpenPoints.Take(2).ToList(), card.Labels.OpenPoints));
    }

    private static void ComposeAssumptions(ReportInput input, CultureInfo c, List<ReportBlock> blocks)
    {
        string T(string key, string en) => Text.Get(c, key, en);
        string F(string key, string en, params object?[] args) => Text.Format(c, key, en, args);
        var e = input.Evaluation;
        blocks.Add(new HeadingBlock(1, T("Report_Assumptions", "Assumptions and sources"), "assumptions"));
        blocks.Add(new TableBlock([T("Report_Setting", "Setting"), T("Report_Value", "Value")],
        [
            new([T("Report_Currency", "Currency"), e.Currency.ToString()]),
            new([T("Report_HomeCountry", "Home country"), e.HomeCountry.ToString()]),
            new([T("Report_BaseYear", "Base year (year 1)"), e.BaseYear.ToString(CultureInfo.InvariantCulture)]),
            new([T("Report_HorizonYears", "Horizon"), F("Report_Years", "{0} years", e.HorizonYears)]),
            new([T("Report_DiscountRate", "Discount rate"), (e.DiscountRatePct / 100).ToString("P1", c)]),
            new([T("Report_ReferenceVersion", "Reference data"), F("Report_ReferenceOf", "{0}, as of {1}", e.ReferenceDataVersion, e.ReferenceDataAsOf.ToString("d", c))]),
            .. e.Items.Select(i => new TableRow([F("Report_Volume", "Annual volume, {0}", i.Name ?? i.Id), i.AnnualVolumeUnits.ToString("N0", c)])),
        ], [false, false]));
        blocks.Add(new ParagraphBlock(T("Report_DefaultsIntro",
            "Inputs the case does not give come from the bundled reference data or from model defaults. Each is listed with its source and year; replace it in the case file where you know better."), ParagraphStyle.Normal));
        foreach (var item in e.Items)
        {
            var defaults = item.Options.SelectMany(o => o.DefaultsUsed.Select(d => (Option: o.Name ?? o.Id, Input: d)))
                .GroupBy(x => (x.Input.Name, x.Input.Source, x.Input.Unit, Math.Round(x.Input.Value, 9)))
                .Select(g => new TableRow([InputText.InputName(g.Key.Name, c), Value(g.First().Input.Value, c), g.Key.Unit, g.Key.Source, string.Join(", ", g.Select(x => x.Option).Distinct())]))
                .ToList();
            if (defaults.Count == 0) continue;
            blocks.Add(new TableBlock([T("Report_Input", "Input"), T("Report_Value", "Value"), T("Report_Unit", "Unit"), T("Report_Source", "Source"), T("Report_Options", "Options")], defaults,
                [false, true, false, false, false], F("Report_DefaultsFor", "Reference data and defaults used for {0}", item.Name ?? item.Id)));
        }
        if (input.Uncertain.Count > 0)
            blocks.Add(new ListBlock([F("Report_UncertainList", "Inputs given as distributions: {0}.", string.Join(", ", input.Uncertain.Select(u => Charts.InputLabel(u.Path, input.Case, c))))]));
    }

    private static string Value(double v, CultureInfo c) => Math.Abs(v) >= 1000 ? v.ToString("N0", c) : v.ToString("0.####", c);

    private static string Change(double value, double reference, CultureInfo c) =>
        reference == 0 ? (value - reference).ToString("+0.###;−0.###;0", c) : ((value - reference) / reference).ToString("+0.0%;−0.0%;0.0%", c);
}
