namespace Reshore.Core.Values;

/// <summary>
/// An ISO 4217 currency code (for example <c>EUR</c>), checked against the embedded list.
/// <c>default</c> is not a valid currency: <see cref="IsEmpty"/> is true.
/// </summary>
public readonly record struct CurrencyCode
{
    private readonly string? _value;

    private CurrencyCode(string value) => _value = value;

    /// <summary>The euro.</summary>
    public static CurrencyCode Eur { get; } = new("EUR");

    /// <summary>The three-letter code.</summary>
    public string Value => _value ?? throw new InvalidOperationException("default(CurrencyCode) holds no currency.");

    /// <summary>True for <c>default(CurrencyCode)</c>.</summary>
    public bool IsEmpty => _value is null;

    /// <summary>Parses a three-letter code, case-insensitively.</summary>
    public static bool TryParse(string? text, out CurrencyCode code)
    {
        code = default;
        if (text is null) return false;
        var upper = text.Trim().ToUpperInvariant();
        if (!IsoCurrencies.Codes.Contains(upper)) return false;
        code = new CurrencyCode(upper);
        return true;
    }

    /// <summary>Parses a code or throws <see cref="FormatException"/> naming the text.</summary>
    public static CurrencyCode Parse(string text) =>
        TryParse(text, out var code)
            ? code
            : throw new FormatException($"'{text}' is not an ISO 4217 currency code.");

    /// <summary>Returns <paramref name="a"/> when both are the same currency, and throws naming both otherwise.</summary>
    public static CurrencyCode Same(CurrencyCode a, CurrencyCode b, string what) =>
        a == b ? a : throw new InvalidOperationException($"Cannot combine {a} with {b} in {what}: convert through an explicit exchange rate first.");

    /// <inheritdoc />
    public override string ToString() => _value ?? "";
}
