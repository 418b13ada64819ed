using System.Globalization;
using System.Text;
using Reshore.Core.Localization;

namespace Reshore.Monitor;

/// <summary>A possible duplicate: the existing case and why it matches.</summary>
public sealed record DuplicateMatch(MonitorCase Existing, double NameSimilarity, IReadOnlyList<string> SharedCountries, int? DaysApart, IReadOnlyList<string> Reasons);

/// <summary>
/// Warns when a case looks like one already in the monitor: similar company name (after <see cref="NormalizeName"/>),
/// at least one shared origin or the same destination, and announcement dates at most <c>maxDaysApart</c> apart (or a date
/// unknown on either side). Name similarity is the larger of the Levenshtein ratio and 0.9 when every word of the shorter name
/// is in the longer one ("Continental" vs "Continental Automotive Benelux").
/// </summary>
public sealed class DuplicateDetector(int maxDaysApart = 365, double minNameSimilarity = 0.85)
{
    private static readonly HashSet<string> LegalForms =
    [
        "nv", "bv", "bvba", "vzw", "cv", "cvba", "sa", "sprl", "srl", "sas", "sarl", "sca", "gmbh", "ag", "kg", "ohg", "se", "ltd", "limited", "plc",
        "llc", "inc", "corp", "corporation", "co", "company", "spa", "oy", "ab", "as", "aps", "kft", "sro", "zoo", "group", "groep", "groupe", "gruppe", "holding",
    ];

    /// <summary>The matches of <paramref name="candidate"/> among <paramref name="existing"/> (the candidate itself, by id, is skipped).</summary>
    public IReadOnlyList<DuplicateMatch> Find(MonitorCase candidate, IEnumerable<MonitorCase> existing, CultureInfo culture)
    {
        var index = new DuplicateIndex(this);
        foreach (var c in existing) index.Add(c);
        return index.Find(candidate, culture);
    }

    /// <summary>The match of two cases whose normalised names are given, or null (names not similar, no shared country, dates too far apart).</summary>
    internal DuplicateMatch? Match(MonitorCase candidate, string candidateName, MonitorCase other, string otherName, CultureInfo culture)
    {
        if (other.Id == candidate.Id && candidate.Id != Guid.Empty) return null;
        // The cheap tests first: dates, then countries, then the name distance.
        int? days = candidate.AnnouncementDate is { } a && other.AnnouncementDate is { } b ? Math.Abs(a.DayNumber - b.DayNumber) : null;
        if (days > maxDaysApart) return null;
        var shared = candidate.Origins.Intersect(other.Origins, StringComparer.Ordinal).ToList();
        if (candidate.Destination.Length > 0 && candidate.Destination == other.Destination) shared.Add(candidate.Destination);
        if (shared.Count == 0) return null;
        var sim = candidateName == otherName ? 1 : NameSimilarity(candidateName, otherName);
        if (sim < minNameSimilarity) return null;
        var reasons = new List<string>
        {
            Text.Format(culture, "Mon_Dup_Name", "Company name '{0}' is {1:P0} similar to '{2}'.", candidate.CompanyName, sim, other.CompanyName),
            Text.Format(culture, "Mon_Dup_Countries", "Shared countries: {0}.", string.Join(", ", shared.Distinct())),
            days is { } d
                ? Text.Format(culture, "Mon_Dup_Days", "Announced {0} days apart (at most {1}).", d, maxDaysApart)
                : Text.Get(culture, "Mon_Dup_NoDate", "An announcement date is unknown, so dates cannot rule the match out."),
        };
        return new DuplicateMatch(other, sim, shared.Distinct().ToList(), days, reasons);
    }

    /// <summary>Lower case, accents removed, "&amp;", dots, hyphens and apostrophes dropped, legal forms (NV, BV, SA, GmbH, Ltd…) and "group" removed.</summary>
    public static string NormalizeName(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder();
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            if (ch is '.' or '&' or '\'' or '’' or '-') continue;
            sb.Append(char.IsLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : ' ');
        }
        var words = sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !LegalForms.Contains(w)).ToList();
        return string.Join(' ', words);
    }

    /// <summary>Similarity of two normalised names in [0, 1].</summary>
    public static double NameSimilarity(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0) return 0;
        if (a == b) return 1;
        var ratio = 1 - (double)Levenshtein(a, b) / Math.Max(a.Length, b.Length);
        var wa = a.Split(' ');
        var wb = b.Split(' ');
        var (shorter, longer) = wa.Length <= wb.Length ? (wa, wb) : (wb, wa);
        var contained = shorter.All(w => longer.Contains(w)) ? 0.9 : 0;
        return Math.Max(ratio, contained);
    }

    private static int Levenshtein(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}

/// <summary>
/// The cases seen so far, grouped by normalised company name (<see cref="DuplicateDetector.NormalizeName"/>), so that finding the
/// possible duplicates of one case costs about the same however many cases there are: cases with the same normalised name are
/// found through one dictionary look-up, and similar names only among the names that share a blocking key with the candidate — a
/// word of the name, its first three or its last three letters. A key shared by more than <see cref="MaxBlock"/> different names
/// ("industries", "belgium") says too little to be worth comparing and is not followed; names that only share such keys are not
/// compared, and of many cases with one name only the last <see cref="MaxBlock"/> added are compared. Used by the import (every row against the stored cases and the rows before it) and by the store on create.
/// </summary>
public sealed class DuplicateIndex(DuplicateDetector detector)
{
    /// <summary>Most names a blocking key may group before it is no longer followed.</summary>
    public const int MaxBlock = 32;

    /// <summary>Most cases one candidate is compared with (same name first, the most recent first).</summary>
    public const int MaxComparisons = 64;

    private readonly Dictionary<string, List<MonitorCase>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _namesByKey = new(StringComparer.Ordinal);

    /// <summary>Adds a case.</summary>
    public void Add(MonitorCase c)
    {
        var name = DuplicateDetector.NormalizeName(c.CompanyName);
        if (_byName.TryGetValue(name, out var list)) { list.Add(c); return; }
        _byName[name] = [c];
        foreach (var key in Keys(name))
        {
            if (!_namesByKey.TryGetValue(key, out var names)) _namesByKey[key] = names = [];
            if (names.Count <= MaxBlock) names.Add(name);
        }
    }

    /// <summary>The possible duplicates of a case among those added, best first.</summary>
    public IReadOnlyList<DuplicateMatch> Find(MonitorCase candidate, CultureInfo culture)
    {
        var name = DuplicateDetector.NormalizeName(candidate.CompanyName);
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (_byName.ContainsKey(name)) names.Add(name);
        foreach (var key in Keys(name))
            if (_namesByKey.TryGetValue(key, out var block) && block.Count <= MaxBlock)
                names.UnionWith(block);
        var matches = new List<DuplicateMatch>();
        var compared = 0;
        foreach (var other in names.OrderBy(n => n == name ? 0 : 1))
            for (var i = _byName[other].Count - 1; i >= 0 && compared < MaxComparisons; i--, compared++)
                if (detector.Match(candidate, name, _byName[other][i], other, culture) is { } m) matches.Add(m);
        return matches.OrderByDescending(m => m.NameSimilarity).ThenBy(m => m.DaysApart ?? int.MaxValue).ToList();
    }

    private static IEnumerable<string> Keys(string name)
    {
        if (name.Length == 0) yield break;
        foreach (var w in name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct()) yield return "w:" + w;
        yield return "p:" + name[..Math.Min(3, name.Length)];
        yield return "s:" + name[Math.Max(0, name.Length - 3)..];
    }
}
