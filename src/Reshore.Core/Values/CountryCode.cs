namespace Reshore.Core.Values;

/// <summary>
/// An ISO 3166-1 alpha-2 country code, upper case (for example <c>BE</c>).
/// Construct with <see cref="Parse"/> or <see cref="TryParse"/>; the code is checked against the embedded ISO list.
/// <c>default</c> is not a valid country: <see cref="IsEmpty"/> is true and <see cref="Value"/> throws.
/// </summary>
public readonly record struct CountryCode : IComparable<CountryCode>
{
    private readonly string? _value;

    private CountryCode(string value) => _value = value;

    /// <summary>The two-letter code.</summary>
    public string Value => _value ?? throw new InvalidOperationException("default(CountryCode) holds no country.");

    /// <summary>True for <c>default(CountryCode)</c>.</summary>
    public bool IsEmpty => _value is null;

    /// <summary>Parses a two-letter code, case-insensitively.</summary>
    public static bool TryParse(string? text, out CountryCode code)
    {
        code = default;
        if (text is null) return false;
        var upper = text.Trim().ToUpperInvariant();
        if (!IsoCountries.Alpha2.Contains(upper)) return false;
        code = new CountryCode(upper);
        return true;
    }

    /// <summary>Parses a two-letter code or throws <see cref="FormatException"/> naming the text.</summary>
    public static CountryCode Parse(string text) =>
        TryParse(text, out var code)
            ? code
            : throw new FormatException($"'{text}' is not an ISO 3166-1 alpha-2 country code.");

    /// <inheritdoc />
    public int CompareTo(CountryCode other) => string.CompareOrdinal(_value, other._value);

    /// <inheritdoc />
    public override string ToString() => _value ?? "";
}
