using System.Text.Json.Nodes;
using Reshore.Web.Services;

namespace Reshore.Web.Tests;

/// <summary>The editor's model: layout by JSON path, typed application of submitted values, duplicate and remove.</summary>
public sealed class CaseFormTests
{
    private static JsonObject Case() => (JsonObject)JsonNode.Parse("""
        {
          "name": "Lamps", "horizonYears": 10, "dependencies": { "highRiskCountries": ["CN"] },
          "items": [ { "id": "a60", "hsCode": "940540", "options": [
              { "id": "cn", "production": { "unitPrice": 2.1 }, "transport": { "mode": "sea" } },
              { "id": "pl", "production": { "unitPrice": 2.6 } } ] } ]
        }
        """)!;

    [Fact]
    public void Layout_names_every_field_by_its_json_path_and_makes_grids_of_object_arrays()
    {
        var layout = CaseForm.Layout(Case());
        Assert.Contains(layout.Fields, f => f.Path == "$.name" && f.Value == "Lamps");
        Assert.Contains(layout.Fields, f => f.Path == "$.horizonYears" && f.Value == "10");
        var deps = layout.Children.Single(c => c.Path == "$.dependencies");
        Assert.Contains(deps.Fields, f => f.Path == "$.dependencies.highRiskCountries" && f.IsList && f.Value == "CN");
        // An item holds structured options, so it gets its own section, and its options a grid side by side.
        var item = layout.Children.Single(c => c.Path == "$.items[0]");
        Assert.Equal("items: a60", item.Title);
        Assert.Contains(item.Fields, f => f.Path == "$.items[0].hsCode" && f.Value == "940540");
        var options = item.Children.Single(c => c.Path == "$.items[0].options").Grid!;
        Assert.Equal(["cn", "pl"], options.Columns);
        Assert.Equal("$.items[0].options[1].production.unitPrice", options.Cells[(1, "production.unitPrice")].Path);
        Assert.Equal("2.6", options.Cells[(1, "production.unitPrice")].Value);
        Assert.True(CaseForm.CanAdd(options, 1, "transport.mode"));
    }

    [Fact]
    public void A_scalar_input_never_removes_a_distribution_and_no_empty_input_is_offered_over_one()
    {
        var events = (JsonObject)JsonNode.Parse("""
            { "risk": { "events": [
              { "id": "a", "durationWeeks": { "distribution": "triangular", "min": 2, "mode": 6, "max": 16 } },
              { "id": "b", "durationWeeks": 10 } ] } }
            """)!;
        var grid = CaseForm.Layout(events).Children.Single().Children.Single().Grid!;
        Assert.False(CaseForm.CanAdd(grid, 0, "durationWeeks"));
        var edited = CaseForm.Apply(events, new Dictionary<string, string> { ["$.risk.events[0].durationWeeks"] = "", ["$.risk.events[1].durationWeeks"] = "12" }, new HashSet<string>());
        Assert.Equal(6, edited["risk"]!["events"]![0]!["durationWeeks"]!["mode"]!.GetValue<int>());
        Assert.Equal(12, edited["risk"]!["events"]![1]!["durationWeeks"]!.GetValue<long>());
    }

    [Fact]
    public void Applied_values_keep_their_json_type_and_an_empty_field_removes_the_value()
    {
        var edited = CaseForm.Apply(Case(), new Dictionary<string, string>
        {
            ["$.items[0].options[0].production.unitPrice"] = "2.25",
            ["$.items[0].hsCode"] = "940541",
            ["$.horizonYears"] = "8",
            ["$.items[0].options[0].transport.mode"] = "",
            ["$.dependencies.highRiskCountries"] = "CN, RU",
            ["$.items[0].options[1].transport.mode"] = "road",
        }, new HashSet<string> { "$.dependencies.highRiskCountries" });
        Assert.Equal(2.25, edited["items"]![0]!["options"]![0]!["production"]!["unitPrice"]!.GetValue<double>());
        Assert.Equal("940541", edited["items"]![0]!["hsCode"]!.GetValue<string>());
        Assert.Equal(8, edited["horizonYears"]!.GetValue<long>());
        Assert.False(edited["items"]![0]!["options"]![0]!["transport"]!.AsObject().ContainsKey("mode"));
        Assert.Equal(["CN", "RU"], edited["dependencies"]!["highRiskCountries"]!.AsArray().Select(x => x!.GetValue<string>()));
        Assert.Equal("road", edited["items"]![0]!["options"]![1]!["transport"]!["mode"]!.GetValue<string>());
        Assert.Equal(2.1, Case()["items"]![0]!["options"]![0]!["production"]!["unitPrice"]!.GetValue<double>());
    }

    [Fact]
    public void Text_in_a_number_field_is_kept_as_text_so_validation_can_name_the_field()
    {
        var edited = CaseForm.Apply(Case(), new Dictionary<string, string> { ["$.horizonYears"] = "ten" }, new HashSet<string>());
        Assert.Equal("ten", edited["horizonYears"]!.GetValue<string>());
    }

    [Fact]
    public void Duplicate_gives_the_copy_a_new_id_and_remove_drops_the_element()
    {
        var twice = CaseForm.Duplicate(CaseForm.Duplicate(Case(), "$.items[0].options", 0), "$.items[0].options", 0);
        var ids = twice["items"]![0]!["options"]!.AsArray().Select(o => o!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(["cn", "cn-copy2", "cn-copy", "pl"], ids);
        var removed = CaseForm.Remove(twice, "$.items[0].options", 1);
        Assert.Equal(["cn", "cn-copy", "pl"], removed["items"]![0]!["options"]!.AsArray().Select(o => o!["id"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("$.a.b[2].c", new object[] { "a", "b", 2, "c" })]
    [InlineData("$.items[0].options[1]", new object[] { "items", 0, "options", 1 })]
    public void Paths_parse_into_steps(string path, object[] steps) => Assert.Equal(steps, CaseForm.Parse(path)!);

    [Theory]
    [InlineData("a.b")]
    [InlineData("$.a[x]")]
    [InlineData("$..a")]
    public void Malformed_paths_are_ignored(string path) => Assert.Null(CaseForm.Parse(path));
}

/// <summary>Field descriptions for the editor come from the case schema.</summary>
public sealed class FieldHelpTests
{
    [Theory]
    [InlineData("$.horizonYears", "Number of years of the business case.")]
    [InlineData("$.discountRatePct", "Nominal discount rate")]
    [InlineData("$.items[0].options[1].production.unitPrice", "price")]
    [InlineData("$.assumptions.wageGrowthPct.CN", "wage")]
    [InlineData("$.risk.events[2].durationWeeks", "")]
    public void Describes_fields_by_json_path(string path, string expected)
    {
        var text = Reshore.Web.Services.FieldHelp.Describe(path);
        Assert.NotNull(text);
        Assert.Contains(expected, text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Unknown_fields_have_no_description() => Assert.Null(Reshore.Web.Services.FieldHelp.Describe("$.noSuchField"));

    private static readonly System.Globalization.CultureInfo Dutch = System.Globalization.CultureInfo.GetCultureInfo("nl-BE");
    private static readonly System.Globalization.CultureInfo English = System.Globalization.CultureInfo.GetCultureInfo("en");

    [Theory]
    [InlineData("$.items[0].options[1].production.unitPrice", "Aankoopprijs")]
    [InlineData("$.items[0].options[0].logistics.legs[1].rateUnit", "perFeu")]
    [InlineData("$.risk.events[0].eventsPerYear", "gebeurtenissen per jaar")]
    [InlineData("$.items[0].options[0].risk.disruption.eventsPerYear", "verstoringen per jaar")]
    public void Describes_fields_in_dutch_by_the_record_that_declares_them(string path, string expected) =>
        Assert.Contains(expected, Reshore.Web.Services.FieldHelp.Describe(path, Dutch));

    /// <summary>
    /// Every field of the case schema (so every row of the editor's catalogue and every template row) has a Dutch label and a Dutch
    /// help text of its own: not the field's key, not the English words derived from it, not the English description.
    /// </summary>
    [Fact]
    public void Every_catalogue_field_has_a_dutch_label_and_help()
    {
        var schema = JsonNode.Parse(Reshore.Data.CaseFiles.CaseSchemaGenerator.Generate())!;
        var records = new List<(string Record, JsonObject Definition)> { ("ReshoringCase", schema.AsObject()) };
        records.AddRange(schema["$defs"]!.AsObject().Select(d => (d.Key, d.Value!.AsObject())));
        var missing = new List<string>();
        var fields = 0;
        foreach (var (record, definition) in records)
            foreach (var (key, property) in definition["properties"]!.AsObject())
            {
                fields++;
                var label = Reshore.Core.Localization.InputText.Field(key, Dutch);
                if (string.IsNullOrWhiteSpace(label) || label == key || label == Reshore.Core.Localization.InputText.Field(key, English)) missing.Add($"label {record}.{key}: '{label}'");
                var english = property!["description"]?.GetValue<string>() ?? "";
                var help = Reshore.Core.Localization.InputText.Help(record, key, english, Dutch);
                if (string.IsNullOrWhiteSpace(help) || help == key || help == english) missing.Add($"help {record}.{key}: '{help}'");
                // The English resource repeats the schema's description, so the two cannot drift apart.
                if (english.Length > 0) Assert.Equal(english, Reshore.Core.Localization.InputText.Help(record, key, "", English));
            }
        Assert.True(fields > 300, $"only {fields} fields found");
        Assert.True(missing.Count == 0, string.Join("\n", missing));
        // The editor's grids (options, items' lists, events) and their help in Dutch.
        foreach (var array in new[] { "$.items[0].options", "$.items[0].strategies", "$.risk.events", "$.items[0].markets" })
            foreach (var row in Reshore.Web.Services.FieldHelp.Catalogue(array))
            {
                var path = $"{array}[0].{row}";
                Assert.DoesNotContain(".min", path, StringComparison.Ordinal);
                Assert.NotEqual(Reshore.Web.Services.FieldHelp.Describe(path, English), Reshore.Web.Services.FieldHelp.Describe(path, Dutch));
            }
    }
}
