using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Reshore.Web.Tests.Fuzz;

/// <summary>
/// Turns valid inputs into almost-valid and plainly broken ones, from a seeded <see cref="Random"/> (the same seed gives the
/// same inputs): text edits (values, brackets, tabs, anchors, deletions, duplications, truncation), edits of the JSON tree
/// (other types, huge and tiny numbers, removed and repeated entries), and edits of a workbook's XML parts and zip bytes.
/// </summary>
public sealed partial class Mutator(int seed)
{
    private readonly Random _random = new(seed);

    // Values that have broken parsers and validators somewhere: types, limits, YAML syntax, encodings, formulas.
    private static readonly string[] Tokens =
    [
        "", " ", "~", "null", "true", "no", "0", "-0", "-1", "1e999", "-1e999", "1e308", "4.9e-324", "NaN", ".inf", "-.inf", "0x1F", "1_000",
        "99999999999999999999999", "-2147483649", "2147483648", "9223372036854775808", "0.000000000001", "1,5", "12 EUR", "12 XYZ", "-5 USD",
        "\"\"", "''", "[]", "{}", "[1, 2", "{a: 1", "]", "}", "&a 1", "*a", "*nothing", "!!binary AAAA", "!foo", "%TAG ! x", "---", "...",
        "|", ">", "? x", ": x", "- ", "\t", "\t- x", "#", "\"unclosed", "'unclosed", "\\u0000", "\0", "\r", "\u2028", "Ω€😀", "\uFFFF",
        "=1+1", "@SUM(A1)", "+cmd", "-cmd", "<script>alert(1)</script>", "../../etc/passwd", "CN", "XX", "EUR", "usd", "2027", "1900",
        "3000", "sea", "air", "statusQuo", "triangular", "normal", "distribution", new string('x', 10_000), new string('[', 100), new string('9', 400),
    ];

    /// <summary>A random number in [0, max).</summary>
    public int Next(int max) => _random.Next(max);

    /// <summary>One of the items.</summary>
    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>A random token.</summary>
    public string Token() => _random.Next(10) == 0 ? RandomText(_random.Next(1, 40)) : Pick(Tokens);

    /// <summary>Text of random characters, control characters and non-ASCII included.</summary>
    public string RandomText(int length)
    {
        var sb = new StringBuilder(length);
        for (var i = 0; i < length; i++)
            sb.Append(_random.Next(8) switch
            {
                0 => (char)_random.Next(0, 32),
                1 => (char)_random.Next(0x80, 0x3000),
                _ => (char)_random.Next(32, 127),
            });
        return sb.ToString();
    }

    /// <summary>One to four text edits.</summary>
    public string MutateText(string text)
    {
        for (var n = 1 + _random.Next(4); n > 0; n--) text = EditText(text);
        return text;
    }

    private string EditText(string text)
    {
        if (text.Length == 0) return Token();
        var at = _random.Next(text.Length);
        var lines = text.Split('\n');
        switch (_random.Next(10))
        {
            case 0: // a value after "key: " replaced
            {
                var i = _random.Next(lines.Length);
                var colon = lines[i].IndexOf(": ", StringComparison.Ordinal);
                if (colon < 0) goto case 1;
                lines[i] = lines[i][..(colon + 2)] + Token();
                return string.Join('\n', lines);
            }
            case 1: return text.Insert(at, Token());
            case 2: return text.Remove(at, Math.Min(text.Length - at, 1 + _random.Next(40)));
            case 3: // a line repeated
            {
                var i = _random.Next(lines.Length);
                return string.Join('\n', lines.Take(i + 1).Append(lines[i]).Concat(lines.Skip(i + 1)));
            }
            case 4: // two lines swapped
            {
                int i = _random.Next(lines.Length), j = _random.Next(lines.Length);
                (lines[i], lines[j]) = (lines[j], lines[i]);
                return string.Join('\n', lines);
            }
            case 5: // indentation changed
            {
                var i = _random.Next(lines.Length);
                lines[i] = _random.Next(3) switch { 0 => "  " + lines[i], 1 => "\t" + lines[i], _ => lines[i].TrimStart() };
                return string.Join('\n', lines);
            }
            case 6: return text[..at];
            case 7: return text.Remove(at, 1).Insert(at, ((char)_random.Next(0, 128)).ToString());
            case 8: // a block repeated many times
            {
                var length = Math.Min(text.Length - at, 1 + _random.Next(200));
                return text.Insert(at, string.Concat(Enumerable.Repeat(text.Substring(at, length), 2 + _random.Next(50))));
            }
            default: return text.Insert(at, RandomText(1 + _random.Next(20)));
        }
    }

    /// <summary>One to three edits of a JSON tree: a value of another type or size, an entry removed or repeated.</summary>
    public JsonNode? MutateTree(JsonNode? root)
    {
        for (var n = 1 + _random.Next(3); n > 0; n--)
        {
            var nodes = new List<JsonNode>();
            Collect(root, nodes);
            if (nodes.Count == 0) return RandomValue();
            var target = Pick(nodes);
            var parent = target.Parent;
            switch (_random.Next(5))
            {
                case 0 when parent is JsonObject o:
                    o.Remove(target.GetPropertyName());
                    break;
                case 1 when parent is JsonArray a:
                    a.Add(target.DeepClone());
                    break;
                case 2 when target is JsonObject o:
                    o[_random.Next(3) == 0 ? RandomText(5) : Pick(["id", "country", "unitPrice", "distribution", "mode", "currency", "scenarios", "years", "shareOfVolume"])] = RandomValue();
                    break;
                default:
                    if (parent is null) return RandomValue();
                    target.ReplaceWith(RandomValue());
                    break;
            }
        }
        return root;
    }

    private static void Collect(JsonNode? node, List<JsonNode> into)
    {
        if (node is null) return;
        into.Add(node);
        if (node is JsonObject o) foreach (var (_, v) in o) Collect(v, into);
        if (node is JsonArray a) foreach (var v in a) Collect(v, into);
    }

    private JsonNode? RandomValue() => _random.Next(12) switch
    {
        0 => null,
        1 => JsonValue.Create(_random.Next(2) == 0),
        2 => JsonValue.Create(Pick([0, -1, 1, int.MaxValue, int.MinValue, 1e308, -1e308, 1e-300, 0.5, 100, 1e15, 1e300])),
        3 => JsonValue.Create(_random.Next(-1000, 100_000)),
        4 => new JsonArray(),
        5 => new JsonObject(),
        6 => new JsonArray(JsonValue.Create(Token())),
        7 => new JsonObject { ["distribution"] = Pick(["triangular", "normal", "lognormal", "uniform", "pert", "x"]), ["min"] = _random.Next(-5, 5), ["mode"] = _random.Next(-5, 5), ["max"] = _random.Next(-5, 5), ["mean"] = 1, ["sd"] = _random.Next(-1, 3) },
        _ => JsonValue.Create(Token()),
    };

    /// <summary>One to three edits of a workbook: a cell's value, an attribute, an element, a part removed, or the zip's bytes.</summary>
    public byte[] MutateWorkbook(byte[] workbook)
    {
        if (_random.Next(10) == 0) return MutateBytes(workbook);
        var parts = new List<(string Name, byte[] Bytes)>();
        using (var zip = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read))
            foreach (var entry in zip.Entries)
            {
                using var s = entry.Open();
                var copy = new MemoryStream();
                s.CopyTo(copy);
                parts.Add((entry.FullName, copy.ToArray()));
            }
        for (var n = 1 + _random.Next(3); n > 0; n--)
        {
            var xmlParts = parts.Select((p, i) => (p, i)).Where(x => x.p.Name.EndsWith(".xml", StringComparison.Ordinal)).ToList();
            var sheets = xmlParts.Where(x => x.p.Name.Contains("worksheets/", StringComparison.Ordinal) || x.p.Name.Contains("sharedStrings", StringComparison.Ordinal)).ToList();
            var (part, index) = sheets.Count > 0 && _random.Next(5) > 0 ? Pick(sheets) : Pick(xmlParts);
            if (_random.Next(30) == 0)
            {
                parts.RemoveAt(index);
                continue;
            }
            parts[index] = (part.Name, Encoding.UTF8.GetBytes(MutateXml(Encoding.UTF8.GetString(part.Bytes))));
        }
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, bytes) in parts)
            {
                using var s = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                s.Write(bytes);
            }
        return output.ToArray();
    }

    private string MutateXml(string xml)
    {
        switch (_random.Next(6))
        {
            case 0:
            case 1:
            case 2: // a cell value or a text replaced
            {
                var values = CellValue().Matches(xml);
                if (values.Count == 0) goto default;
                var m = values[_random.Next(values.Count)];
                var g = m.Groups["value"];
                return xml[..g.Index] + System.Security.SecurityElement.Escape(Token()) + xml[(g.Index + g.Length)..];
            }
            case 3: // an attribute value replaced (cell references, types, shared-string indexes)
            {
                var attributes = Attribute().Matches(xml);
                if (attributes.Count == 0) goto default;
                var g = attributes[_random.Next(attributes.Count)].Groups["value"];
                var value = Pick(["ZZZ99999", "A0", "1A", "", "s", "b", "e", "inlineStr", "str", "n", "-1", "999999", "A1048577", "XFE1", "0", Token()]);
                return xml[..g.Index] + System.Security.SecurityElement.Escape(value) + xml[(g.Index + g.Length)..];
            }
            case 4: // an element repeated or removed
            {
                var elements = Element().Matches(xml);
                if (elements.Count == 0) goto default;
                var m = elements[_random.Next(elements.Count)];
                return _random.Next(2) == 0 ? xml.Remove(m.Index, m.Length) : xml.Insert(m.Index, string.Concat(Enumerable.Repeat(m.Value, 1 + _random.Next(20))));
            }
            default:
                return MutateText(xml);
        }
    }

    /// <summary>A few random bytes changed, inserted or cut.</summary>
    public byte[] MutateBytes(byte[] bytes)
    {
        var list = bytes.ToList();
        for (var n = 1 + _random.Next(8); n > 0 && list.Count > 0; n--)
        {
            var at = _random.Next(list.Count);
            switch (_random.Next(3))
            {
                case 0: list[at] = (byte)_random.Next(256); break;
                case 1: list.Insert(at, (byte)_random.Next(256)); break;
                default: list.RemoveRange(at, Math.Min(list.Count - at, 1 + _random.Next(64))); break;
            }
        }
        return list.ToArray();
    }

    /// <summary>A JSON tree as block YAML (strings double-quoted as in JSON, which YAML reads the same way).</summary>
    public static string ToYaml(JsonNode? root)
    {
        var sb = new StringBuilder();
        Write(root, 0, sb);
        return sb.ToString();

        static void Write(JsonNode? node, int indent, StringBuilder sb)
        {
            var pad = new string(' ', indent);
            switch (node)
            {
                case JsonObject o when o.Count > 0:
                    foreach (var (key, value) in o)
                    {
                        sb.Append(pad).Append(System.Text.Json.JsonSerializer.Serialize(key)).Append(':');
                        Nested(value, indent, sb);
                    }
                    break;
                case JsonArray a when a.Count > 0:
                    foreach (var item in a)
                    {
                        sb.Append(pad).Append('-');
                        Nested(item, indent, sb);
                    }
                    break;
                default:
                    sb.Append(pad).Append(Scalar(node)).Append('\n');
                    break;
            }
        }

        static void Nested(JsonNode? value, int indent, StringBuilder sb)
        {
            if (value is JsonObject { Count: > 0 } or JsonArray { Count: > 0 })
            {
                sb.Append('\n');
                Write(value, indent + 2, sb);
            }
            else sb.Append(' ').Append(Scalar(value)).Append('\n');
        }

        static string Scalar(JsonNode? node) => node switch
        {
            null => "null",
            JsonObject => "{}",
            JsonArray => "[]",
            _ => node.ToJsonString(),
        };
    }

    [GeneratedRegex(@"<(?:x:)?(?:v|t)(?: [^>]*)?>(?<value>[^<]*)</")]
    private static partial Regex CellValue();

    [GeneratedRegex(@" (?:r|t|s|ref|sqref|r:id|name)=""(?<value>[^""]*)""")]
    private static partial Regex Attribute();

    [GeneratedRegex(@"<(?:x:)?(?:row|c|si|sheet|dataValidation|definedName)\b[^>]*?(?:/>|>.*?</(?:x:)?(?:row|c|si|sheet|dataValidation|definedName)>)", RegexOptions.Singleline)]
    private static partial Regex Element();
}
