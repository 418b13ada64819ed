using System.Globalization;
using System.Text;
using MiniExcelLibs;
using Reshore.Core.Screening;

namespace Reshore.Data.Screening;

/// <summary>Writes screening results as JSON documents, CSV or an Excel workbook.</summary>
public static class ScreeningOutput
{
    /// <summary>The JSON document (camelCase).</summary>
    public static object ToDocument(IReadOnlyList<ScreenedPart> parts, IReadOnlyList<RowError> rejected, int rowsRead, ScreeningOptions options) => new
    {
        schemaVersion = 1,
        home = options.Home.Value,
        candidates = options.Candidates.Select(c => c.Value),
        rowsRead,
        rowsScreened = rowsRead - rejected.Select(r => r.Row).Distinct().Count(),
        rowsRejected = rejected.Select(r => r.Row).Distinct().Count(),
        totalEstimatedAnnualSaving = parts.Sum(p => p.EstimatedAnnualSaving),
        parts = parts.Select(p => new
        {
            id = p.Part.Id,
            rank = p.Rank,
            description = p.Part.Description,
            currentCountry = p.Part.CurrentCountry.Value,
            bestLocation = p.BestLocation.Value,
            estimatedAnnualSaving = p.EstimatedAnnualSaving,
            currentAnnualCost = p.CurrentAnnualCost,
            currentLandedCostPerUnit = p.CurrentLandedCostPerUnit,
            bestLandedCostPerUnit = p.Best?.LandedCostPerUnit,
            suitability = p.Suitability,
            attractiveness = p.Attractiveness,
            leadTimeReductionDays = p.LeadTimeReductionDays,
            co2eChangeKgPerUnit = p.Co2eChangeKgPerUnit,
            reason = p.Reason,
            locations = p.Locations.Select(l => new { country = l.Country.Value, landedCostPerUnit = l.LandedCostPerUnit, annualSaving = l.AnnualSaving, leadTimeDays = l.LeadTimeDays, transportCo2eKgPerUnit = l.TransportCo2eKgPerUnit }),
        }),
        rejectedRows = rejected.Select(r => new { row = r.Row, column = r.Column, reason = r.Message }),
    };

    private static IEnumerable<Dictionary<string, object?>> Rows(IReadOnlyList<ScreenedPart> parts) => parts.Select(p => new Dictionary<string, object?>
    {
        ["rank"] = p.Rank,
        ["part_id"] = p.Part.Id,
        ["description"] = p.Part.Description,
        ["current_country"] = p.Part.CurrentCountry.Value,
        ["best_location"] = p.BestLocation.Value,
        ["estimated_annual_saving_eur"] = Math.Round(p.EstimatedAnnualSaving, 2),
        ["current_annual_cost_eur"] = Math.Round(p.CurrentAnnualCost, 2),
        ["suitability"] = p.Suitability is { } s ? Math.Round(s, 3) : null,
        ["attractiveness"] = Math.Round(p.Attractiveness, 3),
        ["lead_time_reduction_days"] = Math.Round(p.LeadTimeReductionDays, 1),
        ["co2e_change_kg_per_unit"] = Math.Round(p.Co2eChangeKgPerUnit, 4),
        ["reason"] = p.Reason,
    });

    /// <summary>CSV text, one row per part.</summary>
    public static string ToCsv(IReadOnlyList<ScreenedPart> parts)
    {
        var sb = new StringBuilder();
        var rows = Rows(parts).ToList();
        var header = rows.FirstOrDefault()?.Keys.ToList() ?? ["rank", "part_id"];
        sb.AppendLine(string.Join(',', header));
        foreach (var r in rows)
            sb.AppendLine(string.Join(',', header.Select(h => Field(r[h]))));
        return sb.ToString();
    }

    private static string Field(object? v)
    {
        var s = v switch { null => "", double d => d.ToString("R", CultureInfo.InvariantCulture), IFormattable f => f.ToString(null, CultureInfo.InvariantCulture), _ => v.ToString() ?? "" };
        return Output.CsvField.Escape(s);
    }

    /// <summary>Writes a workbook with sheets "ranking" and "rejected rows" to <paramref name="path"/> atomically.</summary>
    public static void WriteXlsx(string path, IReadOnlyList<ScreenedPart> parts, IReadOnlyList<RowError> rejected)
    {
        var temp = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp.xlsx");
        try
        {
            var sheets = new Dictionary<string, object>
            {
                ["ranking"] = Rows(parts).ToList(),
                ["rejected rows"] = rejected.Select(r => new Dictionary<string, object?> { ["row"] = r.Row, ["column"] = r.Column, ["reason"] = r.Message }).ToList(),
            };
            MiniExcel.SaveAs(temp, sheets);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
