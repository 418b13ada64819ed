using System.Globalization;
using Reshore.Core.Localization;
using Reshore.Core.Scorecard;

namespace Reshore.Monitor;

/// <summary>
/// Motives of reshoring for the monitor, each in one quadrant of Eurofound's framework (context: external/internal × goal:
/// customer-perceived value/cost efficiency; Eurofound 2019, SERV study §2.2.1). The first 21 motives are the scorecard's
/// (<see cref="ScorecardEvaluator.MotiveCatalog"/>, same ids, labels and quadrants, listed by `reshore scorecard motives`);
/// the monitor adds the motives of the study's Flemish cases (§2.3.6) and Eurofound's "know-how and skills" that the scorecard
/// lacks. Quadrants of the added motives are our reading (Eurofound publishes no official code list; see docs/monitor.md).
/// </summary>
public static class MotiveTaxonomy
{
    // Eurofound (2019) most cited motives 2015–2018, in order: global reorganisation, delivery times, automation (51 cases),
    // poor quality (48), proximity to customers (43), "made in" (40), innovation (28), labour-cost gap (19), economic crisis (18).
    private static readonly string[] EurofoundMostCited =
        ["globalReorganisation", "deliveryTimes", "automation", "poorQuality", "customerProximity", "madeIn", "innovation", "labourCostGap", "economicCrisis"];

    // Scorecard motives that the study's driver list (§2.2.1) does not name.
    private static readonly HashSet<string> NotInStudy = ["rdProximity", "currency", "economicCrisis", "globalReorganisation", "supplyRisk"];

    private static readonly (string Code, MotiveContext Context, MotiveGoal Goal)[] Added =
    [
        ("knowHowSkills", MotiveContext.External, MotiveGoal.CustomerValue),
        ("qualityControl", MotiveContext.Internal, MotiveGoal.CustomerValue),
        ("flexibility", MotiveContext.Internal, MotiveGoal.CustomerValue),
        ("environmentalFootprint", MotiveContext.Internal, MotiveGoal.CustomerValue),
        ("ethics", MotiveContext.External, MotiveGoal.CustomerValue),
        ("localEconomy", MotiveContext.External, MotiveGoal.CustomerValue),
        ("overheadAndScale", MotiveContext.Internal, MotiveGoal.CostEfficiency),
        ("politicalInstability", MotiveContext.External, MotiveGoal.CostEfficiency),
    ];

    /// <summary>All motives, scorecard motives first.</summary>
    public static IReadOnlyList<Motive> All { get; } = Build();

    private static readonly Dictionary<string, Motive> ByCode = All.ToDictionary(m => m.Code, StringComparer.Ordinal);

    private static List<Motive> Build()
    {
        var list = new List<Motive>();
        foreach (var (id, context, goal) in ScorecardEvaluator.MotiveCatalog)
        {
            var rank = Array.IndexOf(EurofoundMostCited, id);
            list.Add(new Motive(id, context == "external" ? MotiveContext.External : MotiveContext.Internal,
                goal == "customerValue" ? MotiveGoal.CustomerValue : MotiveGoal.CostEfficiency, !NotInStudy.Contains(id), rank < 0 ? null : rank + 1));
        }
        foreach (var (code, context, goal) in Added)
            list.Add(new Motive(code, context, goal, code != "knowHowSkills", null));
        return list;
    }

    /// <summary>The motive with this code, or null.</summary>
    public static Motive? Find(string code) => ByCode.GetValueOrDefault(code);

    /// <summary>True when the code is a motive of the taxonomy (case-sensitive).</summary>
    public static bool IsKnown(string code) => ByCode.ContainsKey(code);

    /// <summary>Resolves a code case-insensitively (for imports); null when unknown.</summary>
    public static string? Resolve(string text) =>
        All.FirstOrDefault(m => string.Equals(m.Code, text.Trim(), StringComparison.OrdinalIgnoreCase))?.Code;

    /// <summary>The label of a motive in the culture; the code itself for an unknown code.</summary>
    public static string Label(CultureInfo culture, string code) => code switch
    {
        "knowHowSkills" => Text.Get(culture, "Mon_Motive_knowHowSkills", "know-how and skills (lacking abroad, available at home)"),
        "qualityControl" => Text.Get(culture, "Mon_Motive_qualityControl", "control over quality and product standards"),
        "flexibility" => Text.Get(culture, "Mon_Motive_flexibility", "flexibility (small series, volume and mix)"),
        "environmentalFootprint" => Text.Get(culture, "Mon_Motive_environmentalFootprint", "smaller ecological footprint (transport, recycling)"),
        "ethics" => Text.Get(culture, "Mon_Motive_ethics", "ethical problems at the offshore location"),
        "localEconomy" => Text.Get(culture, "Mon_Motive_localEconomy", "contribution to the local economy"),
        "overheadAndScale" => Text.Get(culture, "Mon_Motive_overheadAndScale", "lower overhead and economies of scale"),
        "politicalInstability" => Text.Get(culture, "Mon_Motive_politicalInstability", "political instability in the host country"),
        _ => ByCode.ContainsKey(code) ? Text.Get(culture, "Motive_" + code, code) : code,
    };

    /// <summary>The label of a quadrant in the culture.</summary>
    public static string QuadrantLabel(CultureInfo culture, MotiveQuadrant quadrant) => quadrant switch
    {
        MotiveQuadrant.ExternalCustomerValue => Text.Get(culture, "Mon_Quadrant_ExternalCustomerValue", "external × customer value"),
        MotiveQuadrant.ExternalCostEfficiency => Text.Get(culture, "Mon_Quadrant_ExternalCostEfficiency", "external × cost efficiency"),
        MotiveQuadrant.InternalCustomerValue => Text.Get(culture, "Mon_Quadrant_InternalCustomerValue", "internal × customer value"),
        _ => Text.Get(culture, "Mon_Quadrant_InternalCostEfficiency", "internal × cost efficiency"),
    };
}
