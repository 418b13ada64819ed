using System.Text.Json.Nodes;
using Reshore.Data.CaseFiles;

namespace Reshore.Excel;

/// <summary>A case imported from a workbook and validated.</summary>
/// <param name="Json">The case in the case-file format, as indented JSON.</param>
/// <param name="Document">The bound and validated case with its uncertain inputs.</param>
public sealed record ImportedCase(string Json, CaseDocument Document)
{
    /// <summary>The same case as YAML text (for a .yaml case file).</summary>
    public string ToYaml() => CaseYaml.Write(JsonNode.Parse(Json)!);
}
