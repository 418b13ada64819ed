using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Primitives;
using Reshore.Core.Domain;
using Reshore.Core.Scorecard;
using Reshore.Monitor;

namespace Reshore.Web.Services.Monitor;

/// <summary>
/// Query strings and JSON bodies of the monitor's pages and API: filters (<see cref="MonitorFilter"/>) from query parameters,
/// a case from a flat object whose properties are the columns of <see cref="MonitorColumns"/>, and the JSON shapes returned.
/// </summary>
public static class MonitorQuery
{
    /// <summary>Query parameters of a filter: each takes comma-separated values or repeats.</summary>
    public static IReadOnlyList<string> FilterParameters { get; } =
        ["status", "from", "to", "homeCountry", "origin", "destination", "sector", "sizeClass", "function", "governance", "type", "motive", "quadrant", "seed",
         "q", "direction", "region", "eurostatKind", "sort", "desc"];

    /// <summary>
    /// Reads a filter from query parameters: status, from and to (yyyy or yyyy-mm-dd; a year "to" means 31 December), homeCountry,
    /// origin, destination, sector (NACE code or section), sizeClass, function, governance, type, motive, quadrant, seed (true/false).
    /// Problems are keyed by parameter.
    /// </summary>
    public static MonitorFilter Filter(IQueryCollection query, Dictionary<string, string[]> problems)
    {
        List<string> Values(string name)
        {
            var key = query.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
            return key is null ? [] : query[key].SelectMany(v => (v ?? "").Split(',')).Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
        }
        HashSet<string>? Codes(string name, Func<string, string?> normalize, string expected)
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var v in Values(name))
            {
                if (normalize(v) is { } ok) set.Add(ok);
                else problems[name] = [.. problems.GetValueOrDefault(name) ?? [], $"'{v}' is not {expected}"];
            }
            return set.Count == 0 ? null : set;
        }
        HashSet<T>? Enums<T>(string name) where T : struct, Enum
        {
            var set = new HashSet<T>();
            foreach (var v in Values(name))
            {
                if (Enum.TryParse<T>(v, ignoreCase: true, out var e) && !int.TryParse(v, out _)) set.Add(e);
                else problems[name] = [.. problems.GetValueOrDefault(name) ?? [], $"'{v}' is not one of {string.Join(", ", Enum.GetNames<T>())}"];
            }
            return set.Count == 0 ? null : set;
        }
        DateOnly? Date(string name, bool end)
        {
            if (Values(name).LastOrDefault() is not { } v) return null;
            if (v.Length == 4 && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y >= 1) return end ? new DateOnly(y, 12, 31) : new DateOnly(y, 1, 1);
            if (DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            problems[name] = [$"'{v}' is not a year (yyyy) or a date (yyyy-mm-dd)"];
            return null;
        }
        static string? Location(string v) => MonitorLocations.IsLocation(MonitorLocations.Normalize(v)) ? MonitorLocations.Normalize(v) : null;
        static string? Sector(string v)
        {
            var t = v.Trim().ToUpperInvariant();
            return t.Length == 1 && t[0] is >= 'A' and <= 'U' ? t : NaceSectors.Normalize(v);
        }
        bool? seed = null;
        if (Values("seed").LastOrDefault() is { } s)
        {
            if (bool.TryParse(s, out var b)) seed = b;
            else problems["seed"] = [$"'{s}' is not true or false"];
        }
        return new MonitorFilter
        {
            Statuses = Enums<CaseStatus>("status"),
            From = Date("from", end: false),
            To = Date("to", end: true),
            HomeCountries = Codes("homeCountry", Location, "a country code"),
            Origins = Codes("origin", Location, "a country or region code"),
            Destinations = Codes("destination", Location, "a country code"),
            Sectors = Codes("sector", Sector, "a NACE section (A–U) or division (C10–C33)"),
            SizeClasses = Enums<CompanySizeClass>("sizeClass"),
            Functions = Enums<BusinessFunction>("function"),
            Governance = Enums<GovernanceModel>("governance"),
            Types = Enums<ReshoringType>("type"),
            Motives = Codes("motive", MotiveTaxonomy.Resolve, "a motive code"),
            Quadrants = Enums<MotiveZone>("quadrant"),
            IsSeed = seed,
            Directions = Enums<CaseDirection>("direction"),
            EurostatKinds = Enums<EurostatKind>("eurostatKind"),
            Regions = Codes("region", MonitorRegions.Normalize, "a region"),
            Text = Values("q").Count == 0 ? null : string.Join(" ", Values("q")),
        };
    }

    /// <summary>The dimensions asked for with by=… (comma-separated; none = all); unknown ones are problems.</summary>
    public static IReadOnlyList<string> Dimensions(string? by, Dictionary<string, string[]> problems)
    {
        if (string.IsNullOrWhiteSpace(by)) return MonitorStatistics.Dimensions;
        var asked = by.Split(',').Select(x => x.Trim()).Where(x => x.Length > 0).ToList();
        var bad = asked.Where(a => !MonitorStatistics.Dimensions.Contains(a, StringComparer.Ordinal)).ToList();
        if (bad.Count > 0) problems["by"] = [$"unknown dimension(s) {string.Join(", ", bad)}; dimensions: {string.Join(", ", MonitorStatistics.Dimensions)}"];
        return asked.Where(a => !bad.Contains(a)).ToList();
    }

    /// <summary>Statistics restricted to some dimensions.</summary>
    public static MonitorStatisticsResult Only(MonitorStatisticsResult result, IReadOnlyList<string> dimensions) =>
        result with { Counts = result.Counts.Where(kv => dimensions.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value) };

    /// <summary>
    /// A flat JSON object (properties = column names, case-insensitive; strings, numbers, booleans, or arrays for the
    /// ;-separated columns) as a row for <see cref="MonitorColumns.FromRow"/>. Unknown properties are problems.
    /// </summary>
    public static Dictionary<string, string?> Row(JsonElement body, Dictionary<string, string[]> problems)
    {
        var row = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (body.ValueKind != JsonValueKind.Object)
        {
            problems["$"] = ["send the case as a JSON object whose properties are the monitor's columns (company, homeCountry, origins, destination, …)"];
            return row;
        }
        foreach (var p in body.EnumerateObject())
        {
            var column = MonitorColumns.All.FirstOrDefault(c => string.Equals(c, p.Name, StringComparison.OrdinalIgnoreCase));
            if (column is null)
            {
                if (!string.Equals(p.Name, "comment", StringComparison.OrdinalIgnoreCase) && !string.Equals(p.Name, "createdBy", StringComparison.OrdinalIgnoreCase))
                    problems[p.Name] = [$"unknown field; fields: {string.Join(", ", MonitorColumns.All)}"];
                continue;
            }
            row[column] = Text(p.Value);
        }
        return row;
    }

    private static string? Text(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => v.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Array => string.Join(";", v.EnumerateArray().Select(Text)),
        _ => v.GetRawText(),
    };

    /// <summary>Field errors as a ValidationProblem dictionary.</summary>
    public static Dictionary<string, string[]> Problems(IEnumerable<MonitorError> errors) =>
        errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());

    /// <summary>A case as JSON: the columns (as in the CSV export, ;-lists as arrays) plus status label and owner.</summary>
    public static Dictionary<string, object?> Dto(MonitorCase c, bool withOwner)
    {
        var multi = new[] { MonitorColumns.Origins, MonitorColumns.Motives };
        var dto = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (k, v) in MonitorColumns.ToRow(c))
        {
            dto[k] = multi.Contains(k) ? v.Length == 0 ? Array.Empty<string>() : v.Split(';')
                : k is MonitorColumns.Version ? c.Version
                : k is MonitorColumns.Employees or MonitorColumns.Jobs ? (v.Length == 0 ? null : int.Parse(v, CultureInfo.InvariantCulture))
                : k is MonitorColumns.IsSeed ? c.IsSeed
                : v.Length == 0 ? null : v;
        }
        dto["sources"] = c.Sources;
        if (withOwner) dto["createdBy"] = c.CreatedBy;
        return dto;
    }

    /// <summary>An audit entry as JSON.</summary>
    public static object Dto(AuditEntry a, string? userName) => new
    {
        version = a.Version, userId = a.UserId, user = userName ?? a.UserId, role = a.Role.ToString(), at = a.At, action = a.Action.ToString(),
        from = a.From?.ToString(), to = a.To.ToString(), changes = a.Changes, comment = a.Comment,
    };

    /// <summary>A duplicate warning as JSON.</summary>
    public static object Dto(DuplicateMatch m) => new
    {
        caseId = m.Existing.Id, company = m.Existing.CompanyName, status = m.Existing.Status.ToString(), nameSimilarity = Math.Round(m.NameSimilarity, 3),
        sharedCountries = m.SharedCountries, daysApart = m.DaysApart, reasons = m.Reasons,
    };

    /// <summary>The workflow action named in a request: submit, publish, sendBack (or send-back), withdraw, republish.</summary>
    public static WorkflowAction? Action(string? text) =>
        (text ?? "").Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant() switch
        {
            "submit" => WorkflowAction.Submit,
            "publish" => WorkflowAction.Publish,
            "sendback" => WorkflowAction.SendBack,
            "withdraw" => WorkflowAction.Withdraw,
            "republish" => WorkflowAction.Republish,
            _ => null,
        };

    /// <summary>A filter's query string (for links that keep the filters).</summary>
    public static string KeepFilters(IQueryCollection query, params string[] except) =>
        string.Join("&", query.Where(kv => FilterParameters.Contains(kv.Key, StringComparer.OrdinalIgnoreCase) && !except.Contains(kv.Key, StringComparer.OrdinalIgnoreCase))
            .SelectMany(kv => kv.Value.Select(v => Uri.EscapeDataString(kv.Key) + "=" + Uri.EscapeDataString(v ?? ""))));

    internal static StringValues Get(IQueryCollection q, string key) => q.TryGetValue(key, out var v) ? v : StringValues.Empty;
}
