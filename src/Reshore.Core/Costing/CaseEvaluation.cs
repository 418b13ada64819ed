using Reshore.Core.Domain;
using Reshore.Core.Values;

namespace Reshore.Core.Costing;

/// <summary>The evaluation of a whole case: every item's options compared, with a recommendation each.</summary>
public sealed record CaseEvaluation
{
    /// <summary>Case title.</summary>
    public required string CaseName { get; init; }
    /// <summary>Company.</summary>
    public string? Company { get; init; }
    /// <summary>Case currency.</summary>
    public required CurrencyCode Currency { get; init; }
    /// <summary>Home country.</summary>
    public required CountryCode HomeCountry { get; init; }
    /// <summary>Calendar year of horizon year 1.</summary>
    public required int BaseYear { get; init; }
    /// <summary>Horizon, years.</summary>
    public required int HorizonYears { get; init; }
    /// <summary>Discount rate, %.</summary>
    public required double DiscountRatePct { get; init; }
    /// <summary>Reference data version.</summary>
    public required string ReferenceDataVersion { get; init; }
    /// <summary>Reference data date.</summary>
    public required DateOnly ReferenceDataAsOf { get; init; }
    /// <summary>Items.</summary>
    public required IReadOnlyList<ItemEvaluation> Items { get; init; }
}

/// <summary>One item's comparison.</summary>
public sealed record ItemEvaluation
{
    /// <summary>Item id.</summary>
    public required string Id { get; init; }
    /// <summary>Item name.</summary>
    public string? Name { get; init; }
    /// <summary>Annual volume in year 1.</summary>
    public required double AnnualVolumeUnits { get; init; }
    /// <summary>The status-quo option.</summary>
    public required string StatusQuoOptionId { get; init; }
    /// <summary>The option with the lowest present cost.</summary>
    public required string RecommendedOptionId { get; init; }
    /// <summary>The option with the lowest present cost on hard costs only.</summary>
    public required string RecommendedOnHardCostsOnlyOptionId { get; init; }
    /// <summary>
    /// The option the recommendation is compared with: the status quo when switching, else the best alternative on the ranking's basis
    /// (all factors, or hard costs only); null with one option. Drivers, waterfall, tornado and break-even all compare with it.
    /// </summary>
    public string? ComparedOptionId { get; init; }
    /// <summary>Why, in words.</summary>
    public required string Explanation { get; init; }
    /// <summary>The cost factors that drive the recommendation, largest first.</summary>
    public required IReadOnlyList<Driver> Drivers { get; init; }
    /// <summary>The options.</summary>
    public required IReadOnlyList<OptionEvaluation> Options { get; init; }
    /// <summary>The multi-criteria scorecard.</summary>
    public Scorecard.ItemScorecard? Scorecard { get; init; }
    /// <summary>The reconciled decision summary (<see cref="Decision.DecisionAnalyzer"/>), or null when it has not been computed.</summary>
    public Decision.DecisionSummary? Decision { get; init; }
    /// <summary>Support instruments, the incentive that would flip the comparison, additionality and State-aid flags (docs/model.md §21).</summary>
    public Support.ItemSupport? Support { get; init; }
    /// <summary>The option every output marks as recommended: the decision's verdict when it is one option, else the cost comparison's.</summary>
    public string? VerdictOptionId => Decision is null ? RecommendedOptionId : Decision.VerdictOptionId;
}

/// <summary>A factor's contribution to the difference between two options.</summary>
/// <param name="Factor">Factor id, or "oneOffCosts" / "incentives".</param>
/// <param name="Name">Localised name.</param>
/// <param name="PerUnitDifference">Year-1 per-unit cost of the compared option minus the recommended one.</param>
/// <param name="PresentValueDifference">Present value over the horizon of the compared option minus the recommended one.</param>
/// <param name="ComparedWithOptionId">The option compared with.</param>
public sealed record Driver(string Factor, string Name, double PerUnitDifference, double PresentValueDifference, string ComparedWithOptionId);

/// <summary>One option's TCO, emissions and business case.</summary>
public sealed record OptionEvaluation
{
    /// <summary>Option id.</summary>
    public required string Id { get; init; }
    /// <summary>Name.</summary>
    public string? Name { get; init; }
    /// <summary>Country.</summary>
    public required CountryCode Country { get; init; }
    /// <summary>Governance model.</summary>
    public required GovernanceModel Governance { get; init; }
    /// <summary>Supplier or own plant.</summary>
    public required SupplyType SupplyType { get; init; }
    /// <summary>Home, nearshore or offshore.</summary>
    public required LocationClass LocationClass { get; init; }
    /// <summary>Year-1 TCO per unit.</summary>
    public required double TcoPerUnit { get; init; }
    /// <summary>Year-1 TCO per year.</summary>
    public required double TcoPerYear { get; init; }
    /// <summary>Year-1 TCO per unit split by kind.</summary>
    public required IReadOnlyDictionary<CostKind, double> TcoPerUnitByKind { get; init; }
    /// <summary>Year-1 TCO per unit split by category.</summary>
    public required IReadOnlyDictionary<CostCategory, double> TcoPerUnitByCategory { get; init; }
    /// <summary>Present value of all costs over the horizon including one-offs, net of incentives and residual value.</summary>
    public required double PvCost { get; init; }
    /// <summary>Present value counting hard cost lines only (plus one-offs and incentives).</summary>
    public required double PvCostHardOnly { get; init; }
    /// <summary>PV(status quo) − PV(this option).</summary>
    public required double NpvSavingVsStatusQuo { get; init; }
    /// <summary>Years from which the cumulative cash saving stays at zero or more to the horizon; 0 if it is never negative; null when it ends the horizon negative (and for the status quo).</summary>
    public required double? PaybackYears { get; init; }
    /// <summary>Same on discounted savings.</summary>
    public required double? DiscountedPaybackYears { get; init; }
    /// <summary>The payback with what the cumulative saving does (recovers, then lost again; never within the horizon); null for the status quo.</summary>
    public Formulas.PaybackResult? Payback { get; init; }
    /// <summary>Same on discounted savings.</summary>
    public Formulas.PaybackResult? DiscountedPayback { get; init; }
    /// <summary>Internal rate of return of switching from the status quo, % (year 0 carries the one-off costs); null for the status quo or when there is none.</summary>
    public double? IrrPct { get; init; }
    /// <summary>Total one-off costs (undiscounted).</summary>
    public required double OneOffCostsTotal { get; init; }
    /// <summary>Total incentives (undiscounted).</summary>
    public required double IncentivesTotal { get; init; }
    /// <summary>Year-1 CO2e per unit, kg.</summary>
    public required double Co2eKgPerUnit { get; init; }
    /// <summary>Transport part.</summary>
    public required double TransportCo2eKgPerUnit { get; init; }
    /// <summary>Production part.</summary>
    public required double ProductionCo2eKgPerUnit { get; init; }
    /// <summary>Lead time, days (parts not given counted as 0: see <see cref="LeadTimeKnown"/>).</summary>
    public required double LeadTimeDays { get; init; }
    /// <summary>False when the production lead time or a leg's transit time is missing: the lead time is then unknown, not short.</summary>
    public bool LeadTimeKnown { get; init; } = true;
    /// <summary>False when neither energy nor process emissions are given: production CO2e is unknown, not zero.</summary>
    public bool ProductionCo2eAssessed { get; init; } = true;
    /// <summary>False when a leg has no distance: transport CO2e misses that leg.</summary>
    public bool TransportCo2eComplete { get; init; } = true;
    /// <summary>CO2e per unit covers production and every leg.</summary>
    public bool Co2eComplete => ProductionCo2eAssessed && TransportCo2eComplete;
    /// <summary>How many of the option's applicable cost factors were assessed in year 1.</summary>
    public FactorCoverage Coverage { get; init; } = new(0, 0, 0);
    /// <summary>Year-1 lines.</summary>
    public required IReadOnlyList<CostLine> Lines { get; init; }
    /// <summary>Year by year, from year 0.</summary>
    public required IReadOnlyList<BusinessCaseYear> Years { get; init; }
    /// <summary>Inputs of year 1 that came from reference data or model defaults.</summary>
    public required IReadOnlyList<InputValue> DefaultsUsed { get; init; }
    /// <summary>Factors not assessed in year 1.</summary>
    public required IReadOnlyList<string> NotAssessed { get; init; }
    /// <summary>Factors assessed in year 1 on part of their inputs (a leg without a rate, …).</summary>
    public IReadOnlyList<string> PartiallyAssessed { get; init; } = [];
    /// <summary>All yearly results (for drill-down and charts).</summary>
    public required IReadOnlyList<OptionYearResult> YearResults { get; init; }
    /// <summary>Jobs and skills (docs/model.md §15.2).</summary>
    public Jobs.OptionJobs? Jobs { get; init; }
    /// <summary>The automation scenario valued on its own (§16); null without one.</summary>
    public Jobs.AutomationCase? Automation { get; init; }
    /// <summary>Who serves each of the item's markets and at what year-1 cost per unit (§15); empty without markets.</summary>
    public IReadOnlyList<MarketService> Markets { get; init; } = [];
}

/// <summary>
/// How completely an option's cost was assessed: of the factors that apply to it (all lines less those not applicable or included
/// in a supplier's price), how many were assessed in full, in part (some legs unpriced) or not at all.
/// </summary>
/// <param name="Assessed">Assessed in full.</param>
/// <param name="Partial">Assessed on part of their inputs.</param>
/// <param name="NotAssessed">Not assessed (counted as zero).</param>
public sealed record FactorCoverage(int Assessed, int Partial, int NotAssessed)
{
    /// <summary>Factors that apply.</summary>
    public int Applicable => Assessed + Partial + NotAssessed;
    /// <summary>Share of the applicable factors assessed, in full or in part (1 when none applies).</summary>
    public double Share => Applicable == 0 ? 1 : (double)(Assessed + Partial) / Applicable;

    /// <summary>The coverage of a year's lines.</summary>
    public static FactorCoverage Of(IEnumerable<CostLine> lines)
    {
        int full = 0, part = 0, none = 0;
        foreach (var l in lines)
        {
            if (l.Status == LineStatus.NotAssessed) none++;
            else if (l.Status == LineStatus.Assessed && l.Incomplete) part++;
            else if (l.Status == LineStatus.Assessed) full++;
        }
        return new FactorCoverage(full, part, none);
    }
}

/// <summary>One year of an option's business case.</summary>
public sealed record BusinessCaseYear
{
    /// <summary>Horizon year (0 = start).</summary>
    public required int Year { get; init; }
    /// <summary>Calendar year (year 0 carries the base year).</summary>
    public required int CalendarYear { get; init; }
    /// <summary>Units.</summary>
    public required double Volume { get; init; }
    /// <summary>TCO per unit in this year.</summary>
    public required double TcoPerUnit { get; init; }
    /// <summary>TCO in this year (including depreciation).</summary>
    public required double TcoPerYear { get; init; }
    /// <summary>Running cash cost: TCO less depreciation.</summary>
    public required double RunningCost { get; init; }
    /// <summary>One-off costs paid in the year.</summary>
    public required double OneOffCosts { get; init; }
    /// <summary>Incentives received in the year.</summary>
    public required double Incentives { get; init; }
    /// <summary>Residual book value of new assets, credited at the horizon's end.</summary>
    public required double ResidualValue { get; init; }
    /// <summary>Running + one-off − incentives − residual.</summary>
    public required double NetCost { get; init; }
    /// <summary>(1 + r)^−t.</summary>
    public required double DiscountFactor { get; init; }
    /// <summary>Net cost × discount factor.</summary>
    public required double PresentValue { get; init; }
    /// <summary>Status quo's cash cost minus this option's, this year (running + one-off − incentives; the residual value is not cash).</summary>
    public required double SavingVsStatusQuo { get; init; }
    /// <summary>Cumulative cash saving to the end of this year.</summary>
    public required double CumulativeSavingVsStatusQuo { get; init; }
    /// <summary>CO2e per unit, kg.</summary>
    public required double Co2eKgPerUnit { get; init; }
}
