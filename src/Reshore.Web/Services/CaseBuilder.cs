using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Reshore.Core.Costing;
using Reshore.Core.Localization;
using Reshore.Core.MarketData;
using Reshore.Core.Validation;
using Reshore.Core.Values;

namespace Reshore.Web.Services;

/// <summary>How a guided field is typed in.</summary>
public enum BuilderInput
{
    /// <summary>Free text.</summary>
    Text,
    /// <summary>A number in the user's language.</summary>
    Number,
    /// <summary>A country of the reference data (the workspace's included).</summary>
    Country,
    /// <summary>A currency of the reference data.</summary>
    Currency,
    /// <summary>Own plant or supplier.</summary>
    SupplyType,
    /// <summary>The governance model of an alternative.</summary>
    Governance,
    /// <summary>A transport mode.</summary>
    Mode,
    /// <summary>A lane of the reference data from the option's country.</summary>
    Lane,
    /// <summary>A kind of one-off cost.</summary>
    OneOffType,
}

/// <summary>A field of the guided builder: path relative to the case ("{o}" stands for the option's index), label key, unit and input kind.</summary>
/// <param name="Path">JSON path template.</param>
/// <param name="Key">Resource key of the label (Build_F_… with _Help for the help text).</param>
/// <param name="Label">English label.</param>
/// <param name="Help">English help text.</param>
/// <param name="Unit">Unit ("{cur}" is the case currency), or empty.</param>
/// <param name="Input">Input kind.</param>
/// <param name="Required">Required to go on.</param>
public sealed record BuilderField(string Path, string Key, string Label, string Help, string Unit, BuilderInput Input, bool Required = false)
{
    /// <summary>The path for option <paramref name="option"/>.</summary>
    public string For(int option) => Path.Replace("{o}", option.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    /// <summary>True for a per-option field.</summary>
    public bool PerOption => Path.Contains("{o}", StringComparison.Ordinal);
}

/// <summary>
/// The guided "new case from scratch" flow: product and volume → status quo → alternatives → logistics → one-off costs and incentives →
/// risk → done. A draft case (JSON) is carried from step to step; after the alternatives it validates as a whole case and is stored, and
/// each later step saves a new version. Nothing is stored while any field of the step is wrong.
/// </summary>
public static class CaseBuilder
{
    /// <summary>Step numbers.</summary>
    public const int Product = 1, StatusQuo = 2, Alternatives = 3, Logistics = 4, Transition = 5, Risk = 6, Done = 7;

    /// <summary>The first step after which the draft is a whole case that can be evaluated and is stored.</summary>
    public const int FirstStored = Alternatives;

    private const string Opt = "$.items[0].options[{o}].";

    private static readonly BuilderField[] OptionCore =
    [
        new(Opt + "name", "Build_F_OptionName", "Name", "How you call this source, e.g. \"Frame supplier, Taichung\" or \"Own line, Genk\".", "", BuilderInput.Text, Required: true),
        new(Opt + "country", "Build_F_Country", "Country", "Where it is made. Countries your workspace added to its reference data are listed too.", "", BuilderInput.Country, Required: true),
        new(Opt + "supplyType", "Build_F_SupplyType", "Own plant or outsourced", "A supplier is paid a unit price; an own plant's unit cost is built up from labour, materials, energy and overhead.", "", BuilderInput.SupplyType, Required: true),
        new(Opt + "production.unitPrice", "Build_F_UnitPrice", "Unit price (supplier)", "The price per unit the supplier charges, before transport and duties.", "{cur}/unit", BuilderInput.Number),
        new(Opt + "production.labourHoursPerUnit", "Build_F_LabourHours", "Labour hours per unit (own plant)", "Direct labour per unit at the site. The hourly labour cost comes from the reference data unless you give it.", "h/unit", BuilderInput.Number),
        new(Opt + "production.labourCostPerHour", "Build_F_LabourCost", "Labour cost per hour (own plant)", "Employer cost per hour worked. Leave empty to use the reference-data value for the country.", "{cur}/h", BuilderInput.Number),
        new(Opt + "production.materialCostPerUnit", "Build_F_Materials", "Materials per unit (own plant)", "Bought-in materials and components per unit.", "{cur}/unit", BuilderInput.Number),
        new(Opt + "production.overheadPct", "Build_F_Overhead", "Overhead (own plant)", "Plant overhead as a share of direct cost.", "%", BuilderInput.Number),
        new(Opt + "production.energyKwhPerUnit", "Build_F_Energy", "Electricity per unit", "Electricity used per unit: its cost (own plant, at the country's price) and its CO2e.", "kWh/unit", BuilderInput.Number),
    ];

    private static readonly BuilderField Governance =
        new(Opt + "governance", "Build_F_Governance", "Kind of move", "How the alternative differs from the status quo: back home in an own plant or with a supplier, or further abroad.", "", BuilderInput.Governance, Required: true);

    /// <summary>The fields of a step.</summary>
    public static IReadOnlyList<BuilderField> Fields(int step) => step switch
    {
        Product =>
        [
            new("$.name", "Build_F_CaseName", "Name of the case", "A title for the comparison, shown on the results and the report.", "", BuilderInput.Text, Required: true),
            new("$.items[0].name", "Build_F_Product", "Product", "The part or product whose sourcing you compare.", "", BuilderInput.Text, Required: true),
            new("$.items[0].annualVolumeUnits", "Build_F_Volume", "Annual volume", "Units needed in the first year.", "units/yr", BuilderInput.Number, Required: true),
            new("$.items[0].unitWeightKg", "Build_F_Weight", "Weight per unit", "Shipped weight per unit with packaging: drives freight and transport CO2e.", "kg", BuilderInput.Number),
            new("$.items[0].hsCode", "Build_F_HsCode", "HS code", "Customs code of the product (6 to 10 digits): drives import duties and CBAM.", "", BuilderInput.Text),
            new("$.items[0].sellingPricePerUnit", "Build_F_SellingPrice", "Selling price per unit", "What you sell it for: values lost sales in disruptions.", "{cur}/unit", BuilderInput.Number),
            new("$.homeCountry", "Build_F_HomeCountry", "Home country", "Where you sell and where reshored production would be.", "", BuilderInput.Country, Required: true),
            new("$.currency", "Build_F_Currency", "Currency", "Every result is in this currency; amounts in other currencies are converted at reference rates.", "", BuilderInput.Currency, Required: true),
            new("$.baseYear", "Build_F_BaseYear", "First year", "Calendar year of the first year of the comparison.", "", BuilderInput.Number, Required: true),
            new("$.horizonYears", "Build_F_Horizon", "Horizon", "How many years the business case covers.", "years", BuilderInput.Number, Required: true),
            new("$.discountRatePct", "Build_F_Discount", "Discount rate", "Your cost of capital (WACC), to discount future costs.", "%/yr", BuilderInput.Number, Required: true),
        ],
        StatusQuo => OptionCore,
        Alternatives => [.. OptionCore, Governance],
        Logistics =>
        [
            new(Opt + "logistics.legs[0].lane", "Build_F_Lane", "Lane", "A transport lane of the reference data from the option's country: distance, transit time, freight rate and their sources.", "", BuilderInput.Lane),
            new(Opt + "logistics.legs[0].mode", "Build_F_Mode", "Transport mode (without a lane)", "Only when no lane fits: the mode, with the distance below.", "", BuilderInput.Mode),
            new(Opt + "logistics.legs[0].distanceKm", "Build_F_Distance", "Distance (without a lane)", "Kilometres from the source to your site.", "km", BuilderInput.Number),
            new(Opt + "logistics.shipmentsPerYear", "Build_F_Shipments", "Shipments per year", "How often goods are shipped: drives handling, brokerage and cycle stock.", "/yr", BuilderInput.Number),
            new(Opt + "logistics.insuranceRatePct", "Build_F_Insurance", "Cargo insurance", "Insurance premium as a share of the goods' value.", "%", BuilderInput.Number),
        ],
        Transition =>
        [
            new(Opt + "transition.oneOffCosts[{n}].type", "Build_F_OneOffType", "One-off cost", "Investments and switching costs: machines, buildings, moving equipment, recruitment, training, ramp-up.", "", BuilderInput.OneOffType),
            new(Opt + "transition.oneOffCosts[{n}].amount", "Build_F_OneOffAmount", "Amount", "Paid at the start (year 0).", "{cur}", BuilderInput.Number),
            new(Opt + "transition.oneOffCosts[{n}].description", "Build_F_Description", "Description", "What it is for.", "", BuilderInput.Text),
            new(Opt + "transition.incentives[{n}].amount", "Build_F_Incentive", "Subsidy or incentive", "A grant towards the move, received at the start.", "{cur}", BuilderInput.Number),
            new(Opt + "transition.incentives[{n}].description", "Build_F_Description", "Description", "What it is for.", "", BuilderInput.Text),
        ],
        Risk =>
        [
            new(Opt + "risk.disruption.eventsPerYear", "Build_F_DisruptionRate", "Disruptions per year", "How often supply from this source stops (0.1 = once in ten years).", "/yr", BuilderInput.Number),
            new(Opt + "risk.disruption.durationWeeks", "Build_F_DisruptionWeeks", "Weeks per disruption", "How long supply stops each time.", "weeks", BuilderInput.Number),
            new(Opt + "risk.disruption.capacityLossPct", "Build_F_DisruptionLoss", "Supply lost during a disruption", "Share of supply that stops.", "%", BuilderInput.Number),
            new(Opt + "risk.currencyRiskPct", "Build_F_CurrencyRisk", "Currency risk premium", "Expected cost of exchange-rate swings on what is paid in foreign currency.", "%", BuilderInput.Number),
        ],
        _ => [],
    };

    /// <summary>The step's title.</summary>
    public static string Title(int step, CultureInfo c) => step switch
    {
        Product => Text.Get(c, "Build_Step1", "Product and volume"),
        StatusQuo => Text.Get(c, "Build_Step2", "Status quo"),
        Alternatives => Text.Get(c, "Build_Step3", "Alternatives"),
        Logistics => Text.Get(c, "Build_Step4", "Logistics"),
        Transition => Text.Get(c, "Build_Step5", "One-off costs and incentives"),
        Risk => Text.Get(c, "Build_Step6", "Risk"),
        _ => Text.Get(c, "Build_Step7", "Done"),
    };

    /// <summary>A new draft with the defaults a new case starts from (each shown with where it comes from).</summary>
    public static JsonObject NewDraft(int baseYear) => new()
    {
        ["schemaVersion"] = 1,
        ["name"] = "",
        ["homeCountry"] = "BE",
        ["currency"] = "EUR",
        ["baseYear"] = baseYear,
        ["horizonYears"] = 10,
        ["discountRatePct"] = 8,
        ["items"] = new JsonArray(new JsonObject { ["id"] = "product", ["name"] = "", ["options"] = new JsonArray(NewOption(true)) }),
    };

    private static JsonObject NewOption(bool statusQuo) => statusQuo
        ? new JsonObject { ["governance"] = "statusQuo", ["supplyType"] = "supplier" }
        : new JsonObject { ["supplyType"] = "supplier" };

    /// <summary>The options of the draft's item.</summary>
    public static JsonArray Options(JsonObject draft) => (JsonArray)draft["items"]![0]!["options"]!;

    /// <summary>Adds an empty alternative.</summary>
    public static void AddAlternative(JsonObject draft) => Options(draft).Add(NewOption(false));

    /// <summary>The option indexes a step shows.</summary>
    public static IEnumerable<int> OptionIndexes(int step, JsonObject draft) => step switch
    {
        StatusQuo => [0],
        Alternatives => Enumerable.Range(1, Math.Max(0, Options(draft).Count - 1)),
        Logistics or Transition or Risk => Enumerable.Range(0, Options(draft).Count),
        _ => [],
    };

    /// <summary>How many rows of one-off costs / incentives an option shows: those it has plus one empty row to add another.</summary>
    public static int Rows(JsonObject draft, int option, string list) =>
        ((Options(draft)[option]?["transition"]?[list] as JsonArray)?.Count ?? 0) + 1;

    /// <summary>
    /// Applies the submitted values of a step to a copy of the draft (numbers as typed in <paramref name="culture"/>), drops empty rows and
    /// objects, gives ids to the item and options, and fills in the governance of alternatives not set. Returns the copy and the problems of
    /// the step's own fields (required, not a number), each with its path.
    /// </summary>
    public static (JsonObject Draft, List<CaseError> Errors) Apply(JsonObject draft, int step, IEnumerable<KeyValuePair<string, string>> values, CultureInfo culture, CultureInfo ui)
    {
        var submitted = values.ToList();
        var fields = Fields(step);
        // A number field that was refused holds the refused text; it is typed afresh, not kept as text.
        var cleared = CaseForm.Apply(draft, submitted.Where(kv => fields.FirstOrDefault(f => Matches(f, kv.Key))?.Input == BuilderInput.Number)
            .Select(kv => KeyValuePair.Create(kv.Key, "")), new HashSet<string>(), culture);
        var edited = CaseForm.Apply(cleared, submitted, new HashSet<string>(), culture);
        Tidy(edited);
        var errors = new List<CaseError>();
        var paths = submitted.Select(kv => kv.Key).ToHashSet();
        foreach (var path in paths)
        {
            var template = fields.FirstOrDefault(f => Matches(f, path));
            if (template is null) continue;
            var node = Find(edited, path);
            if (template.Input == BuilderInput.Number && node is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String)
                errors.Add(new CaseError(path, Text.Format(ui, "Build_NotANumber", "\"{0}\" is not a number (write it as {1}).", v.ToString(), 1234.5.ToString("N1", culture))));
            else if (template.Required && (node is null || node.ToString().Trim().Length == 0))
                errors.Add(new CaseError(path, Text.Get(ui, "Build_Required", "This field is required.")));
        }
        if (step == Alternatives && Options(edited).Count < 2)
            errors.Add(new CaseError("$.items[0].options", Text.Get(ui, "Build_NeedAlternative", "Add at least one alternative to compare with the status quo.")));
        return (edited, errors);
    }

    private static bool Matches(BuilderField f, string path)
    {
        var pattern = "^" + System.Text.RegularExpressions.Regex.Escape(f.Path).Replace(@"\{o}", @"\d+", StringComparison.Ordinal).Replace(@"\{n}", @"\d+", StringComparison.Ordinal) + "$";
        return System.Text.RegularExpressions.Regex.IsMatch(path, pattern, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
    }

    /// <summary>The node at a path, or null.</summary>
    public static JsonNode? Find(JsonObject root, string path)
    {
        var steps = CaseForm.Parse(path);
        if (steps is null) return null;
        JsonNode? node = root;
        foreach (var s in steps)
            node = s switch { string k => (node as JsonObject)?[k], int i => node is JsonArray a && i < a.Count ? a[i] : null, _ => null };
        return node;
    }

    /// <summary>The text a field shows: the draft's value in the user's language, or empty.</summary>
    public static string Value(JsonObject draft, string path, CultureInfo culture) => Find(draft, path) switch
    {
        null => "",
        // A number made here (JsonValue.Create(2027)) converts only to its own type: read it through its JSON text.
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Number => LocalNumber.Format(double.Parse(v.ToJsonString(), CultureInfo.InvariantCulture), culture),
        JsonValue v => v.ToString(),
        var other => other.ToJsonString(),
    };

    // Empty rows and objects go (an incentive without an amount, a disruption without a rate), ids are made from names, and an alternative
    // without a governance model gets the one its country and supply type imply.
    private static void Tidy(JsonObject draft)
    {
        if (draft["items"]?[0] is not JsonObject item) return;
        item["id"] = Slug(item["name"]?.ToString(), "product");
        var options = Options(draft);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var home = draft["homeCountry"]?.ToString() ?? "";
        var statusQuoOwn = options.Count > 0 && options[0]?["supplyType"]?.ToString() == "ownPlant";
        for (var i = 0; i < options.Count; i++)
        {
            if (options[i] is not JsonObject o) continue;
            var id = Slug(o["name"]?.ToString(), $"option-{i + 1}");
            for (var n = 2; !used.Add(id); n++) id = $"{Slug(o["name"]?.ToString(), "option")}-{n}";
            o["id"] = id;
            if (i == 0) o["governance"] = "statusQuo";
            else if (o["governance"] is null || o["governance"]!.ToString() == "statusQuo")
                o["governance"] = GovernanceFor(home, o["country"]?.ToString() ?? "", statusQuoOwn, o["supplyType"]?.ToString() == "ownPlant");
            if (o["logistics"] is JsonObject logistics)
            {
                if (logistics["legs"] is JsonArray legs)
                {
                    for (var l = legs.Count - 1; l >= 0; l--)
                        if (legs[l] is not JsonObject leg || leg.Count == 0) legs.RemoveAt(l);
                        else if (leg["lane"] is not null) { leg.Remove("mode"); leg.Remove("distanceKm"); }
                    if (legs.Count == 0) logistics.Remove("legs");
                }
                if (logistics.Count == 0) o.Remove("logistics");
            }
            if (o["transition"] is JsonObject transition)
            {
                foreach (var list in new[] { "oneOffCosts", "incentives" })
                {
                    if (transition[list] is not JsonArray rows) continue;
                    for (var r = rows.Count - 1; r >= 0; r--)
                    {
                        if (rows[r] is not JsonObject row || row["amount"] is null) { rows.RemoveAt(r); continue; }
                        if (list == "incentives") row["type"] = "subsidy";
                        else row["type"] ??= "other";
                    }
                    if (rows.Count == 0) transition.Remove(list);
                }
                if (transition.Count == 0) o.Remove("transition");
            }
            if (o["risk"] is JsonObject risk)
            {
                if (risk["disruption"] is JsonObject d && d["eventsPerYear"] is null) risk.Remove("disruption");
                if (risk.Count == 0) o.Remove("risk");
            }
            if (o["production"] is JsonObject production && production.Count == 0) o.Remove("production");
        }
    }

    /// <summary>The governance model an alternative's country and supply type imply (from a status quo abroad).</summary>
    public static string GovernanceFor(string home, string country, bool statusQuoOwnPlant, bool ownPlant)
    {
        var near = country == home || CaseContext.NearshoreCountries.Contains(country);
        if (!near) return "offshoring";
        return (statusQuoOwnPlant, ownPlant) switch
        {
            (true, true) => "inHouseReshoring",
            (true, false) => "reshoringForOutsourcing",
            (false, true) => "reshoringForInsourcing",
            _ => "outsourcedReshoring",
        };
    }

    private static string Slug(string? name, string fallback)
    {
        var sb = new StringBuilder();
        foreach (var ch in (name ?? "").Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (char.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            if (ch is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(ch);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
            if (sb.Length >= 40) break;
        }
        var slug = sb.ToString().Trim('-');
        return slug.Length == 0 ? fallback : slug;
    }

    /// <summary>The reference-data default a field falls back to, with its source, or null.</summary>
    public static string? DefaultText(BuilderField field, JsonObject draft, int option, MarketSnapshot market, CultureInfo ui, CultureInfo culture)
    {
        var country = option >= 0 && option < Options(draft).Count ? Options(draft)[option]?["country"]?.ToString() : null;
        CountryProfile? profile = country is not null && CountryCode.TryParse(country, out var code) && market.Countries.TryGetValue(code, out var p) ? p : null;
        string Sourced(SourcedValue v, string unit) => Text.Format(ui, "Build_Default", "Default: {0} {1} — {2} ({3})", v.Value.ToString("G4", culture), unit, v.Source, v.Year);
        return field.Key switch
        {
            "Build_F_LabourCost" when profile?.LabourCostEurPerHour is { } w => Sourced(w, "EUR/h"),
            "Build_F_Energy" when profile?.ElectricityEurPerKwh is { } e => Text.Get(ui, "Build_ElectricityPrice", "Electricity price") + ": " + Sourced(e, "EUR/kWh"),
            "Build_F_HomeCountry" or "Build_F_Currency" or "Build_F_Horizon" or "Build_F_Discount" or "Build_F_BaseYear" =>
                Text.Get(ui, "Build_StarterValue", "Filled in as a starting value; change it to yours."),
            "Build_F_Lane" => Text.Get(ui, "Build_LaneDefault", "Distance, transit time and freight rate come from the lane, with their sources."),
            _ => null,
        };
    }

    /// <summary>The countries to choose from: the reference data's (the workspace's own included), by name in the user's language.</summary>
    public static IReadOnlyList<(string Code, string Name)> Countries(MarketSnapshot market, CultureInfo ui) =>
        market.Countries.Values.Select(c => (c.Code.Value, Name: CountryName(c, ui))).OrderBy(c => c.Name, StringComparer.Create(ui, true)).ToList();

    /// <summary>A country's name in the user's language; a country only the workspace knows keeps the name it was given.</summary>
    public static string CountryName(CountryProfile c, CultureInfo ui) =>
        IsoCountries.Names.ContainsKey(c.Code.Value) ? CountryText.Name(c.Code.Value, ui) : c.Name;

    /// <summary>The currencies to choose from.</summary>
    public static IReadOnlyList<(string Code, string Name)> Currencies(MarketSnapshot market, CultureInfo ui) =>
        market.Countries.Values.Select(c => c.Currency.Value).Append("EUR").Distinct()
            .Select(code => (code, CurrencyName(code, ui))).OrderBy(c => c.Item2, StringComparer.Create(ui, true)).ToList();

    /// <summary>A currency's name in the user's language (key Currency_{ISO}), or its code.</summary>
    public static string CurrencyName(string code, CultureInfo ui) => Text.Get(ui, "Currency_" + code, code);

    /// <summary>The lanes from <paramref name="country"/> (all lanes when it is not chosen yet).</summary>
    public static IReadOnlyList<Lane> Lanes(MarketSnapshot market, string? country) =>
        market.Lanes.Values.Where(l => string.IsNullOrEmpty(country) || l.Origin.Value == country).OrderBy(l => l.Id, StringComparer.Ordinal).ToList();
}
