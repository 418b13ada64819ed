using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Reshore.Core.Domain;
using Reshore.Core.Risk;
using Reshore.Core.Validation;
using Reshore.Core.Values;

namespace Reshore.Data.CaseFiles;

/// <summary>
/// Binds a parsed document to the domain records of <see cref="ReshoringCase"/> by reflection: camelCase keys,
/// strict types, unknown keys rejected with a suggestion, [Required] keys checked. Collects every error with its
/// path and position, and records the position of each path for errors found later by <see cref="CaseValidator"/>.
/// </summary>
public sealed class CaseBinder
{
    private readonly List<CaseError> _errors = [];
    private readonly List<UncertainInput> _uncertain = [];

    /// <summary>Numeric fields given as distributions; their bound value is the distribution's mean.</summary>
    public IReadOnlyList<UncertainInput> Uncertain => _uncertain;
    private readonly Dictionary<string, (int Line, int Column)> _positions = new(StringComparer.Ordinal);
    private CurrencyCode _caseCurrency = CurrencyCode.Eur;

    /// <summary>Errors found while binding.</summary>
    public IReadOnlyList<CaseError> Errors => _errors;

    /// <summary>Position of every bound path.</summary>
    public IReadOnlyDictionary<string, (int Line, int Column)> Positions => _positions;

    /// <summary>Binds the root node to a case; null when the root is not a mapping.</summary>
    public ReshoringCase? Bind(CaseNode root)
    {
        if (root is not MappingNode map)
        {
            Error("$", root, "A case file must hold an object (mapping) at the top level.");
            return null;
        }
        // Amounts without a currency are in the case currency: read it first.
        var currencyEntry = map.Entries.FirstOrDefault(e => e.Key.Text == "currency");
        if (currencyEntry.Value is ScalarNode { Kind: ScalarKind.String } cs && CurrencyCode.TryParse(cs.Text, out var cc)) _caseCurrency = cc;
        return (ReshoringCase?)BindObject(map, typeof(ReshoringCase), "$");
    }

    private void Error(string path, CaseNode node, string message) =>
        _errors.Add(new CaseError(path, message) { Line = node.Line, Column = node.Column });

    private object? BindValue(CaseNode node, Type type, string path)
    {
        _positions.TryAdd(path, (node.Line, node.Column));
        var underlying = Nullable.GetUnderlyingType(type);
        if (node is ScalarNode { Kind: ScalarKind.Null })
        {
            if (underlying is not null || !type.IsValueType) return null;
            Error(path, node, $"null is not allowed here: expected {Describe(type)}.");
            return null;
        }
        var target = underlying ?? type;
        if (node is MappingNode dist && (target == typeof(double) || target == typeof(Money)) && dist.Entries.Any(e => e.Key.Text == "distribution"))
            return BindDistribution(dist, target == typeof(Money), path);
        if (target == typeof(string)) return Scalar(node, path, "text") is { } s ? s.Text : null;
        if (target == typeof(double)) return Number(node, path);
        if (target == typeof(int))
        {
            var d = Number(node, path);
            if (d is null) return null;
            if (d != Math.Floor(d.Value) || d is > int.MaxValue or < int.MinValue)
            {
                Error(path, node, $"{Text(node)} is not a whole number.");
                return null;
            }
            return (int)d.Value;
        }
        if (target == typeof(bool))
        {
            if (node is ScalarNode { Kind: ScalarKind.Boolean } b) return b.Text.Equals("true", StringComparison.OrdinalIgnoreCase);
            Error(path, node, $"Expected true or false, found {Found(node)}.");
            return null;
        }
        if (target.IsEnum) return BindEnum(node, target, path);
        if (target == typeof(CountryCode))
        {
            if (Scalar(node, path, "an ISO 3166-1 alpha-2 country code") is not { } s) return null;
            if (CountryCode.TryParse(s.Text, out var code)) return code;
            Error(path, node, $"'{s.Text}' is not an ISO 3166-1 alpha-2 country code (e.g. BE, CN, PL).");
            return null;
        }
        if (target == typeof(CurrencyCode))
        {
            if (Scalar(node, path, "an ISO 4217 currency code") is not { } s) return null;
            if (CurrencyCode.TryParse(s.Text, out var code)) return code;
            Error(path, node, $"'{s.Text}' is not an ISO 4217 currency code (e.g. EUR, USD, CNY).");
            return null;
        }
        if (target == typeof(Money)) return BindMoney(node, path);
        if (target.IsGenericType && target.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            return BindList(node, target.GetGenericArguments()[0], path);
        if (target.IsGenericType && target.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
            return BindDictionary(node, target.GetGenericArguments()[1], path);
        if (target.IsClass) return node is MappingNode m ? BindObject(m, target, path) : Mismatch(node, path, "an object");
        throw new NotSupportedException($"The case binder does not handle {target}.");
    }

    private object? Mismatch(CaseNode node, string path, string expected)
    {
        Error(path, node, $"Expected {expected}, found {Found(node)}.");
        return null;
    }

    private ScalarNode? Scalar(CaseNode node, string path, string expected)
    {
        if (node is ScalarNode s && s.Kind is ScalarKind.String or ScalarKind.Number) return s;
        Mismatch(node, path, expected);
        return null;
    }

    private double? Number(CaseNode node, string path)
    {
        if (node is ScalarNode { Kind: ScalarKind.Number } n && double.TryParse(n.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            if (double.IsFinite(d)) return d;
            Error(path, node, $"{n.Text} is out of range: numbers must be finite (at most about 1.8e308).");
            return null;
        }
        Error(path, node, $"Expected a number, found {Found(node)}.");
        return null;
    }

    private object? BindMoney(CaseNode node, string path)
    {
        if (node is ScalarNode { Kind: ScalarKind.Number } n)
            return Number(n, path) is { } d ? new Money(d, _caseCurrency) : null;
        if (node is ScalarNode { Kind: ScalarKind.String } s)
        {
            if (Money.TryParse(s.Text, _caseCurrency, out var money, out var error)) return money;
            Error(path, node, error!);
            return null;
        }
        Error(path, node, $"Expected an amount (a number, or text such as \"2.10 USD\"), found {Found(node)}.");
        return null;
    }

    private static readonly string[] DistributionKeys = ["distribution", "min", "mode", "max", "mean", "sd", "driver", "currency"];

    /// <summary>
    /// Binds {distribution: triangular|pert|uniform|normal|lognormal, min, mode, max, mean, sd, driver, currency}: records the
    /// uncertain input and returns its mean, which the deterministic evaluation uses.
    /// </summary>
    private object? BindDistribution(MappingNode map, bool money, string path)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        string? kindText = null, driver = null, currencyText = null;
        var errorsBefore = _errors.Count;
        foreach (var (key, value) in map.Entries)
        {
            var p = $"{path}.{key.Text}";
            switch (key.Text)
            {
                case "distribution": kindText = Scalar(value, p, "a distribution name")?.Text; break;
                case "driver": driver = Scalar(value, p, "a driver id")?.Text; break;
                case "currency" when money: currencyText = Scalar(value, p, "a currency code")?.Text; break;
                case var k when DistributionKeys.Contains(k) && k != "currency":
                    if (Number(value, p) is { } d) values[k] = d;
                    break;
                default:
                    Error(p, key, $"Unknown field '{key.Text}' in a distribution. Allowed: {string.Join(", ", DistributionKeys.Where(k => money || k != "currency"))}.");
                    break;
            }
        }
        if (_errors.Count > errorsBefore) return null;
        var kinds = Enum.GetValues<DistributionKind>();
        var kind = kinds.FirstOrDefault(k => UncertainValue.Name(k).Equals(kindText, StringComparison.OrdinalIgnoreCase), (DistributionKind)(-1));
        if ((int)kind < 0)
        {
            Error($"{path}.distribution", map, $"'{kindText}' is not a distribution: expected one of {string.Join(", ", kinds.Select(UncertainValue.Name))}.");
            return null;
        }
        double? Get(string k) => values.TryGetValue(k, out var v) ? v : null;
        var distribution = UncertainValue.Create(kind, Get("min"), Get("mode"), Get("max"), Get("mean"), Get("sd"), driver, out var problem);
        if (distribution is null)
        {
            Error(path, map, $"Invalid {UncertainValue.Name(kind)} distribution: {problem}");
            return null;
        }
        var currency = _caseCurrency;
        if (currencyText is not null && !CurrencyCode.TryParse(currencyText, out currency))
        {
            Error($"{path}.currency", map, $"'{currencyText}' is not an ISO 4217 currency code.");
            return null;
        }
        _uncertain.Add(new UncertainInput(path, distribution, money ? currency.Value : null));
        return money ? new Money(distribution.Mean, currency) : distribution.Mean;
    }

    private object? BindEnum(CaseNode node, Type type, string path)
    {
        var names = Enum.GetNames(type).Select(CaseValidator.JsonName).ToList();
        if (node is ScalarNode { Kind: ScalarKind.String } s)
        {
            var match = Enum.GetNames(type).FirstOrDefault(n => n.Equals(s.Text.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
            if (match is not null) return Enum.Parse(type, match);
            Error(path, node, $"'{s.Text}' is not allowed: expected one of {string.Join(", ", names)}.");
            return null;
        }
        Error(path, node, $"Expected one of {string.Join(", ", names)}, found {Found(node)}.");
        return null;
    }

    private object? BindList(CaseNode node, Type elementType, string path)
    {
        if (node is not SequenceNode seq) return Mismatch(node, path, "a list");
        var list = DomainCollections.NewList(elementType);
        for (var i = 0; i < seq.Items.Count; i++)
        {
            var value = BindValue(seq.Items[i], elementType, $"{path}[{i}]");
            if (value is not null) list.Add(value);
        }
        return list;
    }

    private object? BindDictionary(CaseNode node, Type valueType, string path)
    {
        if (node is not MappingNode map) return Mismatch(node, path, "an object");
        var dict = DomainCollections.NewDictionary(valueType);
        foreach (var (key, valueNode) in map.Entries)
        {
            var p = $"{path}.{key.Text}";
            if (dict.Contains(key.Text))
            {
                Error(p, key, $"Duplicate key '{key.Text}'.");
                continue;
            }
            var value = BindValue(valueNode, valueType, p);
            if (value is not null) dict[key.Text] = value;
        }
        return dict;
    }

    private object? BindObject(MappingNode map, Type type, string path)
    {
        _positions.TryAdd(path, (map.Line, map.Column));
        var (props, required) = BindingOf(type);
        var instance = Activator.CreateInstance(type)!;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, valueNode) in map.Entries)
        {
            var p = $"{path}.{key.Text}";
            if (!seen.Add(key.Text))
            {
                Error(p, key, $"Duplicate key '{key.Text}'.");
                continue;
            }
            if (!props.TryGetValue(key.Text, out var prop))
            {
                var suggestion = Suggest(key.Text, props.Keys);
                Error(p, key, $"Unknown field '{key.Text}'{(suggestion is null ? "" : $"; did you mean '{suggestion}'?")} Allowed here: {string.Join(", ", props.Keys)}.");
                continue;
            }
            _positions.TryAdd(p, (valueNode.Line, valueNode.Column));
            var value = BindValue(valueNode, prop.PropertyType, p);
            if (value is not null) prop.SetValue(instance, value);
            if (_uncertain.Count > 0 && _uncertain[^1].Path == p)
                CheckSupport(prop, valueNode, p);
        }
        foreach (var name in required)
            if (!seen.Contains(name))
                Error($"{path}.{name}", map, $"Missing required field '{name}' ({Describe(props[name].PropertyType)}).");
        return instance;
    }

    /// <summary>A record's writable properties by field name, in declaration order, and the names of the required ones.</summary>
    private sealed record TypeBinding(Dictionary<string, PropertyInfo> Properties, string[] Required);

    // Reflection over a record's properties and attributes is slow on first use (in a native build most of all) and a case holds
    // many objects of one type (options, legs, steps): each type is read once per process.
    private static readonly ConcurrentDictionary<Type, TypeBinding> Bindings = new();

    private static TypeBinding BindingOf(Type type) => Bindings.GetOrAdd(type, static t =>
    {
        var props = t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite)
            .ToDictionary(p => CaseValidator.JsonName(p.Name), StringComparer.Ordinal);
        return new TypeBinding(props, props.Where(p => p.Value.GetCustomAttribute<RequiredAttribute>() is not null).Select(p => p.Key).ToArray());
    });

    /// <summary>A bounded distribution must stay inside the field's range; unbounded ones are clamped to it when drawn.</summary>
    private void CheckSupport(PropertyInfo prop, CaseNode node, string path)
    {
        var input = _uncertain[^1];
        var range = prop.GetCustomAttribute<RangeAttribute>();
        var low = range is null ? (prop.PropertyType == typeof(Money) || prop.PropertyType == typeof(Money?) ? 0 : double.NegativeInfinity) : Convert.ToDouble(range.Minimum, CultureInfo.InvariantCulture);
        var high = range is null ? double.PositiveInfinity : Convert.ToDouble(range.Maximum, CultureInfo.InvariantCulture);
        var (min, max) = input.Distribution.Support;
        if (double.IsFinite(min) && min < low || double.IsFinite(max) && max > high)
            Error(path, node, $"The distribution ranges from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, outside the allowed {low.ToString(CultureInfo.InvariantCulture)} to {high.ToString(CultureInfo.InvariantCulture)}.");
        _uncertain[^1] = input with { Low = low, High = high };
    }

    private static string Describe(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(double) || t == typeof(int)) return "a number";
        if (t == typeof(string)) return "text";
        if (t == typeof(Money)) return "an amount";
        if (t.IsEnum) return "one of " + string.Join(", ", Enum.GetNames(t).Select(CaseValidator.JsonName));
        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)) return "a list";
        return t == typeof(CountryCode) ? "a country code" : t == typeof(CurrencyCode) ? "a currency code" : "an object";
    }

    private static string Text(CaseNode node) => node is ScalarNode s ? s.Text : "";

    private static string Found(CaseNode node) => node switch
    {
        ScalarNode { Kind: ScalarKind.String } s => $"text \"{Truncate(s.Text)}\"",
        ScalarNode { Kind: ScalarKind.Number } s => $"the number {s.Text}",
        ScalarNode { Kind: ScalarKind.Boolean } s => s.Text,
        ScalarNode => "null",
        MappingNode => "an object",
        SequenceNode => "a list",
        _ => "something else",
    };

    private static string Truncate(string s) => s.Length > 40 ? s[..40] + "…" : s;

    /// <summary>The closest known name within edit distance 3, if any.</summary>
    public static string? Suggest(string unknown, IEnumerable<string> known) =>
        known.Select(k => (k, d: Distance(unknown.ToLowerInvariant(), k.ToLowerInvariant())))
             .Where(x => x.d <= Math.Max(2, unknown.Length / 4))
             .OrderBy(x => x.d).Select(x => x.k).FirstOrDefault();

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        return d[a.Length, b.Length];
    }
}
