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

/// <summary>The editor builds lists from nothing: items, options, legs, one-off costs, incentives, events, strategies.</summary>
public sealed class CaseFormAddTests
{
    [Fact]
    public void Lists_are_added_from_nothing_with_new_ids_and_removed_again()
    {
        var root = new JsonObject { ["name"] = "Frames" };
        Assert.Equal(["$.items"], CaseForm.Missing(root));
        root = CaseForm.Add(root, "$.items");
        Assert.Equal("item-1", root["items"]![0]!["id"]!.GetValue<string>());
        Assert.Empty(root["items"]![0]!["options"]!.AsArray());
        Assert.Contains("$.items[0].strategies", CaseForm.Missing(root));
        Assert.Contains("$.risk.events", CaseForm.Missing(root));
        root = CaseForm.Add(CaseForm.Add(root, "$.items[0].options"), "$.items[0].options");
        Assert.Equal(["option-1", "option-2"], root["items"]![0]!["options"]!.AsArray().Select(o => o!["id"]!.GetValue<string>()));
        // Lists inside an option are created with the objects above them; their entries have no id.
        root = CaseForm.Add(root, "$.items[0].options[1].logistics.legs");
        root = CaseForm.Add(root, "$.items[0].options[1].transition.oneOffCosts");
        root = CaseForm.Add(root, "$.items[0].options[1].transition.incentives");
        root = CaseForm.Add(root, "$.risk.events");
        var option = root["items"]![0]!["options"]![1]!;
        Assert.Equal("{}", option["logistics"]!["legs"]![0]!.ToJsonString());
        Assert.Single(option["transition"]!["oneOffCosts"]!.AsArray());
        Assert.Single(option["transition"]!["incentives"]!.AsArray());
        Assert.Equal("event-1", root["risk"]!["events"]![0]!["id"]!.GetValue<string>());
        Assert.DoesNotContain("$.risk.events", CaseForm.Missing(root));
        // A path that is not a list of records changes nothing.
        Assert.Equal(root.ToJsonString(), CaseForm.Add(root, "$.items[0].options[1].production.unitPrice").ToJsonString());
        Assert.Equal(root.ToJsonString(), CaseForm.Add(root, "$.noSuchList").ToJsonString());
        root = CaseForm.Remove(root, "$.items[0].options[1].logistics.legs", 0);
        Assert.Empty(root["items"]![0]!["options"]![1]!["logistics"]!["legs"]!.AsArray());
    }

    [Fact]
    public void The_catalogue_layout_shows_empty_lists_empty_fields_and_the_rows_of_every_entry_of_a_list()
    {
        var root = (JsonObject)JsonNode.Parse("""
            { "name": "Frames", "items": [ { "id": "frame", "options": [
                { "id": "tw", "logistics": { "legs": [ { "mode": "sea" }, {} ] } },
                { "id": "ec" } ] },
              { "id": "fork", "options": [] } ] }
            """)!;
        var layout = CaseForm.Layout(root, catalogue: true);
        // Fields the case does not have yet are offered empty, as text where the schema says text.
        Assert.Contains(layout.Fields, f => f.Path == "$.discountRatePct" && f.Value == "");
        var frame = layout.Children.Single(c => c.Path == "$.items[0]");
        Assert.Contains(frame.Fields, f => f.Path == "$.items[0].annualVolumeUnits" && f.Value == "");
        Assert.True(FieldHelp.IsText("$.items[0].hsCode"));
        Assert.False(FieldHelp.IsText("$.items[0].annualVolumeUnits"));
        var typed = CaseForm.Apply(root, new Dictionary<string, string> { ["$.items[0].hsCode"] = "871491", ["$.items[0].annualVolumeUnits"] = "12.000" }, new HashSet<string>(), System.Globalization.CultureInfo.GetCultureInfo("nl-BE"));
        Assert.Equal("871491", typed["items"]![0]!["hsCode"]!.GetValue<string>());
        Assert.Equal(12000, typed["items"]![0]!["annualVolumeUnits"]!.GetValue<long>());
        // The second leg, empty, has its rows, after the first leg's; the other option may add its first leg, not a third.
        var grid = frame.Children.Single(c => c.Path == "$.items[0].options").Grid!;
        Assert.Equal(2, grid.Lists[(0, "logistics.legs")]);
        Assert.Equal(0, grid.Lists[(1, "logistics.legs")]);
        var legRows = grid.Rows.Where(r => r.StartsWith("logistics.legs[", StringComparison.Ordinal)).ToList();
        Assert.Contains("logistics.legs[1].rate", legRows);
        Assert.True(legRows.FindLastIndex(r => r.StartsWith("logistics.legs[0]", StringComparison.Ordinal)) < legRows.FindIndex(r => r.StartsWith("logistics.legs[1]", StringComparison.Ordinal)));
        Assert.True(CaseForm.CanAdd(grid, 0, "logistics.legs[1].rate"));
        Assert.True(CaseForm.CanAdd(grid, 1, "logistics.legs[0].mode"));
        Assert.False(CaseForm.CanAdd(grid, 1, "logistics.legs[1].mode"));
        // An item without options has an empty grid to add them to.
        var fork = layout.Children.Single(c => c.Path == "$.items[1]");
        var empty = fork.Children.Single(c => c.Path == "$.items[1].options").Grid!;
        Assert.Empty(empty.Columns);
    }
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
