namespace Reshore.Core.Values;

/// <summary>
/// Exchange rates expressed as euros per unit of each currency, with the source of each rate.
/// Conversions between two non-euro currencies cross through the euro.
/// </summary>
public sealed class FxTable
{
    private readonly IReadOnlyDictionary<CurrencyCode, SourcedValue> _eurPerUnit;

    /// <summary>Creates a table; the euro is always present at 1.</summary>
    public FxTable(IReadOnlyDictionary<CurrencyCode, SourcedValue> eurPerUnit)
    {
        var copy = new Dictionary<CurrencyCode, SourcedValue>(eurPerUnit);
        copy[CurrencyCode.Eur] = new SourcedValue(1.0, "definition", null);
        foreach (var (code, rate) in copy)
        {
            if (!(rate.Value > 0) || !double.IsFinite(rate.Value))
                throw new ArgumentException($"The exchange rate for {code} must be a positive number of euros per unit, not {rate.Value}.");
        }
        _eurPerUnit = copy;
    }

    /// <summary>The currencies with a rate.</summary>
    public IEnumerable<CurrencyCode> Currencies => _eurPerUnit.Keys;

    /// <summary>Whether a rate is known for <paramref name="currency"/>.</summary>
    public bool Has(CurrencyCode currency) => _eurPerUnit.ContainsKey(currency);

    /// <summary>Euros per unit of <paramref name="currency"/>, with its source.</summary>
    public SourcedValue EurPerUnit(CurrencyCode currency) =>
        _eurPerUnit.TryGetValue(currency, out var rate)
            ? rate
            : throw new KeyNotFoundException($"No exchange rate for {currency}: add it to the case's assumptions.fxRates (euros per unit).");

    /// <summary>Units of <paramref name="to"/> per unit of <paramref name="from"/>.</summary>
    public double Rate(CurrencyCode from, CurrencyCode to) =>
        from == to ? 1.0 : EurPerUnit(from).Value / EurPerUnit(to).Value;

    /// <summary>Returns a table with some rates replaced.</summary>
    public FxTable With(IReadOnlyDictionary<CurrencyCode, SourcedValue> overrides)
    {
        var copy = new Dictionary<CurrencyCode, SourcedValue>(_eurPerUnit);
        foreach (var (k, v) in overrides) copy[k] = v;
        return new FxTable(copy);
    }
}
