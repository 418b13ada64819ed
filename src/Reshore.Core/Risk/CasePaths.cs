using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Reshore.Core.Domain;
using Reshore.Core.Validation;
using Reshore.Core.Values;

namespace Reshore.Core.Risk;

/// <summary>
/// Reads and replaces numeric values in a case by JSON path (<c>$.items[0].options[1].production.unitPrice</c>,
/// <c>$.assumptions.wageGrowthPct.CN</c>), returning a new case: the records are immutable, so each step along the
/// path is copied. Used to draw scenarios and to solve break-evens.
/// </summary>
public static class CasePaths
{
    private abstract record Segment;
    private sealed record Property(string Name) : Segment;
    private sealed record Index(int Value) : Segment;

    /// <summary>A copy of <paramref name="c"/> with the number at <paramref name="path"/> set to <paramref name="value"/> (money keeps its currency).</summary>
    public static ReshoringCase With(ReshoringCase c, string path, double value) =>
        (ReshoringCase)Set(c, Parse(path), 0, value, path);

    /// <summary>The number at <paramref name="path"/> (a money amount's amount), or null when the field is not set.</summary>
    public static double? Get(ReshoringCase c, string path)
    {
        object? node = c;
        foreach (var segment in Parse(path))
        {
            node = node switch
            {
                null => null,
                _ when segment is Index i && node is IList list => i.Value < list.Count ? list[i.Value] : throw Bad(path, $"index {i.Value} is beyond the list"),
                IDictionary dict when segment is Property p => dict.Contains(p.Name) ? dict[p.Name] : null,
                _ when segment is Property p => PropertyOf(node.GetType(), p.Name, path).GetValue(node),
                _ => throw Bad(path, "a list index is used on something that is not a list"),
            };
        }
        return node switch
        {
            null => null,
            Money m => m.Amount,
            double d => d,
            int i => i,
            _ => throw Bad(path, "it does not lead to a number"),
        };
    }

    /// <summary>
    /// Turns ids into indices: <c>items[led-a60].options[cn-cm].production.unitPrice</c> becomes
    /// <c>$.items[0].options[0].production.unitPrice</c>; numeric indices and a leading <c>$.</c> are kept.
    /// </summary>
    public static string ResolveIds(ReshoringCase c, string path)
    {
        var p = path.StartsWith('$') ? path : "$." + path;
        Item? item = null;
        return System.Text.RegularExpressions.Regex.Replace(p, @"(items|options)\[([^\]]+)\]", m =>
        {
            var key = m.Groups[2].Value;
            if (m.Groups[1].Value == "items")
            {
                var index = int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : c.Items.ToList().FindIndex(x => x.Id == key);
                if (index < 0 || index >= c.Items.Count) throw Bad(path, $"there is no item '{key}'");
                item = c.Items[index];
                return $"items[{index}]";
            }
            if (item is null) return m.Value;
            var optionIndex = int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : item.Options.ToList().FindIndex(x => x.Id == key);
            if (optionIndex < 0 || optionIndex >= item.Options.Count) throw Bad(path, $"item '{item.Id}' has no option '{key}'");
            return $"options[{optionIndex}]";
        });
    }

    /// <summary>The currency of the amount at <paramref name="path"/>, or null when it is a plain number or not set.</summary>
    public static string? CurrencyAt(ReshoringCase c, string path)
    {
        try
        {
            object? node = c;
            foreach (var segment in Parse(path))
                node = node switch
                {
                    null => null,
                    IList list when segment is Index i => i.Value < list.Count ? list[i.Value] : null,
                    IDictionary dict when segment is Property p => dict.Contains(p.Name) ? dict[p.Name] : null,
                    _ when segment is Property p => PropertyOf(node.GetType(), p.Name, path).GetValue(node),
                    _ => null,
                };
            return node is Money m ? m.Currency.Value : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static ArgumentException Bad(string path, string why) => new($"Path '{path}' is not valid: {why}.");

    private static List<Segment> Parse(string path)
    {
        if (!CasePath.TryParse(path, out var steps, out var error)) throw Bad(path, error!);
        return steps.Select(s => s is int i ? (Segment)new Index(i) : new Property((string)s)).ToList();
    }

    // Reflection lookups are cached with strong references: the runtime's own member cache is weak, and when a GC drops it every
    // scenario draw would look the members up and build their invokers again.
    private static readonly ConcurrentDictionary<(Type Type, string JsonName), PropertyInfo?> Properties = new();
    private static readonly ConcurrentDictionary<Type, MethodInfo> CloneMethods = new();

    private static PropertyInfo PropertyOf(Type type, string jsonName, string path) =>
        Properties.GetOrAdd((type, jsonName), static key => key.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(p => CaseValidator.JsonName(p.Name) == key.JsonName))
        ?? throw Bad(path, $"{type.Name} has no field '{jsonName}'");

    private static object Set(object? node, List<Segment> segments, int at, double value, string path)
    {
        if (at == segments.Count) throw Bad(path, "it stops before a field");
        var segment = segments[at];
        var last = at == segments.Count - 1;
        switch (node)
        {
            case null:
                throw Bad(path, "a part of it is not set in the case");
            case IList list when segment is Index i:
            {
                if (i.Value >= list.Count) throw Bad(path, $"index {i.Value} is beyond the list");
                var elementType = list.GetType().IsArray ? list.GetType().GetElementType()! : list.GetType().GetGenericArguments()[0];
                var copy = DomainCollections.NewList(elementType);
                foreach (var e in list) copy.Add(e);
                copy[i.Value] = last ? Leaf(copy[i.Value], elementType, value, path) : Set(copy[i.Value], segments, at + 1, value, path);
                return copy;
            }
            case IDictionary dict when segment is Property p:
            {
                var valueType = dict.GetType().GetGenericArguments()[1];
                var copy = DomainCollections.NewDictionary(valueType);
                foreach (DictionaryEntry e in dict) copy[e.Key] = e.Value;
                var current = copy.Contains(p.Name) ? copy[p.Name] : null;
                copy[p.Name] = last ? Leaf(current, valueType, value, path) : Set(current, segments, at + 1, value, path);
                return copy;
            }
            case not null when segment is Property p && node.GetType().Namespace == typeof(ReshoringCase).Namespace:
            {
                var prop = PropertyOf(node.GetType(), p.Name, path);
                // Records have a compiler-generated clone method: copy, then set the one property.
                var clone = CloneMethods.GetOrAdd(node.GetType(), static t => t.GetMethod("<Clone>$")!).Invoke(node, null)!;
                var current = prop.GetValue(node);
                prop.SetValue(clone, last ? Leaf(current, prop.PropertyType, value, path) : Set(current, segments, at + 1, value, path));
                return clone;
            }
            default:
                throw Bad(path, $"'{segment}' does not fit {node.GetType().Name}");
        }
    }

    private static object Leaf(object? current, Type type, double value, string path)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(double)) return value;
        if (t == typeof(int)) return (int)Math.Round(value);
        if (t == typeof(Money))
            return current is Money m ? m with { Amount = value } : throw Bad(path, "the amount is not set, so its currency is unknown");
        throw Bad(path, $"it leads to a {t.Name}, not a number");
    }
}
