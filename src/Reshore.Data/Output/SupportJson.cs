using Reshore.Core.Support;

namespace Reshore.Data.Output;

#pragma warning disable CS1591 // The fields are documented in docs/model.md §21; one comment per field would repeat them.

/// <summary>An item's support view in the evaluation JSON (items[].support). Field names are a public contract: add fields, never rename.</summary>
public sealed record SupportDocument(string Basis, string? FirmSize, string? Region, string AidArea, string? CheapestReshoringOption, double? IncentiveToFlip,
    IReadOnlyList<OptionSupportDocument> Options);

public sealed record OptionSupportDocument(string Option, bool IsReshoring, IReadOnlyList<IncentiveLineDocument> Incentives, double IncentivesPv, double PresentCost,
    string BestOtherOption, double IncentiveToFlip, double IncentiveToFlipAsYear1TaxCredit, double EligibleInvestment, double InvestmentAidGranted,
    double? IntensityToFlipPct, double? GberMaxInvestmentIntensityPct, AdditionalityDocument Additionality, IReadOnlyList<SupportFlagDocument> Flags);

public sealed record IncentiveLineDocument(int Index, string? Description, string? Instrument, string Type, int Year, double Amount, double PresentValue,
    double? EligibleCost, double? IntensityPct, bool Capped);

public sealed record AdditionalityDocument(string Status, double Needed, double Deadweight, double Shortfall);

public sealed record SupportFlagDocument(string Kind, string Severity, string Message, string? Path);

/// <summary>A catalogue instrument (reshore instruments --format json).</summary>
public sealed record InstrumentDocument(string Id, string Name, string Level, string Authority, string Type, string CostBase, IReadOnlyList<string> Sizes, string Region,
    bool LargeOnlyInAidAreas, double? IntensitySmallPct, double? IntensityMediumPct, double? IntensityLargePct, double? CeilingEur, string? CeilingPer,
    double? TaxRatePct, double? MinEligibleCostEur, IReadOnlyList<string> StateAidRules, bool LocalContentCondition, bool RelocationCondition,
    string Source, int? Year, string? Notes);

/// <summary>A State-aid rule (reshore instruments --format json, stateAidRules).</summary>
public sealed record StateAidRuleDocument(string Id, string Name, string Article, string CostBase, string AidArea, double? MaxSmallPct, double? MaxMediumPct,
    double? MaxLargePct, double? NotificationThresholdEur, double? AmountCeilingEur, string Source, int? Year, string? Notes);

/// <summary>Maps the support view and the catalogue to their documents.</summary>
public static class SupportJson
{
    private static string Camel(string s) => char.ToLowerInvariant(s[0]) + s[1..];

    public static SupportDocument? Support(ItemSupport? s) => s is null ? null : new(
        s.Basis, s.FirmSize is { } f ? Camel(f.ToString()) : null, s.Region, Camel(s.AidArea.ToString()), s.CheapestReshoringOptionId, s.IncentiveToFlip,
        s.Options.Select(o => new OptionSupportDocument(o.OptionId, o.IsReshoring,
            o.Incentives.Select(l => new IncentiveLineDocument(l.Index, l.Description, l.InstrumentId, Camel(l.Type.ToString()), l.Year, l.Amount, l.PresentValue,
                l.EligibleCost, l.IntensityPct, l.Capped)).ToList(),
            o.IncentivesPv, o.PresentCost, o.BestOtherOptionId, o.IncentiveToFlip, o.IncentiveToFlipAsYear1Credit, o.EligibleInvestment, o.InvestmentAidGranted,
            o.IntensityToFlipPct, o.GberMaxInvestmentIntensityPct,
            new AdditionalityDocument(Camel(o.Additionality.ToString()), o.AdditionalityNeeded, o.Deadweight, o.Shortfall),
            o.Flags.Select(f => new SupportFlagDocument(f.Kind, f.Severity, f.Message, f.Path)).ToList())).ToList());

    public static InstrumentDocument Instrument(SupportInstrument i) => new(
        i.Id, i.Name, i.Level, i.Authority, Camel(i.Type.ToString()), Camel(i.CostBase.ToString()), i.Sizes.Select(s => Camel(s.ToString())).ToList(), i.Region,
        i.LargeOnlyInAidAreas, i.IntensityPct.GetValueOrDefault(FirmSize.Small) is var s && i.IntensityPct.ContainsKey(FirmSize.Small) ? s : null,
        i.IntensityPct.ContainsKey(FirmSize.Medium) ? i.IntensityPct[FirmSize.Medium] : null,
        i.IntensityPct.ContainsKey(FirmSize.Large) ? i.IntensityPct[FirmSize.Large] : null,
        i.CeilingEur, i.CeilingPer, i.TaxRatePct, i.MinEligibleCostEur, i.StateAidRules, i.LocalContentCondition, i.RelocationCondition, i.Source, i.Year, i.Notes);

    public static StateAidRuleDocument Rule(StateAidRule r) => new(
        r.Id, r.Name, r.Article, Camel(r.CostBase.ToString()), r.Area is { } a ? Camel(a.ToString()) : "any",
        r.MaxIntensityPct.ContainsKey(FirmSize.Small) ? r.MaxIntensityPct[FirmSize.Small] : null,
        r.MaxIntensityPct.ContainsKey(FirmSize.Medium) ? r.MaxIntensityPct[FirmSize.Medium] : null,
        r.MaxIntensityPct.ContainsKey(FirmSize.Large) ? r.MaxIntensityPct[FirmSize.Large] : null,
        r.NotificationThresholdEur, r.AmountCeilingEur, r.Source, r.Year, r.Notes);
}
