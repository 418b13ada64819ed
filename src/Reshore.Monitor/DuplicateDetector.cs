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
        var name = NormalizeName(candidate.CompanyName);
        var matches = new List<DuplicateMatch>();
        foreach (var other in existing)
        {
            if (other.Id == candidate.Id && candidate.Id != Guid.Empty) continue;
            var sim = NameSimilarity(name, NormalizeName(other.CompanyName));
            if (sim < minNameSimilarity) continue;
            var shared = candidate.Origins.Intersect(other.Origins, StringComparer.Ordinal).ToList();
            if (candidate.Destination.Length > 0 && candidate.Destination == other.Destination) shared.Add(candidate.Destination);
            if (shared.Count == 0) continue;
            int? days = candidate.AnnouncementDate is { } a && other.AnnouncementDate is { } b ? Math.Abs(a.DayNumber - b.DayNumber) : null;
            if (days > maxDaysApart) continue;
            var reasons = new List<string>
            {
                Text.Format(culture, "Mon_Dup_Name", "Company name '{0}' is {1:P0} similar to '{2}'.", candidate.CompanyName, sim, other.CompanyName),
                Text.Format(culture, "Mon_Dup_Countries", "Shared countries: {0}.", string.Join(", ", shared.Distinct())),
                days is { } d
                    ? Text.Format(culture, "Mon_Dup_Days", "Announced {0} days apart (at most {1}).", d, maxDaysApart)
                    : Text.Get(culture, "Mon_Dup_NoDate", "An announcement date is unknown, so dates cannot rule the match out."),
            };
            matches.Add(new DuplicateMatch(other, sim, shared.Distinct().ToList(), days, reasons));
        }
        return matches.OrderByDescending(m => m.NameSimilarity).ThenBy(m => m.DaysApart ?? int.MaxValue).ToList();
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
