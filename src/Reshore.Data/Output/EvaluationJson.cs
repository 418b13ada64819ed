using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Reshore.Core.Costing;
using Reshore.Core.Decision;
using Reshore.Core.Localization;

namespace Reshore.Data.Output;

/// <summary>
/// The stable JSON form of an evaluation (camelCase), as typed records (<see cref="EvaluationDocument"/>). Field names are a public contract:
/// add fields, never rename.
/// </summary>
public static class EvaluationJson
{
    /// <summary>Serializer options shared by every JSON output.</summary>
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions());

    /// <summary>Applies the conventions of every JSON output (camelCase, enums as camelCase strings, nulls written) to <paramref name="o"/>.</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions o)
    {
        o.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        o.WriteIndented = true;
        o.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        o.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        o.TypeInfoResolver = JsonTypeInfoResolver.Combine(OutputJsonContext.Default, ReflectionResolver());
        return o;
    }

    // Documents other than the generated ones (OutputJsonContext) are written by reflection; the native CLI writes only generated ones.
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The native CLI serialises only OutputJsonContext's documents.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "The native CLI serialises only OutputJsonContext's documents.")]
    private static DefaultJsonTypeInfoResolver ReflectionResolver() => new();

    /// <summary>Serializes an evaluation.</summary>
    public static string Serialize(CaseEvaluation e, CultureInfo culture) => JsonSerializer.Serialize(ToDocument(e, culture), TypeInfo<EvaluationDocument>());

    /// <summary>Serializes a simulation's document.</summary>
    public static string Serialize(SimulationDocument document) => JsonSerializer.Serialize(document, TypeInfo<SimulationDocument>());

    /// <summary>The serialisation contract of <typeparamref name="T"/> under <see cref="Options"/> (generated code for OutputJsonContext's documents).</summary>
    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    /// <summary>The JSON document.</summary>
    public static EvaluationDocument ToDocument(CaseEvaluation e, CultureInfo culture) => new(
        1, e.CaseName, e.Company, e.Currency.Value, e.HomeCountry.Value, e.BaseYear, e.HorizonYears, e.DiscountRatePct, culture.TwoLetterISOLanguageName,
        new ReferenceDataDocument(e.ReferenceDataVersion, e.ReferenceDataAsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        e.Items.Select(i => new ItemDocument(
            i.Id, i.Name, i.AnnualVolumeUnits, i.StatusQuoOptionId, i.RecommendedOptionId, i.RecommendedOnHardCostsOnlyOptionId, i.ComparedOptionId,
            i.Decision is { } d ? Decision(d, culture) : null, i.Explanation,
            i.Drivers.Take(3).Select(d => new DriverDocument(d.Factor, d.Name, d.PerUnitDifference, d.PresentValueDifference, d.ComparedWithOptionId)).ToList(),
            i.Scorecard is { } sc ? Scorecard(sc) : null,
            i.Options.Select(o => Option(o, culture)).ToList(), SupportJson.Support(i.Support))).ToList());

    /// <summary>The decision summary.</summary>
    public static DecisionDocument Decision(DecisionSummary d, CultureInfo culture) => new(
        d.VerdictOptionId, d.VerdictShares, d.VerdictBufferWeeks, d.Verdict, DecisionAnalyzer.Code(d.Basis), d.BasisReason,
        DecisionAnalyzer.Code(d.Confidence), DecisionAnalyzer.Label(d.Confidence, culture), d.ConfidenceReasons,
        new ConfidenceInputsDocument(d.ConfidenceInputs.SoftShare, d.ConfidenceInputs.SmallestFlipChange, d.ConfidenceInputs.ProbabilityCheapest, d.ConfidenceInputs.NotAssessedShare),
        d.Flips.Select(f => new FlipDocument(f.Kind, f.Input, f.Label, f.Current, f.FlipsAt, f.Option, f.OptionName, f.RelativeChange, f.Unit, f.Probability, f.Text)).ToList(),
        d.Views.Select(v => new ViewDocument(DecisionAnalyzer.Code(v.View), v.OptionId, v.Shares, v.BufferWeeks, v.Answer, v.Measure, v.Value, v.Agrees, v.IsBasis)).ToList(),
        d.Reconciliation, d.KeyFigures.Select(k => new KeyFigureDocument(k.Id, k.Label, k.Value, k.Text)).ToList(), d.Risks, d.OpenPoints);

    private static OptionDocument Option(OptionEvaluation o, CultureInfo culture) => new()
    {
        Id = o.Id, Name = o.Name, Country = o.Country.Value, Governance = Code(o.Governance), SupplyType = Code(o.SupplyType), LocationClass = Code(o.LocationClass),
        TcoPerUnit = o.TcoPerUnit, TcoPerYear = o.TcoPerYear,
        TcoPerUnitByKind = o.TcoPerUnitByKind.ToDictionary(k => JsonNamingPolicy.CamelCase.ConvertName(k.Key.ToString()), k => k.Value),
        TcoPerUnitByCategory = o.TcoPerUnitByCategory.ToDictionary(k => JsonNamingPolicy.CamelCase.ConvertName(k.Key.ToString()), k => k.Value),
        PvCost = o.PvCost, PvCostHardOnly = o.PvCostHardOnly, NpvSavingVsStatusQuo = o.NpvSavingVsStatusQuo, PaybackYears = o.PaybackYears,
        DiscountedPaybackYears = o.DiscountedPaybackYears, IrrPct = o.IrrPct, Payback = Payback(o.Payback), DiscountedPayback = Payback(o.DiscountedPayback), OneOffCostsTotal = o.OneOffCostsTotal, IncentivesTotal = o.IncentivesTotal,
        Co2eKgPerUnit = o.Co2eKgPerUnit, TransportCo2eKgPerUnit = o.TransportCo2eKgPerUnit, ProductionCo2eKgPerUnit = o.ProductionCo2eAssessed ? o.ProductionCo2eKgPerUnit : null,
        Co2eComplete = o.Co2eComplete, LeadTimeDays = o.LeadTimeKnown ? o.LeadTimeDays : null, NotAssessed = o.NotAssessed, PartiallyAssessed = o.PartiallyAssessed,
        Coverage = new CoverageDocument(o.Coverage.Assessed, o.Coverage.Partial, o.Coverage.NotAssessed, o.Coverage.Applicable, o.Coverage.Share), DefaultsUsed = o.DefaultsUsed.Select(Input).ToList(),
        Jobs = JobsJson.Jobs(o.Jobs), Automation = JobsJson.Automation(o.Automation), Markets = JobsJson.Markets(o.Markets),
        Years = o.Years.Select(y => new YearDocument(y.Year, y.CalendarYear, y.Volume, y.TcoPerUnit, y.TcoPerYear, y.RunningCost, y.OneOffCosts, y.Incentives,
            y.ResidualValue, y.NetCost, y.DiscountFactor, y.PresentValue, y.SavingVsStatusQuo, y.CumulativeSavingVsStatusQuo, y.Co2eKgPerUnit)).ToList(),
        Lines = o.Lines.Select(l => new LineDocument(l.Factor, l.Label ?? FactorText.Name(l.Factor, culture), Code(l.Category), Code(l.Kind), l.PerUnit, l.PerYear, l.Formula,
            l.Inputs.Select(Input).ToList(), l.Assessed, Code(l.Status), l.Note) { Incomplete = l.Incomplete, FixedPerUnit = l.FixedPerUnit }).ToList(),
    };

    private static PaybackDocument? Payback(Core.Costing.Formulas.PaybackResult? p) =>
        p is null ? null : new PaybackDocument(JsonNamingPolicy.CamelCase.ConvertName(p.Status.ToString()), p.Years, p.FirstRecoveryYears, p.LossFromYear);

    /// <summary>The scorecard.</summary>
    public static ScorecardDocument Scorecard(Core.Scorecard.ItemScorecard sc) => new(
        new WeightingDocument(sc.WeightingMethod, sc.ConsistencyRatio),
        sc.Criteria.Select(c => new CriterionDocument(c.Id, c.Name, c.Weight)).ToList(),
        sc.Options.Select(o => new ScorecardOptionDocument(o.OptionId, o.Rank, o.WeightedTotal,
            o.Scores.Select(s => new ScoreDocument(s.Criterion, s.Score, Code(s.Source), s.Value, s.Explanation)).ToList())).ToList(),
        sc.Coverage,
        sc.Sensitivity is { } r ? new SensitivityDocument(r.Criterion, r.WeightChange, r.NewWeight, r.NewTopOptionId) : null,
        sc.Suitability, sc.SuitabilityExplanation,
        sc.Motives.Select(m => new MotiveDocument(m.Id, m.Name, m.Context, m.Goal, Core.Scorecard.ReshoringMotives.Find(m.Id)?.Zone.ToString())).ToList(),
        sc.Barriers.Select(b => new BarrierDocument(b.Id, b.Name, b.LinkedTo, b.Open)).ToList(),
        sc.Barriers.Where(b => b.Open).Select(b => b.Id).ToList(), sc.AlternativesExplanation, sc.Warnings);

    /// <summary>An enumeration value as written in every JSON output: its camelCase name.</summary>
    public static string Code<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static InputDocument Input(InputValue i) => new(i.Name, i.Value, i.Unit, i.Source, i.IsDefault);
}
