using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Reshore.Core.Costing;
using Reshore.Core.Domain;
using Reshore.Core.Localization;

namespace Reshore.Data.Output;

/// <summary>
/// The stable JSON form of an evaluation (camelCase). Field names are a public contract: add fields, never rename.
/// </summary>
public static class EvaluationJson
{
    /// <summary>Serializer options shared by every JSON output.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Serializes an evaluation.</summary>
    public static string Serialize(CaseEvaluation e, CultureInfo culture) => JsonSerializer.Serialize(ToDocument(e, culture), Options);

    /// <summary>The JSON document as plain objects.</summary>
    public static object ToDocument(CaseEvaluation e, CultureInfo culture) => new
    {
        schemaVersion = 1,
        caseName = e.CaseName,
        company = e.Company,
        currency = e.Currency.Value,
        homeCountry = e.HomeCountry.Value,
        baseYear = e.BaseYear,
        horizonYears = e.HorizonYears,
        discountRatePct = e.DiscountRatePct,
        language = culture.TwoLetterISOLanguageName,
        referenceData = new { version = e.ReferenceDataVersion, asOf = e.ReferenceDataAsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
        items = e.Items.Select(i => new
        {
            id = i.Id,
            name = i.Name,
            annualVolumeUnits = i.AnnualVolumeUnits,
            statusQuoOptionId = i.StatusQuoOptionId,
            recommendedOptionId = i.RecommendedOptionId,
            recommendedOnHardCostsOnlyOptionId = i.RecommendedOnHardCostsOnlyOptionId,
            explanation = i.Explanation,
            drivers = i.Drivers.Take(3).Select(d => new { factor = d.Factor, name = d.Name, perUnitDifference = d.PerUnitDifference, presentValueDifference = d.PresentValueDifference, comparedWithOptionId = d.ComparedWithOptionId }),
            scorecard = i.Scorecard is { } sc ? Scorecard(sc) : null,
            options = i.Options.Select(o => new
            {
                id = o.Id,
                name = o.Name,
                country = o.Country.Value,
                governance = o.Governance,
                supplyType = o.SupplyType,
                locationClass = o.LocationClass,
                tcoPerUnit = o.TcoPerUnit,
                tcoPerYear = o.TcoPerYear,
                tcoPerUnitByKind = o.TcoPerUnitByKind.ToDictionary(k => JsonNamingPolicy.CamelCase.ConvertName(k.Key.ToString()), k => k.Value),
                tcoPerUnitByCategory = o.TcoPerUnitByCategory.ToDictionary(k => JsonNamingPolicy.CamelCase.ConvertName(k.Key.ToString()), k => k.Value),
                pvCost = o.PvCost,
                pvCostHardOnly = o.PvCostHardOnly,
                npvSavingVsStatusQuo = o.NpvSavingVsStatusQuo,
                paybackYears = o.PaybackYears,
                discountedPaybackYears = o.DiscountedPaybackYears,
                oneOffCostsTotal = o.OneOffCostsTotal,
                incentivesTotal = o.IncentivesTotal,
                co2eKgPerUnit = o.Co2eKgPerUnit,
                transportCo2eKgPerUnit = o.TransportCo2eKgPerUnit,
                productionCo2eKgPerUnit = o.ProductionCo2eKgPerUnit,
                leadTimeDays = o.LeadTimeDays,
                notAssessed = o.NotAssessed,
                defaultsUsed = o.DefaultsUsed.Select(Input),
                years = o.Years.Select(y => new
                {
                    year = y.Year, calendarYear = y.CalendarYear, volume = y.Volume, tcoPerUnit = y.TcoPerUnit, tcoPerYear = y.TcoPerYear,
                    runningCost = y.RunningCost, oneOffCosts = y.OneOffCosts, incentives = y.Incentives, residualValue = y.ResidualValue,
                    netCost = y.NetCost, discountFactor = y.DiscountFactor, presentValue = y.PresentValue,
                    savingVsStatusQuo = y.SavingVsStatusQuo, cumulativeSavingVsStatusQuo = y.CumulativeSavingVsStatusQuo, co2eKgPerUnit = y.Co2eKgPerUnit,
                }),
                lines = o.Lines.Select(l => new
                {
                    factor = l.Factor,
                    name = l.Label ?? FactorText.Name(l.Factor, culture),
                    category = l.Category,
                    kind = l.Kind,
                    perUnit = l.PerUnit,
                    perYear = l.PerYear,
                    formula = l.Formula,
                    inputs = l.Inputs.Select(Input),
                    assessed = l.Assessed,
                    status = l.Status,
                    note = l.Note,
                }),
            }),
        }),
    };

    /// <summary>The scorecard as plain objects.</summary>
    public static object Scorecard(Core.Scorecard.ItemScorecard sc) => new
    {
        weighting = new { method = sc.WeightingMethod, consistencyRatio = sc.ConsistencyRatio },
        criteria = sc.Criteria.Select(c => new { id = c.Id, name = c.Name, weight = c.Weight }),
        options = sc.Options.Select(o => new
        {
            id = o.OptionId, rank = o.Rank, weightedTotal = o.WeightedTotal,
            scores = o.Scores.Select(s => new { criterion = s.Criterion, score = s.Score, source = s.Source, value = s.Value, explanation = s.Explanation }),
        }),
        coverage = sc.Coverage,
        sensitivity = sc.Sensitivity is { } r ? new { criterion = r.Criterion, weightChange = r.WeightChange, newWeight = r.NewWeight, newTopOptionId = r.NewTopOptionId } : null,
        suitability = sc.Suitability,
        suitabilityExplanation = sc.SuitabilityExplanation,
        motives = sc.Motives.Select(m => new { id = m.Id, name = m.Name, context = m.Context, goal = m.Goal, quadrant = Reshore.Core.Scorecard.ReshoringMotives.Find(m.Id)?.Zone.ToString() }),
        barriers = sc.Barriers.Select(b => new { id = b.Id, name = b.Name, linkedTo = b.LinkedTo, open = b.Open }),
        openBarriers = sc.Barriers.Where(b => b.Open).Select(b => b.Id),
        alternatives = sc.AlternativesExplanation,
        warnings = sc.Warnings,
    };

    private static object Input(InputValue i) => new { name = i.Name, value = i.Value, unit = i.Unit, source = i.Source, isDefault = i.IsDefault };
}
