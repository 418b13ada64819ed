using System.Globalization;
using System.Text;
using Reshore.Core.Costing;
using Reshore.Core.MarketData;
using Reshore.Core.Risk;
using Reshore.Core.Screening;
using Reshore.Core.Values;
using Reshore.Data.CaseFiles;

namespace Reshore.Data.Screening;

/// <summary>Settings of a portfolio run (`reshore portfolio`).</summary>
public sealed record PortfolioSettings
{
    /// <summary>Screening settings (home, candidates).</summary>
    public ScreeningOptions Screening { get; init; } = new();
    /// <summary>Keep the N most attractive parts of the screening (null: all).</summary>
    public int? Top { get; init; }
    /// <summary>Scenarios per part in the risk simulation.</summary>
    public int Scenarios { get; init; } = 200;
    /// <summary>Seed of the simulation (every part uses it, so a rerun gives the same numbers).</summary>
    public int Seed { get; init; } = 1;
    /// <summary>Horizon of each part's business case, years.</summary>
    public int HorizonYears { get; init; } = 5;
    /// <summary>Discount rate of each part's business case, %.</summary>
    public double DiscountRatePct { get; init; } = 8;
    /// <summary>Hours one full-time job works in a year, for jobs moved.</summary>
    public double HoursPerJob { get; init; } = DefaultHoursPerJob;
    /// <summary>Parts per shard job.</summary>
    public int ShardSize { get; init; } = 25;
    /// <summary>Annual log-volatility of each part's demand, % (a parts list does not give it).</summary>
    public double DemandVolatilityPct { get; init; } = DefaultDemandVolatilityPct;

    /// <summary>
    /// Default demand volatility: 30 %, an assumption for a part with no history given (the led-lamps example uses 50 % for
    /// retail demand); override with --demand-volatility.
    /// </summary>
    public const double DefaultDemandVolatilityPct = 30;

    /// <summary>
    /// Default hours a full-time job works in a year: 1,600, a round figure for manufacturing in the EU (an assumption, not a
    /// statistic; override with --hours-per-job).
    /// </summary>
    public const double DefaultHoursPerJob = 1600;
}

/// <summary>
/// Portfolio-wide risk: for each screened part, a two-option case (the current source and the screening's best candidate)
/// built from the part's row and reference data, evaluated (TCO, business case, CO2e) and simulated (annual cost, CVaR95).
/// The cases are ordinary case files, so any part can be opened, refined and re-run with `reshore evaluate`.
/// </summary>
public static class PortfolioRunner
{
    /// <summary>Screens and ranks the parts list and keeps the top N.</summary>
    public static IReadOnlyList<ScreenedPart> Rank(IEnumerable<PartRecord> parts, MarketSnapshot market, PortfolioSettings settings) =>
        new PortfolioScreener(market, settings.Screening).ScreenAndRank(parts, settings.Top);

    /// <summary>The case file (YAML) for one screened part.</summary>
    public static string CaseYaml(ScreenedPart s, MarketSnapshot market, PortfolioSettings settings)
    {
        var p = s.Part;
        var inv = CultureInfo.InvariantCulture;
        string N(double v) => v.ToString("R", inv);
        string Q(string v) => "\"" + v.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
        var currentPrice = p.UnitPrice * market.Fx.Rate(p.Currency, CurrencyCode.Eur);
        var labour = p.LabourSharePct ?? settings.Screening.DefaultLabourShare * 100;
        var y = new StringBuilder();
        y.AppendLine("schemaVersion: 1");
        y.AppendLine($"name: {Q($"{p.Id} {p.Description}".Trim())}");
        y.AppendLine($"description: {Q("Built by reshore portfolio from the parts list and reference data: the current source against the screening's best candidate.")}");
        y.AppendLine($"homeCountry: {settings.Screening.Home.Value}");
        y.AppendLine("currency: EUR");
        y.AppendLine($"baseYear: {market.AsOf.Year}");
        y.AppendLine($"horizonYears: {settings.HorizonYears}");
        y.AppendLine($"discountRatePct: {N(settings.DiscountRatePct)}");
        y.AppendLine($"risk: {{ scenarios: {settings.Scenarios}, seed: {settings.Seed} }}");
        y.AppendLine("items:");
        y.AppendLine($"  - id: {Q(p.Id)}");
        if (p.Description is { Length: > 0 } d) y.AppendLine($"    name: {Q(d)}");
        y.AppendLine($"    annualVolumeUnits: {N(p.AnnualVolume)}");
        y.AppendLine($"    unitWeightKg: {N(p.UnitWeightKg)}");
        y.AppendLine($"    demandVolatilityPct: {N(settings.DemandVolatilityPct)}");
        if (p.HsCode is { Length: > 0 } hs) y.AppendLine($"    hsCode: {Q(hs)}");
        y.AppendLine("    options:");
        Option("current", "statusQuo", p.CurrentCountry, currentPrice);
        if (s.Best is { } best) Option("candidate", "outsourcedReshoring", best.Country, best.UnitPriceEur);
        return y.ToString();

        void Option(string id, string governance, CountryCode country, double price)
        {
            y.AppendLine($"      - id: {id}");
            y.AppendLine($"        governance: {governance}");
            y.AppendLine($"        country: {country.Value}");
            y.AppendLine($"        production: {{ unitPrice: {N(price)}, priceLabourSharePct: {N(labour)}, productionLeadTimeDays: {N(Math.Max(1, leadTime(country)))} }}");
            // The country's default lane to home (road for nearshore, sea otherwise), as the screening assumed.
            if (DefaultLane(market, country) is { } lane) y.AppendLine($"        logistics: {{ legs: [ {{ lane: {Q(lane.Id)} }} ] }}");
        }

        // Production and order time stay; the transit is the lane's.
        double leadTime(CountryCode country) => p.LeadTimeDays - (DefaultLane(market, p.CurrentCountry)?.TransitDays.Value ?? 0);
    }

    /// <summary>The default lane from a country: road where there is one, else sea, else any.</summary>
    public static Core.MarketData.Lane? DefaultLane(MarketSnapshot market, CountryCode country)
    {
        var lanes = market.Lanes.Values.Where(l => l.Origin == country && l.IsDefault).ToList();
        return lanes.FirstOrDefault(l => l.Mode == Core.Domain.TransportMode.Road)
            ?? lanes.FirstOrDefault(l => l.Mode is Core.Domain.TransportMode.Sea or Core.Domain.TransportMode.SeaShort) ?? lanes.FirstOrDefault();
    }

    /// <summary>Evaluates and simulates one part; a part whose case cannot be evaluated gets an error instead of numbers.</summary>
    public static PortfolioPartResult Run(ScreenedPart s, MarketSnapshot market, PortfolioSettings settings, CultureInfo culture, CancellationToken cancellation = default)
    {
        var p = s.Part;
        var result = new PortfolioPartResult
        {
            Rank = s.Rank, PartId = p.Id, Description = p.Description, CurrentCountry = p.CurrentCountry.Value,
            CandidateCountry = s.Best?.Country.Value, ScreeningSaving = s.EstimatedAnnualSaving,
        };
        if (s.Best is null) return result with { Recommended = "current" };
        try
        {
            var document = CaseFileReader.ReadDocument(CaseYaml(s, market, settings), CaseFormat.Yaml, $"{p.Id}.yaml", market);
            var evaluation = new CaseEvaluator().Evaluate(document.Case, market, culture).Items[0];
            var current = evaluation.Options.Single(o => o.Id == "current");
            var candidate = evaluation.Options.Single(o => o.Id == "candidate");
            var simulation = new RiskAnalyzer(culture).Simulate(document.Case, document.Uncertain, market, settings.Scenarios, settings.Seed, null, null, cancellation).Items[0];
            var alone = (string option) => simulation.Strategies.First(x => x.BufferWeeks == 0 && x.Shares.Count == 1 && x.Shares.ContainsKey(option)).AnnualCost;
            var currentProfile = market.Country(p.CurrentCountry);
            var candidateProfile = market.Country(s.Best.Country);
            var volume = p.AnnualVolume;
            return result with
            {
                CurrentTcoPerUnit = current.TcoPerUnit,
                CandidateTcoPerUnit = candidate.TcoPerUnit,
                NpvSaving = candidate.NpvSavingVsStatusQuo,
                Recommended = evaluation.RecommendedOptionId,
                MeanAnnualCostCurrent = alone("current").Mean,
                MeanAnnualCostCandidate = alone("candidate").Mean,
                Cvar95Current = alone("current").Cvar95,
                Cvar95Candidate = alone("candidate").Cvar95,
                Co2eTonnesCurrent = current.Co2eKgPerUnit * volume / 1000,
                Co2eTonnesCandidate = candidate.Co2eKgPerUnit * volume / 1000,
                // Unknown (not zero) where the reference data hold no labour cost or productivity for either country.
                JobsAtCandidate = currentProfile.LabourCostEurPerHour is { } labourCost && currentProfile.ProductivityIndex is { } fromProductivity
                    && candidateProfile.ProductivityIndex is { } toProductivity
                    ? PortfolioAggregate.JobsForLabourContent((p.LabourSharePct ?? settings.Screening.DefaultLabourShare * 100) / 100,
                        p.UnitPrice * market.Fx.Rate(p.Currency, CurrencyCode.Eur), volume, labourCost.Value, fromProductivity.Value, toProductivity.Value, settings.HoursPerJob)
                    : null,
            };
        }
        catch (Core.Validation.CaseValidationException e)
        {
            return result with { Error = string.Join("; ", e.Errors.Take(3).Select(x => $"{x.Path}: {x.Message}")) };
        }
    }

    /// <summary>Runs a list of parts one after the other, reporting each part done.</summary>
    public static List<PortfolioPartResult> RunAll(IEnumerable<ScreenedPart> parts, MarketSnapshot market, PortfolioSettings settings, CultureInfo culture,
        Action<int>? partDone = null, CancellationToken cancellation = default)
    {
        var results = new List<PortfolioPartResult>();
        foreach (var part in parts)
        {
            cancellation.ThrowIfCancellationRequested();
            results.Add(Run(part, market, settings, culture, cancellation));
            partDone?.Invoke(results.Count);
        }
        return results;
    }
}
