using System.Text.Json.Nodes;
using Reshore.Data.CaseFiles;

namespace Reshore.Excel;

/// <summary>A case imported from a workbook and validated.</summary>
/// <param name="Json">The case in the case-file format, as indented JSON.</param>
/// <param name="Document">The bound and validated case with its uncertain inputs.</param>
public sealed record ImportedCase(string Json, CaseDocument Document)
{
    /// <summary>The case id written in the workbook (template layout), when it was exported from a stored case.</summary>
    public string? CaseId { get; init; }

    /// <summary>The layout the workbook was in.</summary>
    public WorkbookLayout Layout { get; init; } = WorkbookLayout.Advanced;

    /// <summary>The same case as YAML text (for a .yaml case file).</summary>
    public string ToYaml() => CaseYaml.Write(JsonNode.Parse(Json)!);
}

/// <summary>The two workbook layouts of a case.</summary>
public enum WorkbookLayout
{
    /// <summary>One sheet per table of the case file, columns named by field path.</summary>
    Advanced,
    /// <summary>Factors as rows and options as columns (<see cref="CaseTemplate"/>).</summary>
    Template,
}
