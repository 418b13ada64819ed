using System.Globalization;
using Reshore.Core.Costing;
using Reshore.Reports.Tables;
using Spectre.Console;
using Text = Reshore.Core.Localization.Text;

namespace Reshore.Cli.Output;

/// <summary>Renders an evaluation in the terminal: per item the verdict card first, then the shared results tables and the explanation.</summary>
public static class EvaluationTableRenderer
{
    /// <summary>Renders the evaluation.</summary>
    public static void Render(IAnsiConsole console, CaseEvaluation e, CultureInfo c)
    {
        string T(string key, string en) => Text.Get(c, key, en);
        console.Write(new Rule($"[bold]{Markup.Escape(e.CaseName)}[/]").LeftJustified());
        console.MarkupLine(Markup.Escape(CaseHeader(e, c)));
        foreach (var item in e.Items)
        {
            console.WriteLine();
            console.Write(new Rule($"[bold]{Markup.Escape(item.Name ?? item.Id)}[/] ({Markup.Escape(item.Id)}, {item.AnnualVolumeUnits.ToString("N0", c)} {T("Cli_UnitsPerYear", "units/year")})").LeftJustified());
            if (VerdictCard.For(item, c) is { } card) SpectreTables.Write(console, card);
            SpectreTables.Write(console, ResultTables.Comparison(e, item, c), TableBorder.Rounded);
            SpectreTables.Write(console, ResultTables.CostLines(e, item, c));
            console.WriteLine();
            console.Write(new Panel(Markup.Escape(item.Explanation)).Header(T("Card_Explanation", "The cost comparison explained")).Border(BoxBorder.Rounded));
            if (item.Scorecard is { } sc)
            {
                SpectreTables.Write(console, ResultTables.Scorecard(item, sc, c));
                foreach (var line in ScorecardNotes.Lines(item, sc, c)) console.MarkupLine(Markup.Escape(line));
                foreach (var w in sc.Warnings) console.MarkupLine($"[yellow]{Markup.Escape(w)}[/]");
            }
            BlockRenderers.Console(console, Reports.Document.JobsSection.Blocks(item, e.Currency.Value, c, "item-" + item.Id));
            BlockRenderers.Console(console, Reports.Document.SupportSection.Blocks(item, e.Currency.Value, c, "item-" + item.Id));
            var defaults = item.Options.SelectMany(o => o.DefaultsUsed).DistinctBy(d => d.Name).ToList();
            if (defaults.Count > 0)
            {
                console.MarkupLine(Markup.Escape(Text.Format(c, "Cli_Defaults", "{0} inputs came from reference data or model defaults (see --format json, defaultsUsed, for their sources):", defaults.Count)));
                foreach (var d in defaults.Take(12))
                    console.MarkupLine(Markup.Escape($"  {Core.Localization.InputText.InputName(d.Name, c)} = {d.Value.ToString("G6", c)} {d.Unit}"));
                if (defaults.Count > 12) console.MarkupLine(Markup.Escape($"  … +{defaults.Count - 12}"));
            }
        }
    }

    /// <summary>The case's facts in one line.</summary>
    public static string CaseHeader(CaseEvaluation e, CultureInfo c) =>
        Text.Format(c, "Cli_CaseHeader", "{0} · home {1} · {2} · base year {3} · horizon {4} years · discount rate {5}% · reference data {6}",
            e.Company ?? "", e.HomeCountry, e.Currency, e.BaseYear, e.HorizonYears, e.DiscountRatePct, e.ReferenceDataVersion);
}
