using Reshore.Core.Validation;
using Reshore.Data.CaseFiles;
using Reshore.Excel;
using Reshore.Persistence;

namespace Reshore.Web.Services;

/// <summary>One import problem: where (sheet!cell, or file line:column) and what.</summary>
public sealed record ImportError(string Location, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Location}: {Message}";
}

/// <summary>An import that stored nothing, with every problem.</summary>
public sealed class CaseImportException(string fileName, IReadOnlyList<ImportError> errors) : Exception($"{errors.Count} problem(s) in {fileName}")
{
    /// <summary>The uploaded file's name.</summary>
    public string FileName { get; } = fileName;
    /// <summary>Every problem.</summary>
    public IReadOnlyList<ImportError> Errors { get; } = errors;
}

/// <summary>Imports an uploaded workbook or case file; nothing is stored unless the whole case validates.</summary>
public static class CaseImport
{
    /// <summary>
    /// Validates and stores the upload; throws <see cref="CaseImportException"/> with every problem. The file must not be larger
    /// than <see cref="ReshoreLimits.MaxUploadBytes"/>, and a workbook must keep to <see cref="ReshoreLimits.Workbook"/>.
    /// </summary>
    public static async Task<CaseRecord> ImportAsync(CaseStore store, CaseAnalysis analysis, Guid workspaceId, IFormFile file, string userName, ReshoreLimits limits) =>
        (await ImportOrUpdateAsync(store, analysis, workspaceId, file, userName, limits)).Record;

    /// <summary>
    /// As <see cref="ImportAsync"/>, but a workbook that carries the id of a case in this workspace (or any upload when
    /// <paramref name="intoCaseId"/> is given) updates that case as a new version instead of creating another case.
    /// </summary>
    public static async Task<CaseImportOutcome> ImportOrUpdateAsync(CaseStore store, CaseAnalysis analysis, Guid workspaceId, IFormFile file, string userName, ReshoreLimits limits, Guid? intoCaseId = null)
    {
        var name = Path.GetFileName(file.FileName);
        if (file.Length > limits.MaxUploadBytes) throw Single(name, $"The file is larger than {limits.MaxUploadBytes / (1024 * 1024):N0} MB.");
        var extension = Path.GetExtension(name).ToLowerInvariant();
        try
        {
            if (extension == ".xlsx")
            {
                await using var stream = file.OpenReadStream();
                var copy = new MemoryStream();
                await stream.CopyToAsync(copy);
                copy.Position = 0;
                var market = await store.MarketAsync(workspaceId);
                // The case id written in a template workbook names the case it came from; it must be in this workspace.
                var target = intoCaseId ?? (WorkbookCaseId(copy, limits.Workbook) is { } written ? written : null);
                var existing = target is { } t ? await store.FindAsync(t, workspaceId) : null;
                if (intoCaseId is not null && existing is null) throw Single(name, "The case to update does not exist in this workspace.");
                copy.Position = 0;
                ImportedCase imported;
                try
                {
                    imported = CaseWorkbook.Import(copy, name, market, existing?.Json, limits.Workbook);
                }
                catch (WorkbookImportException e)
                {
                    throw new CaseImportException(name, e.Errors.Select(x => new ImportError(x.Location, x.Message)).ToList());
                }
                if (existing is null)
                    return new CaseImportOutcome(await store.CreateAsync(workspaceId, imported.Json, CaseFormat.Json, name, userName, note: "import " + name), null);
                return await UpdateAsync(store, existing, imported.Json, CaseFormat.Json, name, userName);
            }
            if (extension is not (".yaml" or ".yml" or ".json")) throw Single(name, "Expected a workbook (.xlsx) or a case file (.yaml, .yml, .json).");
            using var reader = new StreamReader(file.OpenReadStream());
            var text = await reader.ReadToEndAsync();
            if (intoCaseId is { } into)
            {
                var current = await store.FindAsync(into, workspaceId) ?? throw Single(name, "The case to update does not exist in this workspace.");
                return await UpdateAsync(store, current, text, CaseFileReader.FormatOf(name), name, userName);
            }
            return new CaseImportOutcome(await store.CreateAsync(workspaceId, text, CaseFileReader.FormatOf(name), name, userName, note: "import " + name), null);
        }
        catch (CaseValidationException e)
        {
            throw new CaseImportException(name, e.Errors.Select(x => new ImportError(x.Line is { } l ? $"{name}:{l}:{x.Column} {x.Path}" : x.Path, x.Message)).ToList());
        }
    }

    private static async Task<CaseImportOutcome> UpdateAsync(CaseStore store, CaseRecord existing, string text, CaseFormat format, string name, string userName)
    {
        var previous = existing.Version;
        var outcome = await store.UpdateAsync(existing.Id, text, format, previous, userName, note: "import " + name);
        if (outcome.Conflict) throw Single(name, "Someone saved this case while the file was imported; nothing was stored. Import it again.");
        return new CaseImportOutcome(outcome.Record, previous);
    }

    /// <summary>The case id a template workbook carries, when it is a case id (a GUID).</summary>
    private static Guid? WorkbookCaseId(Stream workbook, Reshore.Data.Workbooks.WorkbookLimits limits)
    {
        try
        {
            return CaseWorkbook.CaseIdOf(workbook, limits) is { } text && Guid.TryParse(text, out var id) ? id : null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException or InvalidOperationException or ArgumentException
            or System.Xml.XmlException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or Reshore.Data.Workbooks.WorkbookRejectedException)
        {
            return null; // the import itself reports an unreadable or oversized file
        }
    }

    private static CaseImportException Single(string name, string message) => new(name, [new ImportError(name, message)]);
}

/// <summary>What an import did: the case stored, and the version it replaced when it updated an existing case (null when it created one).</summary>
public sealed record CaseImportOutcome(CaseRecord Record, int? PreviousVersion)
{
    /// <summary>True when an existing case was updated.</summary>
    public bool Updated => PreviousVersion is not null;
}
