namespace Reshore.Core.MarketData;

/// <summary>
/// Tariff rows that answer a question about one code without being read whole. The bundled MFN table has 6,000 rows and a command
/// that evaluates one case needs a handful of them: reading them all was the longest part of every CLI start (docs/performance.md,
/// "Fifth pass"). Enumerating the list reads every row.
/// </summary>
public interface IPrefixTariffRows : IReadOnlyList<TariffEntry>
{
    /// <summary>The rows whose prefix is exactly <paramref name="prefix"/>, in the list's order.</summary>
    IReadOnlyList<TariffEntry> WithPrefix(string prefix);

    /// <summary>The rows whose prefix starts with <paramref name="prefix"/> and is longer, in the list's order.</summary>
    IEnumerable<TariffEntry> Below(string prefix);
}
