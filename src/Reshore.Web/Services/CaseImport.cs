using Reshore.Core.Validation;
using Reshore.Data.CaseFiles;
using Reshore.Persistence;

namespace Reshore.Web.Services;

/// <summary>Imports an uploaded case file (YAML or JSON); nothing is stored unless the whole case validates.</summary>
public static class CaseImport
{
    /// <summary>Largest upload accepted.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>Validates and stores the uploaded case; throws <see cref="CaseValidationException"/> with every problem.</summary>
    public static async Task<CaseRecord> ImportAsync(CaseStore store, Guid workspaceId, IFormFile file, string userName)
    {
        var name = Path.GetFileName(file.FileName);
        if (file.Length > MaxBytes) throw new CaseValidationException([new CaseError("$", "The file is larger than 10 MB.") { File = name }]);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (extension is not (".yaml" or ".yml" or ".json"))
            throw new CaseValidationException([new CaseError("$", "Expected a case file (.yaml, .yml or .json).") { File = name }]);
        using var reader = new StreamReader(file.OpenReadStream());
        var text = await reader.ReadToEndAsync();
        return await store.CreateAsync(workspaceId, text, CaseFileReader.FormatOf(name), name, userName);
    }
}
