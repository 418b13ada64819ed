using System.Globalization;
using Reshore.Core.Decision;
using Reshore.Core.MarketData;
using Reshore.Core.Risk;
using Reshore.Data.CaseFiles;

namespace Reshore.Reports;

/// <summary>Runs the engines a report needs for a case, so callers pass a case and get a <see cref="ReportInput"/>.</summary>
public static class ReportBuilder
{
    /// <summary>
    /// Evaluates the case in <paramref name="culture"/>; simulates it when the case has risk settings or <see cref="ReportOptions.Scenarios"/> is given
    /// (the scorecard's risk criterion then uses CVaR and TTS/TTR, as `reshore evaluate --simulate-risk` does); runs the tornado of every item
    /// with uncertain inputs; and optimises with a frontier when asked.
    /// </summary>
    public static ReportInput Build(CaseDocument document, MarketSnapshot market, CultureInfo culture, ReportOptions? options = null, string? sourceFileName = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        options ??= new ReportOptions();
        if (options.Scenarios is < 0) throw new ArgumentOutOfRangeException(nameof(options), options.Scenarios, "Scenarios must be zero (no simulation) or more.");
        var c = document.Case;
        var review = CaseReviewer.Review(c, document.Uncertain, market, culture, new ReviewOptions
        {
            Scenarios = options.Scenarios, Seed = options.Seed, Optimize = options.Optimize, OptimizationScenarios = options.OptimizationScenarios,
        }, cancellation);
        var tornadoes = new List<TornadoResult>();
        if (options.Sensitivity && document.Uncertain.Count > 0)
        {
            var analyzer = new SensitivityAnalyzer();
            foreach (var item in c.Items)
            {
                cancellation.ThrowIfCancellationRequested();
                if (item.Options.Count < 2) continue;
                var tornado = analyzer.Tornado(c, document.Uncertain, market, item.Id);
                if (tornado.Bars.Count > 0) tornadoes.Add(tornado);
            }
        }
        return new ReportInput
        {
            Case = c, Uncertain = document.Uncertain, Market = market, Evaluation = review.Evaluation, Simulation = review.Simulation,
            Sensitivity = tornadoes, Optimization = review.Optimization, SourceFileName = sourceFileName,
        };
    }
}
