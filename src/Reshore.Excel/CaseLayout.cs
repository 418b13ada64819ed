using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Reshore.Core.Domain;
using Reshore.Core.Validation;
using Reshore.Core.Values;

namespace Reshore.Excel;

/// <summary>What a workbook column holds.</summary>
internal enum ColumnKind
{
    Text,
    Number,
    Integer,
    Money,
    Boolean,
    Enum,
    Country,
    Currency,
    /// <summary>A list of scalars, written "a, b, c".</summary>
    List,
    /// <summary>A map of scalars, written "key: value; key: value".</summary>
    Map,
}

/// <summary>One column of a sheet: a scalar field of the row's record, by its dotted case-file path relative to the row.</summary>
internal sealed record ColumnLayout(string Key, ColumnKind Kind, Type ValueType, bool Required, string Description, string Record = "")
{
    /// <summary>The field's description in <paramref name="culture"/> (resource Help_{Record}_{name}; the English attribute otherwise).</summary>
    public string DescriptionIn(System.Globalization.CultureInfo culture) =>
        Record.Length == 0 ? Description : Core.Localization.InputText.Help(Record, Key[(Key.LastIndexOf('.') + 1)..], Description, culture);

    /// <summary>The element type of a list or the value type of a map; the field type otherwise.</summary>
    public Type ScalarType => ValueType;

    /// <summary>A number field (plain, whole or amount) that may be given as a distribution on the Uncertain sheet.</summary>
    public bool MayBeUncertain => Kind is ColumnKind.Number or ColumnKind.Money || Kind == ColumnKind.Map && CaseLayout.KindOf(ValueType) is ColumnKind.Number or ColumnKind.Money;
}

/// <summary>
/// One sheet: rows of a record type found at <see cref="PathFromParent"/> below each row of the parent sheet (a list, or a
/// map with <see cref="OwnKeys"/> as its key columns). Rows name their parent row by the parent's key columns.
/// </summary>
internal sealed class TableLayout
{
    public required string Sheet { get; init; }
    public required Type RowType { get; init; }
    public TableLayout? Parent { get; init; }
    /// <summary>Dotted path from the parent row to the list or map, e.g. "transition.oneOffCosts".</summary>
    public required string PathFromParent { get; init; }
    /// <summary>Name by which child sheets refer to a row (lists whose rows have an id), e.g. "item".</summary>
    public string? KeyName { get; init; }
    /// <summary>Map keys of the row (maps), e.g. ["option", "criterion"] for scorecard judgements.</summary>
    public IReadOnlyList<string> OwnKeys { get; init; } = [];
    public bool IsMap => OwnKeys.Count > 0;
    public List<ColumnLayout> Fields { get; } = [];
    public List<TableLayout> Children { get; } = [];
    public string Description { get; init; } = "";

    /// <summary>Key columns naming the parent row: the parent's own and inherited keys.</summary>
    public IReadOnlyList<string> ParentKeys => Parent is null ? [] : Parent.IdentityKeys;

    /// <summary>Key columns that identify a row of this sheet for its children.</summary>
    public IReadOnlyList<string> IdentityKeys => Parent is null ? [] : [.. ParentKeys, .. IsMap ? OwnKeys : KeyName is null ? [] : [KeyName]];

    /// <summary>All columns in order: parent keys, map keys, fields.</summary>
    public IReadOnlyList<string> ColumnKeys => [.. ParentKeys, .. OwnKeys, .. Fields.Select(f => f.Key)];

    public IEnumerable<TableLayout> SelfAndDescendants() => Children.SelectMany(c => c.SelfAndDescendants()).Prepend(this);
}

/// <summary>
/// The workbook layout of a case, derived by reflection from the same records and attributes as the case-file binder, so
/// every case field has a column: the case's own fields on a key/value "Case" sheet, each list or map of records on a
/// sheet of its own, nested records flattened into dotted columns (production.unitPrice), lists and maps of scalars in
/// one cell.
/// </summary>
internal static class CaseLayout
{
    private static readonly Dictionary<string, (string Sheet, string? Key, string[] MapKeys)> Names = new(StringComparer.Ordinal)
    {
        ["items"] = ("Items", "item", []),
        ["options"] = ("Options", "option", []),
        ["legs"] = ("Legs", null, []),
        ["otherCosts"] = ("OtherCosts", null, []),
        ["oneOffCosts"] = ("OneOffCosts", null, []),
        ["incentives"] = ("Incentives", null, []),
        ["strategies"] = ("Strategies", "strategy", []),
        ["billOfMaterials"] = ("BillOfMaterials", "component", []),
        ["alternativeSources"] = ("AlternativeSources", null, []),
        ["ahp"] = ("Ahp", null, []),
        ["judgements"] = ("Judgements", null, ["option", "criterion"]),
        ["events"] = ("Events", "event", []),
        ["effects"] = ("EventEffects", null, []),
        ["drivers"] = ("Drivers", "driver", []),
        ["correlations"] = ("Correlations", null, []),
        ["barriers"] = ("Barriers", null, []),
        ["countries"] = ("CountryOverrides", null, ["country"]),
    };

    /// <summary>The root (Case sheet) with every other sheet below it.</summary>
    public static TableLayout Root { get; } = Build();

    public static IReadOnlyList<TableLayout> All { get; } = Root.SelfAndDescendants().ToList();

    public static TableLayout? BySheet(string name) => All.FirstOrDefault(t => t.Sheet.Equals(name, StringComparison.OrdinalIgnoreCase));

    private static TableLayout Build()
    {
        var root = new TableLayout { Sheet = "Case", RowType = typeof(ReshoringCase), PathFromParent = "" };
        Walk(root, typeof(ReshoringCase), "", true);
        return root;
    }

    private static void Walk(TableLayout table, Type type, string prefix, bool requiredChain)
    {
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var name = CaseValidator.JsonName(p.Name);
            var key = prefix + name;
            var t = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
            var required = requiredChain && p.GetCustomAttribute<RequiredAttribute>() is not null;
            var description = p.GetCustomAttribute<DescriptionAttribute>()?.Description ?? "";
            if (IsScalar(t))
            {
                table.Fields.Add(new ColumnLayout(key, KindOf(t), t, required, description, type.Name));
            }
            else if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            {
                var element = t.GetGenericArguments()[0];
                if (IsScalar(element)) table.Fields.Add(new ColumnLayout(key, ColumnKind.List, element, required, description, type.Name));
                else Child(table, name, key, element, [], description);
            }
            else if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
            {
                var value = t.GetGenericArguments()[1];
                if (IsScalar(value)) table.Fields.Add(new ColumnLayout(key, ColumnKind.Map, value, required, description, type.Name));
                else
                {
                    var mapKeys = Names.TryGetValue(name, out var n) && n.MapKeys.Length > 0 ? n.MapKeys : ["key"];
                    while (value.IsGenericType && value.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)) value = value.GetGenericArguments()[1];
                    Child(table, name, key, value, mapKeys, description);
                }
            }
            else
            {
                Walk(table, t, key + ".", required);
            }
        }
    }

    private static void Child(TableLayout parent, string name, string path, Type rowType, string[] mapKeys, string description)
    {
        var (sheet, keyName, _) = Names.TryGetValue(name, out var n) ? n : (char.ToUpperInvariant(name[0]) + name[1..], null, []);
        var hasId = rowType.GetProperty("Id") is not null;
        var child = new TableLayout
        {
            Sheet = sheet, RowType = rowType, Parent = parent, PathFromParent = path,
            KeyName = mapKeys.Length == 0 && hasId ? keyName ?? name.TrimEnd('s') : null,
            OwnKeys = mapKeys, Description = description,
        };
        Walk(child, rowType, "", true);
        parent.Children.Add(child);
        if (child.Children.Count > 0 && child.KeyName is null && !child.IsMap)
            throw new NotSupportedException($"The workbook layout needs ids on {rowType.Name} rows to place their children.");
    }

    internal static bool IsScalar(Type t)
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        return t == typeof(string) || t == typeof(double) || t == typeof(int) || t == typeof(bool) || t.IsEnum
               || t == typeof(CountryCode) || t == typeof(CurrencyCode) || t == typeof(Money);
    }

    internal static ColumnKind KindOf(Type t)
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        if (t == typeof(double)) return ColumnKind.Number;
        if (t == typeof(int)) return ColumnKind.Integer;
        if (t == typeof(bool)) return ColumnKind.Boolean;
        if (t == typeof(Money)) return ColumnKind.Money;
        if (t == typeof(CountryCode)) return ColumnKind.Country;
        if (t == typeof(CurrencyCode)) return ColumnKind.Currency;
        return t.IsEnum ? ColumnKind.Enum : ColumnKind.Text;
    }
}
