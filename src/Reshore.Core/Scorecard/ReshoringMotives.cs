using System.Globalization;
using Reshore.Core.Localization;

namespace Reshore.Core.Scorecard;

/// <summary>
/// Where a motive sits in Eurofound's analytical framework of reshoring motives (Fratocchi et al. 2016, used by Eurofound 2019;
/// SERV study §2.2.1, its figure 3): four quadrants of context (external or internal factors) × strategic goal
/// (customer-perceived value or cost efficiency), and four hybrid zones on the borders between two quadrants, where a motive
/// belongs to both sides of one axis. The names are the keys of `monitor stats --by quadrant` and `scorecard motives`.
/// </summary>
public enum MotiveZone
{
    /// <summary>Quadrant 1: internal factors × customer-perceived value (proximity to customers, innovation).</summary>
    InternalCustomerValue,
    /// <summary>Quadrant 2: external factors × customer-perceived value ("made in", poor quality of offshored production).</summary>
    ExternalCustomerValue,
    /// <summary>Quadrant 3: external factors × cost efficiency (labour-cost gap, economic crisis).</summary>
    ExternalCostEfficiency,
    /// <summary>Quadrant 4: internal factors × cost efficiency (automation).</summary>
    InternalCostEfficiency,
    /// <summary>Hybrid zone between quadrants 1 and 2: customer-perceived value, driven by internal and external factors alike (delivery times).</summary>
    HybridCustomerValue,
    /// <summary>Hybrid zone between quadrants 3 and 4: cost efficiency, driven by internal and external factors alike (logistics costs).</summary>
    HybridCostEfficiency,
    /// <summary>Hybrid zone between quadrants 2 and 3: external factors that serve customer value and cost efficiency alike (supply and geopolitical risk).</summary>
    HybridExternal,
    /// <summary>Hybrid zone between quadrants 1 and 4: internal factors that serve customer value and cost efficiency alike (global reorganisation).</summary>
    HybridInternal,
}

/// <summary>
/// One motive of reshoring, shared by case files (the scorecard's checklist) and the reshoring monitor.
/// </summary>
/// <param name="Id">Stable id, used in case files, monitor records, imports and the API.</param>
/// <param name="Zone">Quadrant or hybrid zone of the framework.</param>
/// <param name="StudyLines">Where the SERV study names the motive (line ranges of its text), or null when only Eurofound or the literature does.</param>
/// <param name="EurofoundCases">Cases of the European Reshoring Monitor 2015–2018 citing the motive, as the study reports them (lines 584–608); null when the study gives no count.</param>
/// <param name="EurofoundTopThree">One of the three most cited motives 2015–2018 (study lines 538–542: global reorganisation, delivery times, automation).</param>
public sealed record ReshoringMotive(string Id, MotiveZone Zone, string? StudyLines, int? EurofoundCases = null, bool EurofoundTopThree = false)
{
    /// <summary>"external", "internal", or "external+internal" for the zones that span both.</summary>
    public string Context => Zone switch
    {
        MotiveZone.ExternalCustomerValue or MotiveZone.ExternalCostEfficiency or MotiveZone.HybridExternal => "external",
        MotiveZone.InternalCustomerValue or MotiveZone.InternalCostEfficiency or MotiveZone.HybridInternal => "internal",
        _ => "external+internal",
    };

    /// <summary>"customerValue", "costEfficiency", or "customerValue+costEfficiency" for the zones that span both.</summary>
    public string Goal => Zone switch
    {
        MotiveZone.ExternalCustomerValue or MotiveZone.InternalCustomerValue or MotiveZone.HybridCustomerValue => "customerValue",
        MotiveZone.ExternalCostEfficiency or MotiveZone.InternalCostEfficiency or MotiveZone.HybridCostEfficiency => "costEfficiency",
        _ => "customerValue+costEfficiency",
    };

    /// <summary>True when a hybrid zone, not a quadrant.</summary>
    public bool IsHybrid => Zone >= MotiveZone.HybridCustomerValue;

    /// <summary>True when the SERV study names the motive.</summary>
    public bool InStudy => StudyLines is not null;

    /// <summary>The label in the culture (en or nl).</summary>
    public string Label(CultureInfo culture) => Text.Get(culture, "Motive_" + Id, Id);
}

/// <summary>
/// The one list of reshoring motives for case files and the monitor. Placement follows the study: quadrant 2 (external ×
/// customer value) holds "made in" (40 cases) and poor quality of offshored production (48), quadrant 1 (internal × customer
/// value) proximity to customers (43) and innovation strategies (28), quadrant 3 the labour-cost gap (19) and the economic
/// crisis (18), quadrant 4 automation (51) (study lines 584–608). Global reorganisation and delivery times, cited more often than
/// automation (lines 538–542) yet not the top motive of any quadrant, sit in hybrid zones (lines 567–571). The study gives the
/// framework figure only as an image (figure 3, line 580): the zones of the motives it does not place in words are our reading,
/// and docs/monitor.md gives the reason for each.
/// </summary>
public static class ReshoringMotives
{
    /// <summary>All motives, in the order lists show them (by zone, the most cited first).</summary>
    public static IReadOnlyList<ReshoringMotive> All { get; } =
    [
        // Quadrant 1: internal × customer value.
        new("customerProximity", MotiveZone.InternalCustomerValue, "590–593, 2436–2438", EurofoundCases: 43),
        new("innovation", MotiveZone.InternalCustomerValue, "413–421, 590–593", EurofoundCases: 28),
        new("rdProximity", MotiveZone.InternalCustomerValue, "427–429, 451"),
        new("qualityControl", MotiveZone.InternalCustomerValue, "459–467, 2407–2409"),
        new("flexibility", MotiveZone.InternalCustomerValue, "425, 2462"),
        new("ownSustainableProduction", MotiveZone.InternalCustomerValue, "419–421"),
        new("environmentalFootprint", MotiveZone.InternalCustomerValue, "2409–2411, 2463"),
        // Quadrant 2: external × customer value.
        new("poorQuality", MotiveZone.ExternalCustomerValue, "586–588", EurofoundCases: 48),
        new("madeIn", MotiveZone.ExternalCustomerValue, "490–494, 586–588", EurofoundCases: 40),
        new("customisationDemand", MotiveZone.ExternalCustomerValue, "388–396"),
        new("sustainabilityDemand", MotiveZone.ExternalCustomerValue, "405–411"),
        new("knowHowSkills", MotiveZone.ExternalCustomerValue, "506–508, 2310–2312"),
        new("ipProtection", MotiveZone.ExternalCustomerValue, "502–506, 575"),
        new("ethics", MotiveZone.ExternalCustomerValue, "2381–2383"),
        new("localEconomy", MotiveZone.ExternalCustomerValue, "2464"),
        new("hostMarketPlant", MotiveZone.ExternalCustomerValue, "279–283"),
        // Quadrant 3: external × cost efficiency.
        new("labourCostGap", MotiveZone.ExternalCostEfficiency, "469–471, 604–606", EurofoundCases: 19),
        new("economicCrisis", MotiveZone.ExternalCostEfficiency, "514–522, 604–606", EurofoundCases: 18),
        new("energyCosts", MotiveZone.ExternalCostEfficiency, "37–39"),
        new("incentives", MotiveZone.ExternalCostEfficiency, "936"),
        new("tariffsAndTrade", MotiveZone.ExternalCostEfficiency, "500–502"),
        new("currency", MotiveZone.ExternalCostEfficiency, "965–967"),
        new("politicalInstability", MotiveZone.ExternalCostEfficiency, "510–512"),
        // Quadrant 4: internal × cost efficiency.
        new("automation", MotiveZone.InternalCostEfficiency, "480–488, 606–608", EurofoundCases: 51, EurofoundTopThree: true),
        new("hiddenCosts", MotiveZone.InternalCostEfficiency, "469–480"),
        new("coordination", MotiveZone.InternalCostEfficiency, "453–457"),
        new("overheadAndScale", MotiveZone.InternalCostEfficiency, "2336–2338"),
        new("idleHomeCapacity", MotiveZone.InternalCostEfficiency, "1285–1289"),
        // Hybrid zones.
        new("deliveryTimes", MotiveZone.HybridCustomerValue, "388–390, 540–542", EurofoundTopThree: true),
        new("logisticsCosts", MotiveZone.HybridCostEfficiency, "455–457, 2452–2454"),
        new("supplyRisk", MotiveZone.HybridExternal, "114–118"),
        new("geopoliticalRisk", MotiveZone.HybridExternal, "114–126"),
        new("hostInfrastructure", MotiveZone.HybridExternal, "37–39, 506–510"),
        new("globalReorganisation", MotiveZone.HybridInternal, "540–546", EurofoundTopThree: true),
    ];

    private static readonly Dictionary<string, ReshoringMotive> ById = All.ToDictionary(m => m.Id, StringComparer.Ordinal);
    private static readonly Dictionary<string, ReshoringMotive> ByIdIgnoreCase = All.ToDictionary(m => m.Id, StringComparer.OrdinalIgnoreCase);

    /// <summary>The motive with this id (case-sensitive), or null.</summary>
    public static ReshoringMotive? Find(string id) => ById.GetValueOrDefault(id);

    /// <summary>The id for a text, ignoring case and surrounding blanks; null when unknown.</summary>
    public static string? Resolve(string text) => ByIdIgnoreCase.GetValueOrDefault(text.Trim())?.Id;

    /// <summary>The label of a zone in the culture ("internal factors × customer-perceived value", "hybrid: …").</summary>
    public static string ZoneLabel(CultureInfo culture, MotiveZone zone) => zone switch
    {
        MotiveZone.InternalCustomerValue => Text.Get(culture, "Zone_InternalCustomerValue", "internal factors × customer-perceived value"),
        MotiveZone.ExternalCustomerValue => Text.Get(culture, "Zone_ExternalCustomerValue", "external factors × customer-perceived value"),
        MotiveZone.ExternalCostEfficiency => Text.Get(culture, "Zone_ExternalCostEfficiency", "external factors × cost efficiency"),
        MotiveZone.InternalCostEfficiency => Text.Get(culture, "Zone_InternalCostEfficiency", "internal factors × cost efficiency"),
        MotiveZone.HybridCustomerValue => Text.Get(culture, "Zone_HybridCustomerValue", "hybrid: customer-perceived value, internal and external factors"),
        MotiveZone.HybridCostEfficiency => Text.Get(culture, "Zone_HybridCostEfficiency", "hybrid: cost efficiency, internal and external factors"),
        MotiveZone.HybridExternal => Text.Get(culture, "Zone_HybridExternal", "hybrid: external factors, customer value and cost efficiency"),
        _ => Text.Get(culture, "Zone_HybridInternal", "hybrid: internal factors, customer value and cost efficiency"),
    };
}

/// <summary>A barrier to reshoring with where the SERV study names it.</summary>
/// <param name="Id">Stable id used in case files.</param>
/// <param name="StudyLines">Line ranges of the study's text.</param>
public sealed record ReshoringBarrier(string Id, string StudyLines)
{
    /// <summary>The label in the culture.</summary>
    public string Label(CultureInfo culture) => Text.Get(culture, "Barrier_" + Id, Id);
}

/// <summary>Barriers of reshoring: those of leaving a host country (study §4.1.2) and those of producing at home.</summary>
public static class ReshoringBarriers
{
    /// <summary>All barriers.</summary>
    public static IReadOnlyList<ReshoringBarrier> All { get; } =
    [
        new("labourContracts", "8640–8646"), new("ipInProcesses", "8648–8671"), new("movingEquipment", "8673–8681"), new("exitTaxes", "8683–8689"),
        new("timeToBuild", "8699–8711"), new("homeSkills", "8713–8717"), new("environmentalNorms", "8719–8725"), new("hostMarketSize", "8727–8741"),
        new("ecosystemTies", "8743–8754"), new("uncertainty", "8756–8758"),
        new("reshoringCosts", "8691–8697, 9936–9937"),
        new("narrowSupplierBase", "2103–2111, 2509–2513"),
        new("sunkCostsAndRelations", "1887–1907"),
        new("noMadeInPremium", "2177–2179"),
        new("labourShortage", "8618–8624"),
        new("missingProductExpertise", "2173–2177"),
        new("costVisibility", "9936–9938"),
    ];
}
