using System.Globalization;
using Reshore.Core.Costing;
using Reshore.Core.Costing.Formulas;
using Reshore.Core.Localization;
using Reshore.Core.Support;

namespace Reshore.Reports.Document;

/// <summary>
/// The support section of an item (docs/model.md §21), as report blocks drawn by the PDF, the HTML report, the web results page, the
/// terminal and Markdown: per option its incentives, the extra incentive that would make it the cheapest (for the firm), whether its
/// incentives are additional or deadweight (for the policy analyst), and the State-aid and WTO flags.
/// </summary>
public static class SupportSection
{
    /// <summary>The blocks of one item; empty without a support view.</summary>
    public static IReadOnlyList<ReportBlock> Blocks(ItemEvaluation item, string currency, CultureInfo c, string anchor)
    {
        if (item.Support is not { } s) return [];
        string T(string key, string en) => Text.Get(c, key, en);
        string F(string key, string en, params object?[] args) => Text.Format(c, key, en, args);
        string Money(double v) => v.ToString("N0", c);
        string Name(string id) => item.Options.FirstOrDefault(o => o.Id == id) is { } o ? o.Name ?? o.Id : id;
        var blocks = new List<ReportBlock> { new HeadingBlock(2, T("Support_Title", "Support instruments and what it would take"), anchor + "-support") };
        if (s.CheapestReshoringOptionId is { } r && s.IncentiveToFlip is { } n)
            blocks.Add(new ParagraphBlock(n > 0
                ? F("Support_Headline", "{0} becomes the cheapest option with an extra incentive of {1} {2} at the start (present value), or {3} {2} as a tax credit in year 1.", Name(r), Money(n), currency, Money(s.Options.Single(o => o.OptionId == r).IncentiveToFlipAsYear1Credit))
                : F("Support_HeadlineWins", "{0} is already the cheapest option: it needs no incentive to be chosen.", Name(r))));

        string Status(AdditionalityStatus a) => a switch
        {
            AdditionalityStatus.Deadweight => T("Support_Deadweight", "deadweight: wins without it"),
            AdditionalityStatus.Additional => T("Support_Additional", "additional: wins only with it"),
            AdditionalityStatus.Insufficient => T("Support_Insufficient", "insufficient: does not win with it"),
            _ => T("Support_NoIncentive", "no incentive"),
        };
        List<string> header = [T("Jobs_Measure", "Measure"), .. s.Options.Select(o => Name(o.OptionId))];
        var rows = new List<TableRow>
        {
            new([F("Support_RowIncentives", "Incentives, present value ({0})", currency), .. s.Options.Select(o => Money(o.IncentivesPv))]),
            new([F("Support_RowPresentCost", "Present cost with them ({0})", currency), .. s.Options.Select(o => Money(o.PresentCost))]),
            new([F("Support_RowToFlip", "Extra incentive to be the cheapest, at the start ({0})", currency), .. s.Options.Select(o => Money(o.IncentiveToFlip))], true),
            new([F("Support_RowToFlipCredit", "… or as a tax credit in year 1 ({0})", currency), .. s.Options.Select(o => Money(o.IncentiveToFlipAsYear1Credit))]),
            new([F("Support_RowEligible", "Eligible investment ({0})", currency), .. s.Options.Select(o => Money(o.EligibleInvestment))]),
            new([T("Support_RowIntensity", "Intensity it would take, % of the eligible investment"), .. s.Options.Select(o => o.IntensityToFlipPct is { } p ? p.ToString("N1", c) : "–")]),
            new([T("Support_RowGberMax", "Largest GBER intensity on investment, %"), .. s.Options.Select(o => o.GberMaxInvestmentIntensityPct is { } p ? p.ToString("N1", c) : "–")]),
            new([T("Support_RowAdditionality", "Its incentives are"), .. s.Options.Select(o => Status(o.Additionality))]),
            new([F("Support_RowDeadweight", "Deadweight ({0})", currency), .. s.Options.Select(o => Money(o.Deadweight))]),
        };
        blocks.Add(new TableBlock(header, rows, [false, .. s.Options.Select(_ => true)],
            F("Support_Caption", "Against the present-cost comparison ({0}); the extra incentive N = PV(option) − PV(cheapest other option) makes the two tie. Firm size: {1}; regional aid area: {2}.",
                s.Basis == "tco" ? T("Support_BasisAll", "all cost factors") : T("Support_BasisHard", "hard costs only"),
                s.FirmSize is { } f ? SupportAnalyzer.SizeText(c, f) : T("Fact_Unknown", "unknown"), s.AidArea.ToString().ToLowerInvariant())));

        var lines = s.Options.SelectMany(o => o.Incentives.Select(l => F("Support_IncentiveLine", "{0}: {1} — {2} {3} in year {4}{5}", Name(o.OptionId), l.Description ?? l.InstrumentId ?? "–",
            Money(l.Amount), currency, l.Year, l.InstrumentId is null ? "" : F("Support_FromInstrument", " (instrument {0}: {1:0.#}% of {2}{3})", l.InstrumentId, l.IntensityPct ?? 0, Money(l.EligibleCost ?? 0), l.Capped ? ", " + T("Support_CappedShort", "capped") : "")))).ToList();
        if (lines.Count > 0) blocks.Add(new ListBlock(lines, T("Support_Incentives", "Incentives in the case")));
        var flags = s.Options.SelectMany(o => o.Flags.Select(f => $"{Severity(f.Severity, c)} · {Name(o.OptionId)}: {f.Message}")).ToList();
        blocks.Add(flags.Count > 0
            ? new ListBlock(flags, T("Support_Flags", "State-aid and WTO compatibility"))
            : new ParagraphBlock(T("Support_NoFlags", "No State-aid or WTO flag."), ParagraphStyle.Note));
        blocks.Add(new ParagraphBlock(T("Support_Note", "Deadweight: an incentive to an option that wins without it changes no decision. The study (SERV, 2023) notes that WTO rules prohibit subsidies conditional on local content and treat relocation-conditional aid as such, and that EU State-aid rules leave no direct support for reshoring."), ParagraphStyle.Note));
        return blocks;
    }

    private static string Severity(string severity, CultureInfo c) => severity switch
    {
        "error" => Text.Get(c, "Support_SeverityError", "Not compatible"),
        "warning" => Text.Get(c, "Support_SeverityWarning", "Check"),
        _ => Text.Get(c, "Support_SeverityInfo", "Note"),
    };
}
