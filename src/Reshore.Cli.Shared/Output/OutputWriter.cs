using System.Text;

namespace Reshore.Cli.Output;

/// <summary>Writes a result to standard output or, atomically, to a file: a failed run never leaves a half-written file.</summary>
public static class OutputWriter
{
    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> via a temporary file, or to <paramref name="stdout"/> when no path is given.</summary>
    public static void Write(string content, string? path, TextWriter stdout)
    {
        if (path is null)
        {
            stdout.Write(content);
            if (!content.EndsWith('\n')) stdout.WriteLine();
            return;
        }
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory)) throw new UserInputException($"The folder of --output does not exist: {directory}");
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temp, content, new UTF8Encoding(false));
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temp)) File.Delete(temp);
            throw new UserInputException($"Cannot write {full}: {e.Message}");
        }
    }
}
