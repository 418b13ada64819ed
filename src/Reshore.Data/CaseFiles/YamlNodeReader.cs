using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Reshore.Data.CaseFiles;

/// <summary>
/// Reads YAML into <see cref="CaseNode"/>s with line numbers. Plain scalars follow the YAML 1.2 core schema
/// (true/false, null/~, decimal numbers); quoted scalars are always strings; aliases repeat their anchor.
/// </summary>
public static partial class YamlNodeReader
{
    /// <summary>Parses <paramref name="text"/>; throws <see cref="CaseSyntaxException"/> on malformed YAML.</summary>
    public static CaseNode Read(string text)
    {
        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, CaseNode>(StringComparer.Ordinal);
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _)) throw new CaseSyntaxException("The file is empty.", 1, 1);
            parser.Consume<DocumentStart>();
            var node = ReadNode(parser, anchors);
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _)) throw new CaseSyntaxException("A case file holds one YAML document; found more.", (int)parser.Current!.Start.Line, (int)parser.Current.Start.Column);
            return node;
        }
        catch (YamlException e)
        {
            throw new CaseSyntaxException($"Invalid YAML: {e.Message}", (int)e.Start.Line, (int)e.Start.Column);
        }
    }

    private static CaseNode ReadNode(IParser parser, Dictionary<string, CaseNode> anchors)
    {
        var current = parser.Current ?? throw new CaseSyntaxException("Unexpected end of YAML.", null, null);
        var line = (int)current.Start.Line;
        var col = (int)current.Start.Column;
        CaseNode node;
        string? anchor = null;
        switch (current)
        {
            case Scalar s:
                parser.MoveNext();
                anchor = s.Anchor.IsEmpty ? null : s.Anchor.Value;
                node = new ScalarNode(s.Value, s.Style is ScalarStyle.Plain ? Classify(s.Value) : ScalarKind.String, line, col);
                break;
            case MappingStart m:
                parser.MoveNext();
                anchor = m.Anchor.IsEmpty ? null : m.Anchor.Value;
                var entries = new List<KeyValuePair<ScalarNode, CaseNode>>();
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var keyNode = ReadNode(parser, anchors);
                    if (keyNode is not ScalarNode key) throw new CaseSyntaxException("Mapping keys must be plain text.", keyNode.Line, keyNode.Column);
                    entries.Add(new(key, ReadNode(parser, anchors)));
                }
                node = new MappingNode(entries, line, col);
                break;
            case SequenceStart q:
                parser.MoveNext();
                anchor = q.Anchor.IsEmpty ? null : q.Anchor.Value;
                var items = new List<CaseNode>();
                while (!parser.TryConsume<SequenceEnd>(out _)) items.Add(ReadNode(parser, anchors));
                node = new SequenceNode(items, line, col);
                break;
            case AnchorAlias a:
                parser.MoveNext();
                return anchors.TryGetValue(a.Value.Value, out var target)
                    ? target
                    : throw new CaseSyntaxException($"Unknown alias *{a.Value}.", line, col);
            default:
                throw new CaseSyntaxException($"Unexpected YAML element {current.GetType().Name}.", line, col);
        }
        if (anchor is not null) anchors[anchor] = node;
        return node;
    }

    private static ScalarKind Classify(string plain)
    {
        if (plain is "" or "~" or "null" or "Null" or "NULL") return ScalarKind.Null;
        if (plain is "true" or "True" or "TRUE" or "false" or "False" or "FALSE") return ScalarKind.Boolean;
        return NumberPattern().IsMatch(plain) && double.TryParse(plain, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? ScalarKind.Number
            : ScalarKind.String;
    }

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex NumberPattern();
}
