using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Reshore.Core.Values;

namespace Reshore.Core.Domain;

/// <summary>
/// Creates the <c>List&lt;T&gt;</c> and <c>Dictionary&lt;string, T&gt;</c> that the case binder and <see cref="Risk.CasePaths"/> fill
/// when they only know the element type at run time. A native (ahead-of-time compiled) build has code only for the generic
/// instantiations that the program names, so those over value types are named here; instantiations over reference types share one
/// compiled form and are made by reflection. A test walks every type a case can hold and checks that each value type is listed.
/// </summary>
public static class DomainCollections
{
    private static readonly Dictionary<Type, Func<IList>> Lists = new()
    {
        [typeof(double)] = static () => new List<double>(),
        [typeof(int)] = static () => new List<int>(),
        [typeof(bool)] = static () => new List<bool>(),
        [typeof(Money)] = static () => new List<Money>(),
        [typeof(CountryCode)] = static () => new List<CountryCode>(),
        [typeof(CurrencyCode)] = static () => new List<CurrencyCode>(),
        [typeof(TransportMode)] = static () => new List<TransportMode>(),
    };

    private static readonly Dictionary<Type, Func<IDictionary>> Dictionaries = new()
    {
        [typeof(double)] = static () => new Dictionary<string, double>(StringComparer.Ordinal),
        [typeof(int)] = static () => new Dictionary<string, int>(StringComparer.Ordinal),
        [typeof(bool)] = static () => new Dictionary<string, bool>(StringComparer.Ordinal),
        [typeof(Money)] = static () => new Dictionary<string, Money>(StringComparer.Ordinal),
        [typeof(CountryCode)] = static () => new Dictionary<string, CountryCode>(StringComparer.Ordinal),
        [typeof(CurrencyCode)] = static () => new Dictionary<string, CurrencyCode>(StringComparer.Ordinal),
    };

    /// <summary>Value types that <see cref="NewList"/> and <see cref="NewDictionary"/> have compiled code for.</summary>
    public static IReadOnlyCollection<Type> ListElementTypes => Lists.Keys;

    /// <summary>Value types that <see cref="NewDictionary"/> has compiled code for.</summary>
    public static IReadOnlyCollection<Type> DictionaryValueTypes => Dictionaries.Keys;

    /// <summary>An empty <c>List&lt;<paramref name="elementType"/>&gt;</c>.</summary>
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Value types are listed above; lists of reference types share List<__Canon>.")]
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "List<T> keeps its constructors.")]
    public static IList NewList(Type elementType) =>
        Lists.TryGetValue(elementType, out var create) ? create() : (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(elementType))!;

    /// <summary>An empty <c>Dictionary&lt;string, <paramref name="valueType"/>&gt;</c> with ordinal keys.</summary>
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Value types are listed above; reference types share Dictionary<__Canon, __Canon>.")]
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Dictionary<TKey, TValue> keeps its constructors.")]
    public static IDictionary NewDictionary(Type valueType) =>
        Dictionaries.TryGetValue(valueType, out var create)
            ? create()
            : (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), valueType), StringComparer.Ordinal)!;
}
