using System.Globalization;
using Reshore.Core.Domain;
using Reshore.Core.Support;

namespace Reshore.Data.ReferenceData;

/// <summary>
/// Reads instruments.csv (the support instruments catalogue) and state_aid.csv (GBER, de minimis and general-measure rules). Both are
/// optional in a folder given with --reference-data; a user extends the catalogue by adding rows to a copy of the folder.
/// </summary>
public static class SupportData
{
    /// <summary>The catalogue file.</summary>
    public const string InstrumentsFile = "instruments.csv";
    /// <summary>The State-aid rules file.</summary>
    public const string StateAidFile = "state_aid.csv";

    /// <summary>The Flemish spearhead clusters by ecosystem.</summary>
    public const string ClustersFile = "spearhead_clusters.csv";

    /// <summary>Spearhead clusters by ecosystem (spearhead_clusters.csv, optional).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Clusters(Func<string, string?> read)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        if (read(ClustersFile) is not { } text) return result;
        foreach (var r in Csv.Parse(text, ClustersFile))
            result[r["ecosystem"]] = r["flemish_spearhead_clusters"].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return result;
    }

    /// <summary>The instruments by id; empty when the file is absent.</summary>
    public static IReadOnlyDictionary<string, SupportInstrument> Instruments(Func<string, string?> read)
    {
        var result = new Dictionary<string, SupportInstrument>(StringComparer.Ordinal);
        if (read(InstrumentsFile) is not { } text) return result;
        var line = 1;
        foreach (var r in Csv.Parse(text, InstrumentsFile))
        {
            line++;
            string Where(string column) => $"{InstrumentsFile}, row {line}, column {column}";
            var id = r["id"];
            if (id.Length == 0) throw new FormatException($"{Where("id")}: empty id.");
            if (result.ContainsKey(id)) throw new FormatException($"{Where("id")}: '{id}' appears twice.");
            var intensity = new Dictionary<FirmSize, double>();
            foreach (var (size, column) in new[] { (FirmSize.Small, "intensity_small_pct"), (FirmSize.Medium, "intensity_medium_pct"), (FirmSize.Large, "intensity_large_pct") })
                if (Num(r, column, Where) is { } v) intensity[size] = v;
            result[id] = new SupportInstrument
            {
                Id = id, Name = r["name"], Level = r["level"], Authority = r["authority"],
                Type = r["type"] switch
                {
                    "subsidy" => IncentiveType.Subsidy,
                    "taxCredit" => IncentiveType.TaxCredit,
                    var t => throw new FormatException($"{Where("type")}: '{t}' is not subsidy or taxCredit."),
                },
                CostBase = CostBase(r["cost_base"], Where("cost_base")),
                Sizes = r["sizes"].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => Size(s, Where("sizes"))).ToList(),
                Region = r["region"].Length > 0 ? r["region"] : throw new FormatException($"{Where("region")}: empty region."),
                LargeOnlyInAidAreas = Bool(r, "large_only_in_aid_areas", Where),
                IntensityPct = intensity,
                CeilingEur = Num(r, "ceiling_eur", Where),
                CeilingPer = r["ceiling_per"].Length > 0 ? r["ceiling_per"] : null,
                TaxRatePct = Num(r, "tax_rate_pct", Where),
                MinEligibleCostEur = Num(r, "min_eligible_cost_eur", Where),
                StateAidRules = r["state_aid_rule"].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                LocalContentCondition = Bool(r, "local_content_condition", Where),
                RelocationCondition = Bool(r, "relocation_condition", Where),
                Source = r["source"].Length > 0 ? r["source"] : throw new FormatException($"{Where("source")}: every instrument needs its source."),
                Year = Num(r, "year", Where) is { } y ? (int)y : null,
                Notes = r["notes"].Length > 0 ? r["notes"] : null,
            };
            if (result[id].Type == IncentiveType.TaxCredit && result[id].TaxRatePct is null)
                throw new FormatException($"{Where("tax_rate_pct")}: a tax credit (a deduction from taxable profit) needs the tax rate.");
        }
        return result;
    }

    /// <summary>The State-aid rules by id; empty when the file is absent.</summary>
    public static IReadOnlyDictionary<string, StateAidRule> Rules(Func<string, string?> read)
    {
        var result = new Dictionary<string, StateAidRule>(StringComparer.Ordinal);
        if (read(StateAidFile) is not { } text) return result;
        var line = 1;
        foreach (var r in Csv.Parse(text, StateAidFile))
        {
            line++;
            string Where(string column) => $"{StateAidFile}, row {line}, column {column}";
            var max = new Dictionary<FirmSize, double>();
            foreach (var (size, column) in new[] { (FirmSize.Small, "max_small_pct"), (FirmSize.Medium, "max_medium_pct"), (FirmSize.Large, "max_large_pct") })
                if (Num(r, column, Where) is { } v) max[size] = v;
            result[r["id"]] = new StateAidRule
            {
                Id = r["id"], Name = r["name"], Article = r["article"], CostBase = CostBase(r["cost_base"], Where("cost_base")),
                Area = r["aid_area"] switch
                {
                    "any" or "" => null,
                    "c" => AidArea.C,
                    "a" => AidArea.A,
                    var a => throw new FormatException($"{Where("aid_area")}: '{a}' is not any, c or a."),
                },
                MaxIntensityPct = max, NotificationThresholdEur = Num(r, "notification_threshold_eur", Where), AmountCeilingEur = Num(r, "amount_ceiling_eur", Where),
                Source = r["source"], Year = Num(r, "year", Where) is { } y ? (int)y : null, Notes = r["notes"].Length > 0 ? r["notes"] : null,
            };
        }
        return result;
    }

    private static AidCostBase CostBase(string text, string where) => text switch
    {
        "investment" => AidCostBase.Investment,
        "training" => AidCostBase.Training,
        "any" => AidCostBase.Any,
        _ => throw new FormatException($"{where}: '{text}' is not investment, training or any."),
    };

    private static FirmSize Size(string text, string where) => text switch
    {
        "small" => FirmSize.Small,
        "medium" => FirmSize.Medium,
        "large" => FirmSize.Large,
        _ => throw new FormatException($"{where}: '{text}' is not small, medium or large."),
    };

    private static bool Bool(IReadOnlyDictionary<string, string> r, string column, Func<string, string> where) => r[column] switch
    {
        "true" => true,
        "false" or "" => false,
        var v => throw new FormatException($"{where(column)}: '{v}' is not true or false."),
    };

    private static double? Num(IReadOnlyDictionary<string, string> r, string column, Func<string, string> where)
    {
        if (r[column].Length == 0) return null;
        return double.TryParse(r[column], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v
            : throw new FormatException($"{where(column)}: '{r[column]}' is not a number.");
    }
}
