namespace Reshore.Core.Values;

/// <summary>
/// An amount in one currency. Amounts are <see cref="double"/>: Reshore's figures are estimates that pass
/// through exp, log and the normal distribution, so they are computed in binary floating point and
/// rounded only for display. Adding two currencies throws; conversion goes through <see cref="FxTable"/>.
/// </summary>
public readonly record struct Money(double Amount, CurrencyCode Currency)
{
    /// <summary>Adds two amounts of the same currency.</summary>
    public static Money operator +(Money a, Money b) =>
        new(a.Amount + b.Amount, CurrencyCode.Same(a.Currency, b.Currency, "a sum"));

    /// <summary>Scales an amount.</summary>
    public static Money operator *(Money a, double factor) => new(a.Amount * factor, a.Currency);

    /// <summary>Parses "12.5" (in <paramref name="defaultCurrency"/>) or "12.5 USD".</summary>
    public static bool TryParse(string text, CurrencyCode defaultCurrency, out Money money, out string? error)
    {
        money = default;
        error = null;
        var parts = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < 1 or > 2)
        {
            error = $"'{text}' is not an amount: write a number, optionally followed by a currency code, e.g. \"12.5 USD\".";
            return false;
        }
        if (!double.TryParse(parts[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var amount) || !double.IsFinite(amount))
        {
            error = $"'{parts[0]}' is not a number (use a dot as decimal separator).";
            return false;
        }
        var currency = defaultCurrency;
        if (parts.Length == 2 && !CurrencyCode.TryParse(parts[1], out currency))
        {
            error = $"'{parts[1]}' is not an ISO 4217 currency code.";
            return false;
        }
        money = new Money(amount, currency);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Amount.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)} {Currency}";
}
