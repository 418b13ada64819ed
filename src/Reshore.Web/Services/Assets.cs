using System.Reflection;

namespace Reshore.Web.Services;

/// <summary>The stylesheet and the small script, embedded in the assembly so the app runs from any host (CLI or web project).</summary>
public static class Assets
{
    private static readonly Dictionary<string, (byte[] Bytes, string Type)> Files = Load();

    private static Dictionary<string, (byte[], string)> Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var files = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("assets/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var file = name["assets/".Length..];
            files[file] = (copy.ToArray(), Path.GetExtension(file) switch { ".css" => "text/css", ".js" => "text/javascript", ".svg" => "image/svg+xml", _ => "application/octet-stream" });
        }
        return files;
    }

    /// <summary>Maps /assets/{file}, readable without login (no case data).</summary>
    public static void Map(WebApplication app) =>
        app.MapGet("/assets/{file}", (string file, HttpContext http) =>
        {
            if (!Files.TryGetValue(file, out var f)) return Results.NotFound();
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Bytes(f.Bytes, f.Type);
        }).AllowAnonymous().ExcludeFromDescription();
}
