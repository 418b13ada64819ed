using Reshore.Core.Costing;
using Reshore.Core.Costing.Formulas;
using Reshore.Core.Domain;

namespace Reshore.Core.Support;

/// <summary>An incentive priced from a catalogue instrument (docs/model.md §21.1).</summary>
/// <param name="Instrument">The instrument.</param>
/// <param name="EligibleCost">Eligible cost E in the case currency.</param>
/// <param name="EligibleCostIsDefault">E was taken from the option's one-offs, not given.</param>
/// <param name="IntensityPct">The instrument's intensity for the firm's size, %.</param>
/// <param name="Amount">A = min(i E τ, C), in the case currency.</param>
/// <param name="Uncapped">i E τ before the ceiling.</param>
/// <param name="Capped">The ceiling bound.</param>
/// <param name="BelowEntryThreshold">E is below the instrument's minimum eligible cost.</param>
public sealed record InstrumentIncentive(SupportInstrument Instrument, double EligibleCost, bool EligibleCostIsDefault, double IntensityPct, double Amount,
    double Uncapped, bool Capped, bool BelowEntryThreshold);

/// <summary>Prices incentives that name a catalogue instrument.</summary>
public static class InstrumentAmounts
{
    /// <summary>One-off cost types that are investment in tangible and intangible assets (GBER art. 17(2)(a), art. 14(4)).</summary>
    public static IReadOnlySet<OneOffCostType> InvestmentTypes { get; } =
        new HashSet<OneOffCostType> { OneOffCostType.CapexBuilding, OneOffCostType.CapexMachines, OneOffCostType.CapexAutomation, OneOffCostType.ToolingTransfer };

    /// <summary>The firm's size class: support.firmSize (validated when an instrument is used).</summary>
    public static FirmSize SizeOf(ReshoringCase c) => c.Support?.FirmSize ?? FirmSize.Large;

    /// <summary>Σ of the option's one-offs of a cost base in the case currency (investment: capex, tooling transfer, automation capex; training: training; any: all).</summary>
    public static double EligibleOneOffs(CaseContext ctx, SourcingOption option, AidCostBase costBase) =>
        TransitionAmounts.OneOffCostsOf(option)
            .Where(c => costBase switch
            {
                AidCostBase.Investment => InvestmentTypes.Contains(c.Type),
                AidCostBase.Training => c.Type == OneOffCostType.Training,
                _ => true,
            })
            .Where(c => (c.Year ?? 0) <= ctx.Case.HorizonYears)
            .Sum(c => TransitionAmounts.OneOff(ctx, c, c.Year ?? 0));

    /// <summary>The firm and site may use the instrument: its size class, the assisted-area condition for large enterprises, and the region.</summary>
    public static bool IsOpenTo(CaseContext ctx, SupportInstrument instrument)
    {
        var size = SizeOf(ctx.Case);
        var area = ctx.Case.Support?.AidArea ?? AidArea.None;
        return instrument.Sizes.Contains(size)
               && !(size == FirmSize.Large && instrument.LargeOnlyInAidAreas && area == AidArea.None)
               && SupportAnalyzer.RegionMatches(instrument.Region, ctx.Case.Support?.Region ?? ctx.Home.Value, ctx.Home);
    }

    /// <summary>The incentive's value from its instrument, or null when it names none (or an instrument the reference data lack: the validator refuses that).</summary>
    public static InstrumentIncentive? Resolve(CaseContext ctx, SourcingOption option, Incentive incentive)
    {
        if (incentive.Instrument is not { } id || !ctx.Market.Instruments.TryGetValue(id, out var instrument)) return null;
        var year = Math.Max(1, incentive.Year ?? 0);
        var given = incentive.EligibleCost is { } e;
        var eligible = given ? ctx.ToCaseCurrency(incentive.EligibleCost!.Value, year) : EligibleOneOffs(ctx, option, instrument.CostBase);
        var intensity = IsOpenTo(ctx, instrument) && instrument.IntensityPct.TryGetValue(SizeOf(ctx.Case), out var i) ? i : 0;
        var taxRate = instrument.Type == IncentiveType.TaxCredit ? instrument.TaxRatePct / 100 : null;
        var uncapped = SupportFormulas.InstrumentAmount(intensity / 100, eligible, taxRate, null);
        var ceiling = instrument.CeilingEur is { } c ? ctx.FromEur(c, year) : (double?)null;
        var amount = SupportFormulas.InstrumentAmount(intensity / 100, eligible, taxRate, ceiling);
        var minimum = instrument.MinEligibleCostEur is { } m ? ctx.FromEur(m, year) : (double?)null;
        // Below the entry threshold the instrument is not granted: counted as 0 (and flagged), not as a subsidy the firm would not get.
        var below = minimum is { } min && eligible < min;
        return new InstrumentIncentive(instrument, eligible, !given, intensity, below ? 0 : amount, uncapped, !below && amount < uncapped - 1e-9, below);
    }
}
