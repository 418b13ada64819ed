namespace Reshore.Monitor;

/// <summary>A validation error: the field (an import column name, see <see cref="MonitorColumns"/>) and a message in the user's language.</summary>
public sealed record MonitorError(string Field, string Message);
