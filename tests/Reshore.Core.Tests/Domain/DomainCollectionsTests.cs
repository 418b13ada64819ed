using System.Reflection;
using Reshore.Core.Domain;

namespace Reshore.Core.Tests.Domain;

public class DomainCollectionsTests
{
    /// <summary>
    /// The native CLI build has code only for the collections <see cref="DomainCollections"/> names: every list or map of value types
    /// that a case can hold must be among them, or binding such a case would fail there (and only there).
    /// </summary>
    [Fact]
    public void Every_value_type_collection_a_case_can_hold_has_compiled_code()
    {
        var lists = new HashSet<Type>();
        var maps = new HashSet<Type>();
        var seen = new HashSet<Type>();
        Walk(typeof(ReshoringCase));
        Assert.Contains(typeof(TransportMode), lists); // the walk reaches nested records
        Assert.Empty(lists.Where(t => t.IsValueType).Except(DomainCollections.ListElementTypes));
        Assert.Empty(maps.Where(t => t.IsValueType).Except(DomainCollections.DictionaryValueTypes));

        void Walk(Type type)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (!seen.Add(type) || type.Namespace?.StartsWith("Reshore", StringComparison.Ordinal) != true && !type.IsGenericType) return;
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            {
                var element = type.GetGenericArguments()[0];
                lists.Add(element);
                Walk(element);
                return;
            }
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
            {
                var value = type.GetGenericArguments()[1];
                maps.Add(value);
                Walk(value);
                return;
            }
            if (!type.IsClass) return;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
                Walk(property.PropertyType);
        }
    }

    [Fact]
    public void Lists_and_maps_are_made_for_listed_and_unlisted_element_types()
    {
        Assert.IsType<List<TransportMode>>(DomainCollections.NewList(typeof(TransportMode)));
        Assert.IsType<List<Item>>(DomainCollections.NewList(typeof(Item)));
        var map = Assert.IsType<Dictionary<string, double>>(DomainCollections.NewDictionary(typeof(double)));
        map["A"] = 1;
        Assert.False(map.ContainsKey("a")); // keys are ordinal, as the case file's are
        Assert.IsType<Dictionary<string, string>>(DomainCollections.NewDictionary(typeof(string)));
    }
}
