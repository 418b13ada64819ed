using System.Text;
using System.Text.Json;

namespace Reshore.Data.CaseFiles;

/// <summary>
/// Reads JSON into <see cref="CaseNode"/>s with line numbers (comments and trailing commas allowed). The reader refuses nesting
/// deeper than <see cref="CaseFileLimits.MaxDepth"/>, which also bounds the recursion here.
/// </summary>
public static class JsonNodeReader
{
    /// <summary>Parses <paramref name="text"/>; throws <see cref="CaseSyntaxException"/> on malformed JSON.</summary>
    public static CaseNode Read(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++) if (bytes[i] == (byte)'\n') lineStarts.Add(i + 1);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = CaseFileLimits.MaxDepth });
        try
        {
            if (!reader.Read()) throw new CaseSyntaxException("The file is empty.", 1, 1);
            var node = ReadValue(ref reader, lineStarts);
            if (reader.Read()) throw new CaseSyntaxException("Unexpected content after the end of the JSON document.", Position(reader.TokenStartIndex, lineStarts).Line, null);
            return node;
        }
        catch (JsonException e)
        {
            throw new CaseSyntaxException($"Invalid JSON: {Clean(e.Message)}", (int?)e.LineNumber + 1, (int?)e.BytePositionInLine + 1);
        }
    }

    private static string Clean(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static (int Line, int Column) Position(long offset, List<int> lineStarts)
    {
        var index = lineStarts.BinarySearch((int)offset);
        if (index < 0) index = ~index - 1;
        return (index + 1, (int)offset - lineStarts[index] + 1);
    }

    private static CaseNode ReadValue(ref Utf8JsonReader reader, List<int> lineStarts)
    {
        var (line, col) = Position(reader.TokenStartIndex, lineStarts);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var entries = new List<KeyValuePair<ScalarNode, CaseNode>>();
                var keys = new Dictionary<string, ScalarNode>(StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var (kl, kc) = Position(reader.TokenStartIndex, lineStarts);
                    var key = new ScalarNode(reader.GetString()!, ScalarKind.String, kl, kc);
                    if (!keys.TryAdd(key.Text, key)) throw YamlNodeReader.DuplicateKey(key, keys[key.Text]);
                    reader.Read();
                    entries.Add(new(key, ReadValue(ref reader, lineStarts)));
                }
                return new MappingNode(entries, line, col);
            case JsonTokenType.StartArray:
                var items = new List<CaseNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) items.Add(ReadValue(ref reader, lineStarts));
                return new SequenceNode(items, line, col);
            case JsonTokenType.String:
                return new ScalarNode(reader.GetString()!, ScalarKind.String, line, col);
            case JsonTokenType.Number:
                return new ScalarNode(Encoding.UTF8.GetString(reader.ValueSpan), ScalarKind.Number, line, col);
            case JsonTokenType.True:
                return new ScalarNode("true", ScalarKind.Boolean, line, col);
            case JsonTokenType.False:
                return new ScalarNode("false", ScalarKind.Boolean, line, col);
            case JsonTokenType.Null:
                return new ScalarNode("null", ScalarKind.Null, line, col);
            default:
                throw new CaseSyntaxException($"Unexpected JSON token {reader.TokenType}.", line, col);
        }
    }
}
