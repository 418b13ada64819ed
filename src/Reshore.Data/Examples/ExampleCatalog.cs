namespace Reshore.Data.Examples;

/// <summary>A bundled example case.</summary>
/// <param name="Name">Short name used on the command line.</param>
/// <param name="FileName">File name.</param>
/// <param name="Title">One-line description.</param>
/// <param name="Text">The case file's text.</param>
public sealed record ExampleCase(string Name, string FileName, string Title, string Text)
{
    /// <summary>True for case files (YAML or JSON); false for other examples such as the parts list.</summary>
    public bool IsCase => FileName.EndsWith(".yaml", StringComparison.Ordinal) || FileName.EndsWith(".yml", StringComparison.Ordinal) || FileName.EndsWith(".json", StringComparison.Ordinal);
}

/// <summary>The example cases embedded from the repository's examples/ folder.</summary>
public static class ExampleCatalog
{
    private static readonly Lazy<IReadOnlyList<ExampleCase>> Examples = new(Load);

    /// <summary>All examples, by name.</summary>
    public static IReadOnlyList<ExampleCase> All => Examples.Value;

    /// <summary>The example with this name (or file name), or null.</summary>
    public static ExampleCase? Find(string name) =>
        All.FirstOrDefault(e => e.Name.Equals(name, StringComparison.OrdinalIgnoreCase) || e.FileName.Equals(name, StringComparison.OrdinalIgnoreCase));

    private static readonly Dictionary<string, string> DataTitles = new(StringComparer.Ordinal)
    {
        ["parts-list.csv"] = "Parts list: 2,400 synthetic parts for reshore screen",
        ["trade-baci-sample.csv"] = "Synthetic trade flows in BACI's layout for reshore dependencies trade",
        ["baci-country-codes.csv"] = "Country codes for the BACI sample (--country-codes)",
        ["hs6-ecosystems.csv"] = "HS6 → industrial ecosystem map for the BACI sample (--ecosystems)",
        ["ecosystem-parameters.csv"] = "Illustrative labour-cost shares, jobs and CO2e per million by ecosystem for reshore dependencies sectors (--parameters)",
    };

    private static List<ExampleCase> Load()
    {
        var assembly = typeof(ExampleCatalog).Assembly;
        var list = new List<ExampleCase>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("examples/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var text = reader.ReadToEnd();
            var fileName = resource["examples/".Length..];
            var title = DataTitles.TryGetValue(fileName, out var known) ? known
                : text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("name:", StringComparison.Ordinal))?["name:".Length..].Trim().Trim('"') ?? fileName;
            list.Add(new ExampleCase(Path.GetFileNameWithoutExtension(fileName), fileName, title, text));
        }
        return list;
    }
}
