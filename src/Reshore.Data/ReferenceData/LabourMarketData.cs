using System.Globalization;
using Reshore.Core.MarketData;
using Reshore.Core.Values;

namespace Reshore.Data.ReferenceData;

/// <summary>
/// Reads labour_market.csv (weekly hours of full-time work and job vacancy rates). The file is optional in a folder given with
/// --reference-data: without it the jobs view has no reference hours, and FTEs are shown only where the case gives jobs.hoursPerFte.
/// </summary>
public static class LabourMarketData
{
    /// <summary>File name.</summary>
    public const string File = "labour_market.csv";

    /// <summary>The rows by code; empty when the file is absent.</summary>
    public static IReadOnlyDictionary<string, LabourMarketProfile> Load(Func<string, string?> read)
    {
        if (read(File) is not { } text) return new Dictionary<string, LabourMarketProfile>();
        var result = new Dictionary<string, LabourMarketProfile>(StringComparer.Ordinal);
        foreach (var r in Csv.Parse(text, File))
        {
            var code = r["code"];
            result[code] = new LabourMarketProfile(code,
                Value(r, "weekly_hours_full_time", "hours_year", "hours_source"),
                r["hours_basis"].Length > 0 ? r["hours_basis"] : null,
                Value(r, "job_vacancy_rate_pct", "vacancy_period", "vacancy_source"));
        }
        return result;
    }

    private static SourcedValue? Value(IReadOnlyDictionary<string, string> r, string column, string period, string source)
    {
        if (r[column].Length == 0) return null;
        if (!double.TryParse(r[column], NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            throw new FormatException($"{File}: column {column} holds '{r[column]}', not a number.");
        var year = r[period].Length >= 4 && int.TryParse(r[period][..4], NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : (int?)null;
        return new SourcedValue(v, r[period].Length > 4 ? $"{r[source]} [{r[period]}]" : r[source], year);
    }
}
