using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Reshore.Data.CaseFiles;

/// <summary>
/// Reads YAML into <see cref="CaseNode"/>s with line numbers. Plain scalars follow the YAML 1.2 core schema
/// (true/false, null/~, decimal numbers); quoted scalars are always strings; aliases repeat their anchor.
/// </summary>
/// <remarks>
/// Untrusted text is read without recursion (an explicit stack), so no nesting can overflow the thread's stack; nesting
/// deeper than <see cref="CaseFileLimits.MaxDepth"/> (64, as for JSON) and aliases that would repeat more than
/// <see cref="CaseFileLimits.MaxAliasExpansion"/> values (the "billion laughs") are refused before anything is expanded.
/// </remarks>
public static partial class YamlNodeReader
{
    /// <summary>Parses <paramref name="text"/>; throws <see cref="CaseSyntaxException"/> on malformed YAML.</summary>
    public static CaseNode Read(string text)
    {
        var parser = new Parser(new StringReader(text));
        ParsingEvent? last = null;
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _)) throw new CaseSyntaxException("The file is empty.", 1, 1);
            parser.Consume<DocumentStart>();
            var node = ReadDocument(parser, ref last);
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _)) throw new CaseSyntaxException("A case file holds one YAML document; found more.", (int)parser.Current!.Start.Line, (int)parser.Current.Start.Column);
            return node;
        }
        catch (YamlException e)
        {
            var (line, column) = e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) ? TabPosition(text, (int)e.Start.Line) ?? ((int)e.Start.Line, (int)e.Start.Column) : ((int)e.Start.Line, (int)e.Start.Column);
            throw new CaseSyntaxException($"Invalid YAML: {e.Message}", line, column);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way when a flow collection ({…} or […]) is left open and the text drops back to a
            // lower indentation: name the bracket that was never closed.
            if (UnclosedBracket(text) is { } b)
                throw new CaseSyntaxException($"Invalid YAML: the '{b.Bracket}' at line {b.Line}, column {b.Column} is never closed with '{(b.Bracket == '{' ? '}' : ']')}'.", b.Line, b.Column);
            var at = last?.End;
            throw new CaseSyntaxException("Invalid YAML after this point.", at is null ? 1 : (int)at.Value.Line, at is null ? 1 : (int)at.Value.Column);
        }
    }

    // One open mapping or sequence: its entries so far, the key waiting for its value, and the number of values it holds
    // with aliases expanded (to bound the expansion).
    private sealed class Frame(bool mapping, string? anchor, int line, int column)
    {
        public bool Mapping { get; } = mapping;
        public string? Anchor { get; } = anchor;
        public int Line { get; } = line;
        public int Column { get; } = column;
        public List<KeyValuePair<ScalarNode, CaseNode>> Entries { get; } = [];
        public List<CaseNode> Items { get; } = [];
        public ScalarNode? PendingKey { get; set; }
        public Dictionary<string, ScalarNode> Keys { get; } = new(StringComparer.Ordinal);
        public long ExpandedSize { get; set; } = 1;
    }

    private static CaseNode ReadDocument(IParser parser, ref ParsingEvent? last)
    {
        var open = new Stack<Frame>();
        var anchors = new Dictionary<string, (CaseNode Node, long Size)>(StringComparer.Ordinal);
        long aliasExpansion = 0;
        while (true)
        {
            var current = parser.Current ?? throw new CaseSyntaxException("Unexpected end of YAML.", null, null);
            last = current;
            var line = (int)current.Start.Line;
            var col = (int)current.Start.Column;
            CaseNode node;
            long size;
            switch (current)
            {
                case Scalar s:
                    parser.MoveNext();
                    node = new ScalarNode(s.Value, s.Style is ScalarStyle.Plain ? Classify(s.Value) : ScalarKind.String, line, col);
                    size = 1;
                    if (!s.Anchor.IsEmpty) anchors[s.Anchor.Value] = (node, size);
                    break;
                case MappingStart m:
                    Open(open, new Frame(true, m.Anchor.IsEmpty ? null : m.Anchor.Value, line, col));
                    parser.MoveNext();
                    continue;
                case SequenceStart q:
                    Open(open, new Frame(false, q.Anchor.IsEmpty ? null : q.Anchor.Value, line, col));
                    parser.MoveNext();
                    continue;
                case MappingEnd or SequenceEnd:
                    parser.MoveNext();
                    var done = open.Pop();
                    node = done.Mapping ? new MappingNode(done.Entries, done.Line, done.Column) : new SequenceNode(done.Items, done.Line, done.Column);
                    size = done.ExpandedSize;
                    if (done.Anchor is not null) anchors[done.Anchor] = (node, size);
                    break;
                case AnchorAlias a:
                    parser.MoveNext();
                    if (!anchors.TryGetValue(a.Value.Value, out var target)) throw new CaseSyntaxException($"Unknown alias *{a.Value}.", line, col);
                    (node, size) = target;
                    aliasExpansion += size;
                    if (aliasExpansion > CaseFileLimits.MaxAliasExpansion)
                        throw new CaseSyntaxException($"The aliases (*{a.Value} and others) repeat more than {CaseFileLimits.MaxAliasExpansion:N0} values; write the values out instead.", line, col);
                    break;
                default:
                    throw new CaseSyntaxException($"Unexpected YAML element {current.GetType().Name}.", line, col);
            }
            if (open.Count == 0) return node;
            var parent = open.Peek();
            parent.ExpandedSize += size;
            if (!parent.Mapping) parent.Items.Add(node);
            else if (parent.PendingKey is { } pending)
            {
                parent.Entries.Add(new(pending, node));
                parent.PendingKey = null;
            }
            else
            {
                var key = node as ScalarNode ?? throw new CaseSyntaxException("Mapping keys must be plain text.", node.Line, node.Column);
                if (!parent.Keys.TryAdd(key.Text, key)) throw DuplicateKey(key, parent.Keys[key.Text]);
                parent.PendingKey = key;
            }
        }
    }

    /// <summary>The error for a key that a mapping (object) already has: the second value would silently replace the first.</summary>
    internal static CaseSyntaxException DuplicateKey(ScalarNode key, ScalarNode first) =>
        new($"The key '{key.Text}' appears twice in the same object (first at line {first.Line}, column {first.Column}).", key.Line, key.Column);

    private static void Open(Stack<Frame> open, Frame frame)
    {
        if (open.Count >= CaseFileLimits.MaxDepth)
            throw new CaseSyntaxException($"The document nests more than {CaseFileLimits.MaxDepth} levels deep.", frame.Line, frame.Column);
        open.Push(frame);
    }

    // The innermost '{' or '[' left open, outside quoted text and comments. YamlDotNet's scanner reads ahead past an opening
    // bracket before the parser reports it, so the parser's events cannot tell which one was left open.
    private static (char Bracket, int Line, int Column)? UnclosedBracket(string text)
    {
        var open = new Stack<(char Bracket, int Line, int Column)>();
        int line = 1, column = 0;
        char quote = '\0', previous = '\n';
        var comment = false;
        var escaped = false;
        foreach (var c in text)
        {
            column++;
            if (c == '\n')
            {
                line++;
                column = 0;
                comment = false;
                previous = c;
                continue;
            }
            if (comment) continue;
            if (quote != '\0')
            {
                if (escaped) escaped = false;
                else if (c == '\\' && quote == '"') escaped = true;
                else if (c == quote) quote = '\0';
            }
            else if (c == '#' && previous is ' ' or '\t' or '\n') comment = true;
            else if (c is '"' or '\'' && previous is ' ' or '\t' or '\n' or '[' or '{' or ',') quote = c;
            else if (c is '{' or '[') open.Push((c, line, column));
            else if (c is '}' or ']' && open.Count > 0) open.Pop();
            previous = c;
        }
        return open.Count > 0 ? open.Peek() : null;
    }

    // YamlDotNet reports a tab used as indentation at the start of the enclosing mapping; the user needs the tab itself.
    private static (int Line, int Column)? TabPosition(string text, int fromLine)
    {
        var lines = text.Split('\n');
        for (var i = Math.Max(0, fromLine - 1); i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', 0, indent);
            if (tab >= 0) return (i + 1, tab + 1);
        }
        return null;
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
