namespace Reshore.Data.CaseFiles;

/// <summary>A node of a parsed JSON or YAML document, with its position (1-based line and column).</summary>
public abstract record CaseNode(int Line, int Column);

/// <summary>Kinds of scalar.</summary>
public enum ScalarKind
{
    /// <summary>A string (quoted, or plain text that is no number, boolean or null).</summary>
    String,
    /// <summary>A number.</summary>
    Number,
    /// <summary>true or false.</summary>
    Boolean,
    /// <summary>null (JSON null, YAML ~ or null).</summary>
    Null,
}

/// <summary>A scalar with its raw text.</summary>
public sealed record ScalarNode(string Text, ScalarKind Kind, int Line, int Column) : CaseNode(Line, Column);

/// <summary>A mapping (JSON object) in document order.</summary>
public sealed record MappingNode(IReadOnlyList<KeyValuePair<ScalarNode, CaseNode>> Entries, int Line, int Column) : CaseNode(Line, Column);

/// <summary>A sequence (JSON array).</summary>
public sealed record SequenceNode(IReadOnlyList<CaseNode> Items, int Line, int Column) : CaseNode(Line, Column);

/// <summary>A syntax error in a case file.</summary>
public sealed class CaseSyntaxException(string message, int? line, int? column) : Exception(message)
{
    /// <summary>1-based line.</summary>
    public int? Line { get; } = line;
    /// <summary>1-based column.</summary>
    public int? Column { get; } = column;
}
