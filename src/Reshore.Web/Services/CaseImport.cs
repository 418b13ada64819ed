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
    public static async Task<CaseRecord> ImportAsync(CaseStore store, CaseAnalysis analysis, Guid workspaceId, IFormFile file, string userName, ReshoreLimits limits)
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
                ImportedCase imported;
                try
                {
                    imported = CaseWorkbook.Import(copy, name, await store.MarketAsync(workspaceId), limits.Workbook);
                }
                catch (WorkbookImportException e)
                {
                    throw new CaseImportException(name, e.Errors.Select(x => new ImportError(x.Location, x.Message)).ToList());
                }
                return await store.CreateAsync(workspaceId, imported.Json, CaseFormat.Json, name, userName);
            }
            if (extension is not (".yaml" or ".yml" or ".json")) throw Single(name, "Expected a workbook (.xlsx) or a case file (.yaml, .yml, .json).");
            using var reader = new StreamReader(file.OpenReadStream());
            var text = await reader.ReadToEndAsync();
            return await store.CreateAsync(workspaceId, text, CaseFileReader.FormatOf(name), name, userName);
        }
        catch (CaseValidationException e)
        {
            throw new CaseImportException(name, e.Errors.Select(x => new ImportError(x.Line is { } l ? $"{name}:{l}:{x.Column} {x.Path}" : x.Path, x.Message)).ToList());
        }
    }

    private static CaseImportException Single(string name, string message) => new(name, [new ImportError(name, message)]);
}
