using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Reshore.Core.Costing;
using Reshore.Core.Localization;
using Reshore.Core.Values;

namespace Reshore.Monitor;

/// <summary>A glossary cue found in the text: the matched words, its kind and its weight.</summary>
public sealed record ScreeningCue(string Text, string Kind, int Weight);

/// <summary>The screener's verdict on one text and the draft it pre-fills.</summary>
public sealed record ScreeningResult(bool IsLikelyReshoring, int Score, IReadOnlyList<ScreeningCue> Cues, string? Company, IReadOnlyList<string> Origins,
    string? Destination, MonitorCase Draft, string Explanation);

/// <summary>
/// Flags likely reshoring announcements in news text in Dutch, English, French or German with a keyword glossary, like the
/// Eurofound Monitor's screening of press sources. Score = 3 per core term (reshoring, terughalen, relocalisation,
/// Rückverlagerung, "brings production back"…, counted once per term), +1 per context word (production, plant, jobs…, at most 2),
/// +1 when a company is recognised, −3 per offshoring or closure cue (délocalisation, "moves production to China", "ins
/// Ausland"…), −2 per survey or opinion cue (study, enquête, Umfrage…), −4 for a negation ("no plans to"). Flagged at a score of 4
/// or more with at least one core term. Countries are recognised by name in the four languages and assigned to origin or
/// destination by the preposition before them (from/uit/de/aus vs to/naar/vers/nach). The company is a capitalised name before a
/// legal form (NV, GmbH, SA…) or before a reporting verb at the start of a sentence. The draft also gets the number of jobs
/// ("60 jobs", "60 banen", "60 emplois", "60 Arbeitsplätze") and the first date written out with a month name ("12 March 2025",
/// "12 maart 2025", "12 mars 2025", "12. März 2025", "March 12, 2025") when the text has them (<see cref="Jobs"/>,
/// <see cref="Date"/>). Measured precision and recall: docs/monitor.md.
/// </summary>
public static class NewsScreener
{
    /// <summary>Score at or above which a text is flagged.</summary>
    public const int Threshold = 4;

    private const RegexOptions Opt = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>Core terms: each says "activities come back (or near)".</summary>
    public static IReadOnlyList<string> CoreTerms { get; } =
    [
        // en
        @"re-?shor(e|es|ed|ing)\b", @"back-?shor(e|ed|ing)\b", @"near-?shor(e|ed|ing)\b", @"\brepatriat(e|es|ed|ing|ion)\b",
        @"\b(bring|brings|bringing|brought|move|moves|moved|moving|return|returns|returned|returning|shift|shifts|shifted|relocat(e|es|ed|ing))\b[\w\s,'-]{0,40}\bback\b",
        @"\bback (home|to (europe|belgium|flanders|germany|france|the uk|britain|the netherlands|italy|spain))\b",
        // nl
        @"\bterug(halen|gehaald|haalt|brengen|gebracht|brengt|te halen|te brengen|keer)\b", @"\b(haalt|halen|haalde|haalden|brengt|brengen|bracht|brachten|verhuist|verhuisde|verplaatst)\b[\w\s,'-]{0,60}\bterug\b",
        @"\bterug naar (belgi|vlaanderen|nederland|europa|duitsland|frankrijk)",
        // fr
        @"\brelocalis(e|er|é|ée|és|ées|ation|ent|era|ait)\b", @"\brapatri(e|er|é|ée|ement|ent|era)\b", @"\bretour de la production\b",
        // de
        @"r(ü|ue)ckverlager(ung|t|n|te)\b", @"\bzur(ü|ue)ck(verlagern|verlagert|verlagerte|holen|geholt|holt|holte|gekehrt|kehren)\b",
        @"\b(holt|holen|holte|verlagert|verlagern|verlagerte|bringt|bringen|brachte)\b[\w\s,'-]{0,60}\bzur(ü|ue)ck\b", @"\bRückholung\b",
    ];

    /// <summary>Context words: production, plant, jobs in the four languages.</summary>
    public static IReadOnlyList<string> ContextWords { get; } =
    [
        @"\b(production|manufacturing|factory|plant|assembly|jobs|workers)\b", @"\b(productie|fabriek|assemblage|banen|jobs|werknemers|vestiging)\b",
        @"\b(production|usine|fabrication|emplois|salariés|site)\b", @"\b(produktion|fertigung|werk|fabrik|arbeitspl(ä|ae)tze|stellen|montage)\b",
    ];

    /// <summary>Offshoring and closure cues.</summary>
    public static IReadOnlyList<string> OffshoringCues { get; } =
    [
        @"\boff-?shor(e|ed|ing)\b", @"\bd(é|e)localis(e|er|é|ée|ation)\b", @"\bins ausland\b", @"\bnaar het buitenland\b", @"\babroad\b", @"\bà l'étranger\b",
        @"\b(closes|closing|close|closure of|shut down|shuts down|sluit|sluiting|fermeture|ferme|schließt|schliesst|schließung)\b",
        @"\b(lay off|lays off|layoffs|ontslagen|licenciements|entlassungen|stellenabbau)\b",
    ];

    /// <summary>Survey, study and opinion cues: texts about reshoring rather than announcements of a case.</summary>
    public static IReadOnlyList<string> DiscussionCues { get; } =
    [
        @"\b(survey|study|report|economists?|experts?|debate|myth|trend)\b", @"\b(enquête|studie|rapport|economen|experts?|debat|mythe|trend)\b",
        @"\b(étude|sondage|économistes|tendance|mythe)\b", @"\b(umfrage|studie|bericht|ökonomen|experten|trend|mythos)\b",
    ];

    /// <summary>Negation cues.</summary>
    public static IReadOnlyList<string> NegationCues { get; } =
    [
        @"\b(no plans? to|not (bring|move|return)|will not|won't|rules out|ruled out)\b", @"\b(geen plannen|niet terug|sluit uit)\b",
        @"\b(pas de projet|n'envisage pas|exclut|ne .{0,20} pas)\b", @"\b(keine pläne|nicht zurück|schließt .{0,20} aus)\b",
    ];

    /// <summary>Country and region names in en, nl, fr, de → ISO code or region code.</summary>
    public static IReadOnlyDictionary<string, string> CountryNames { get; } = BuildCountries();

    private static Dictionary<string, string> BuildCountries()
    {
        var d = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        void Add(string code, params string[] names) { foreach (var n in names) d[n] = code; }
        Add("BE", "Belgium", "België", "Belgique", "Belgien", "Flanders", "Vlaanderen", "Flandre", "Flandern", "Wallonia", "Wallonië", "Wallonie", "Waasland");
        Add("NL", "the Netherlands", "Netherlands", "Nederland", "Pays-Bas", "Niederlande", "Niederlanden");
        Add("DE", "Germany", "Duitsland", "Allemagne", "Deutschland");
        Add("FR", "France", "Frankrijk", "Frankreich");
        Add("GB", "the UK", "UK", "United Kingdom", "Britain", "Verenigd Koninkrijk", "Royaume-Uni", "Großbritannien", "Grossbritannien");
        Add("IT", "Italy", "Italië", "Italie", "Italien");
        Add("ES", "Spain", "Spanje", "Espagne", "Spanien");
        Add("PT", "Portugal");
        Add("PL", "Poland", "Polen", "Pologne");
        Add("CZ", "Czech Republic", "Czechia", "Tsjechië", "République tchèque", "Tschechien");
        Add("SK", "Slovakia", "Slowakije", "Slovaquie", "Slowakei");
        Add("HU", "Hungary", "Hongarije", "Hongrie", "Ungarn");
        Add("RO", "Romania", "Roemenië", "Roumanie", "Rumänien");
        Add("BG", "Bulgaria", "Bulgarije", "Bulgarie", "Bulgarien");
        Add("RS", "Serbia", "Servië", "Serbie", "Serbien");
        Add("TR", "Turkey", "Türkiye", "Turkije", "Turquie", "Türkei");
        Add("MA", "Morocco", "Marokko", "Maroc");
        Add("TN", "Tunisia", "Tunesië", "Tunisie", "Tunesien");
        Add("AT", "Austria", "Oostenrijk", "Autriche", "Österreich");
        Add("CH", "Switzerland", "Zwitserland", "Suisse", "Schweiz");
        Add("SE", "Sweden", "Zweden", "Suède", "Schweden");
        Add("DK", "Denmark", "Denemarken", "Danemark", "Dänemark");
        Add("FI", "Finland", "Finlande", "Finnland");
        Add("NO", "Norway", "Noorwegen", "Norvège", "Norwegen");
        Add("IE", "Ireland", "Ierland", "Irlande", "Irland");
        Add("UA", "Ukraine", "Oekraïne");
        Add("CN", "China", "Chine", "Chinese", "Chinees", "chinois", "chinesisch");
        Add("IN", "India", "Inde", "Indien");
        Add("VN", "Vietnam", "Viëtnam", "Viêt Nam");
        Add("TH", "Thailand", "Thailande", "Thaïlande");
        Add("BD", "Bangladesh", "Bangladesch");
        Add("ID", "Indonesia", "Indonesië", "Indonésie", "Indonesien");
        Add("MY", "Malaysia", "Maleisië", "Malaisie");
        Add("TW", "Taiwan", "Taïwan");
        Add("JP", "Japan", "Japon");
        Add("KR", "South Korea", "Zuid-Korea", "Corée du Sud", "Südkorea");
        Add("US", "the United States", "United States", "the US", "the USA", "USA", "Verenigde Staten", "États-Unis", "Etats-Unis", "Vereinigte Staaten", "den USA");
        Add("MX", "Mexico", "Mexique", "Mexiko");
        Add("ASIA", "Asia", "Azië", "Asie", "Asien");
        Add("EEUR", "Eastern Europe", "Oost-Europa", "Europe de l'Est", "Osteuropa");
        Add("LWC", "low-wage countries", "lageloonlanden", "pays à bas salaires", "Niedriglohnländer", "Niedriglohnländern");
        return d;
    }

    private static readonly Regex CountryRegex = new(
        @"(?<![\p{L}])(" + string.Join("|", BuildCountries().Keys.OrderByDescending(k => k.Length).Select(Regex.Escape)) + @")(?![\p{L}])", Opt, MatchTimeout);

    private static readonly string[] OriginPreps = ["from", "uit", "vanuit", "van", "de", "d'", "du", "depuis", "aus", "von", "vom"];
    private static readonly string[] DestinationPreps = ["to", "naar", "vers", "en", "au", "aux", "nach", "in", "into", "within", "à"];

    private static readonly Regex LegalFormName = new(
        @"\b((?:[A-Z][\w&.'-]*\s){0,3}[A-Z][\w&.'-]*)\s(NV|BV|BVBA|SA|SAS|SRL|GmbH|AG|Ltd|plc|Inc|SE|SpA|Group|Groep)\b", RegexOptions.CultureInvariant, MatchTimeout);
    private static readonly Regex VerbName = new(
        @"(?:^|[.!?]\s+|\n)((?:[A-Z][\w&.'-]*\s){0,2}[A-Z][\w&.'-]*)\s(?:will|is|has|announced|announces|plans|brings|moves|returns|repatriates|relocates|opens|invests|haalt|brengt|verhuist|investeert|kondigt|gaat|wil|plant|opent|rapatrie|relocalise|va|annonce|ouvre|investit|holt|verlagert|will|plant|kündigt|eröffnet|investiert|bringt)\b",
        RegexOptions.CultureInvariant | RegexOptions.Multiline, MatchTimeout);
    private static readonly HashSet<string> NotCompanies = new(StringComparer.OrdinalIgnoreCase)
    {
        "The", "A", "De", "Het", "Een", "Le", "La", "Les", "L'", "Un", "Une", "Die", "Der", "Das", "Ein", "Eine", "This", "It", "He", "She", "They", "We", "Ze", "Hij", "Il", "Elle", "Er", "Sie",
        "Production", "Productie", "Produktion", "Reshoring", "Nearshoring", "Backshoring", "In", "Dit", "Ce", "Cette", "Dieser", "Diese",
    };

    /// <summary>
    /// Longest text screened, in characters (about 40 pages of news; a long article is 5,000–30,000). Longer texts are refused
    /// by <see cref="Screen"/>: callers check <see cref="IsTooLong"/> first and tell the user.
    /// </summary>
    public const int MaxTextLength = 200_000;

    /// <summary>True when a text is longer than <see cref="MaxTextLength"/>.</summary>
    public static bool IsTooLong(string text) => text.Length > MaxTextLength;

    // Every pattern is compiled once. The glossary patterns have no look-arounds, so they run on the non-backtracking engine,
    // whose time is linear in the text; the others have bounded repetitions only. The timeout is a last line of defence.
    private static TimeSpan MatchTimeout => TimeSpan.FromSeconds(5);
    private static Regex[] Linear(IEnumerable<string> patterns) => patterns.Select(p => new Regex(p, Opt | RegexOptions.NonBacktracking, MatchTimeout)).ToArray();
    private static readonly Regex[] CoreRegexes = Linear(CoreTerms);
    private static readonly Regex[] ContextRegexes = Linear(ContextWords);
    private static readonly Regex[] OffshoringRegexes = Linear(OffshoringCues);
    private static readonly Regex[] DiscussionRegexes = Linear(DiscussionCues);
    private static readonly Regex[] NegationRegexes = Linear(NegationCues);

    /// <summary>
    /// Screens a text and pre-fills a draft (status Draft, not validated; an editor completes it). Time grows linearly with the
    /// text; <paramref name="cancellationToken"/> is checked between the steps and while walking the matches. Throws
    /// <see cref="ArgumentOutOfRangeException"/> for a text longer than <see cref="MaxTextLength"/>.
    /// </summary>
    public static ScreeningResult Screen(string text, CultureInfo culture, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsTooLong(text))
            throw new ArgumentOutOfRangeException(nameof(text), text.Length, $"The text has {text.Length:N0} characters; the screener reads at most {MaxTextLength:N0}.");
        var cues = new List<ScreeningCue>();
        void Scan(Regex[] patterns, string kind, int weight, int? cap = null)
        {
            var n = 0;
            foreach (var p in patterns)
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (var m = p.Match(text); m.Success; m = m.NextMatch())
                {
                    if (cap is { } c && n >= c) return;
                    if (cues.Any(x => x.Kind == kind && string.Equals(x.Text, m.Value, StringComparison.OrdinalIgnoreCase))) continue;
                    cues.Add(new ScreeningCue(m.Value, kind, weight));
                    n++;
                    if (kind is "core" or "offshoring" or "negation") break; // a pattern counts once
                }
            }
        }
        Scan(CoreRegexes, "core", 3);
        Scan(ContextRegexes, "context", 1, cap: 2);
        Scan(OffshoringRegexes, "offshoring", -3);
        Scan(DiscussionRegexes, "discussion", -2, cap: 1);
        Scan(NegationRegexes, "negation", -4, cap: 1);
        cancellationToken.ThrowIfCancellationRequested();

        var (origins, destination) = Countries(text, cancellationToken);
        // Moving out of Europe to a far country is offshoring whatever the verbs say.
        var near = CaseContext.NearshoreCountries;
        if (destination is not null && !near.Contains(destination) && (origins.Count == 0 || origins.Any(near.Contains)))
            cues.Add(new ScreeningCue(destination, "farDestination", -3));

        var company = Company(text);
        if (company is not null) cues.Add(new ScreeningCue(company, "company", 1));
        var score = cues.Sum(c => c.Weight);
        var flagged = score >= Threshold && cues.Any(c => c.Kind == "core");

        var draft = new MonitorCase
        {
            Status = CaseStatus.Draft,
            CompanyName = company ?? "",
            HomeCountry = destination is not null && MonitorLocations.IsCountry(destination) ? destination : "",
            Destination = destination is not null && MonitorLocations.IsCountry(destination) ? destination : "",
            Origins = origins.Where(o => o != destination).ToList(),
            JobsCreated = Jobs(text),
            Investment = Investment(text),
            AnnouncementDate = Date(text),
            Notes = Text.Get(culture, "Mon_Screen_DraftNote", "Pre-filled by the news screener: check the company, the home country and the countries.") + "\n\n" + text,
        };
        var cueText = cues.Count == 0 ? "—" : string.Join(", ", cues.Select(c => $"{c.Text} ({c.Weight:+0;-0})"));
        var explanation = flagged
            ? Text.Format(culture, "Mon_Screen_Flagged", "Likely a reshoring announcement (score {0}, threshold {1}): {2}.", score, Threshold, cueText)
            : Text.Format(culture, "Mon_Screen_NotFlagged", "Probably not a reshoring announcement (score {0}, threshold {1}): {2}.", score, Threshold, cueText);
        return new ScreeningResult(flagged, score, cues, company, draft.Origins, destination, draft, explanation);
    }

    private static readonly Regex JobsRegex = new(
        @"(?<![\d.,])(\d{1,3}(?:[.,\u00A0\u202F ]\d{3})+|\d+)\s+(?:(?:new|extra|additional|nieuwe|extra|bijkomende|nouveaux|neue|zus(?:ä|ae)tzliche)\s+)?" +
        @"(?:jobs|banen|arbeidsplaatsen|emplois|postes|arbeitspl(?:ä|ae)tze|stellen)(?![\p{L}])", Opt, MatchTimeout);

    /// <summary>The number of jobs the text announces ("60 jobs", "60 nieuwe banen", "1.200 emplois", "60 Arbeitsplätze"), the first one found; null when none.</summary>
    public static int? Jobs(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var m = JobsRegex.Match(text);
        if (!m.Success) return null;
        var digits = new string(m.Groups[1].Value.Where(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    // "EUR 12 million", "€12m", "€ 2,5 miljoen", "12 miljoen euro", "12 millions d'euros", "12 Mio. Euro", "$30 million", "£5m", "1.2 billion euros".
    private const string Amount = @"(\d{1,3}(?:[.,\u00A0\u202F ]\d{3})+|\d+(?:[.,]\d+)?)";
    private const string Scale = @"(million|millions|mln|mio\.?|miljoen|m|bn|billion|billions|milliard|milliarden|miljard|mrd\.?)";
    private static readonly Regex CurrencyFirst = new(@"(?<![\p{L}\d])(€|EUR|euro|\$|US\$|USD|£|GBP)\s?" + Amount + @"(?:\s?" + Scale + @")?(?![\p{L}\d])", Opt, MatchTimeout);
    private static readonly Regex AmountFirst = new(@"(?<![\p{L}\d.,])" + Amount + @"\s?" + Scale + @"\s+(?:d['’]\s?)?(euros?|eur|€|dollars?|usd|pounds?|gbp)(?![\p{L}])", Opt, MatchTimeout);

    /// <summary>
    /// The first amount of money the text names with a scale or a currency ("EUR 12 million", "€12m", "12 miljoen euro",
    /// "12 millions d'euros", "12 Mio. Euro", "$30 million"); null when none. A bare currency amount without a scale is taken as is.
    /// </summary>
    public static Money? Investment(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<(int Index, string Number, string? Scale, string Currency)>();
        foreach (Match m in CurrencyFirst.Matches(text)) found.Add((m.Index, m.Groups[2].Value, m.Groups[3].Success ? m.Groups[3].Value : null, m.Groups[1].Value));
        foreach (Match m in AmountFirst.Matches(text)) found.Add((m.Index, m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value));
        foreach (var (_, number, scale, currency) in found.OrderBy(f => f.Index))
        {
            if (ParseNumber(number) is not { } n) continue;
            var factor = scale?.ToLowerInvariant().TrimEnd('.') switch
            {
                null => 1d,
                "bn" or "billion" or "billions" or "milliard" or "milliarden" or "miljard" or "mrd" => 1e9,
                _ => 1e6,
            };
            var code = currency.ToLowerInvariant() switch
            {
                "$" or "us$" or "usd" or "dollar" or "dollars" => "USD",
                "£" or "gbp" or "pound" or "pounds" => "GBP",
                _ => "EUR",
            };
            if (scale is null && n < 1000) continue;   // "€5" is a price, not an investment
            if (Money.TryParse(string.Create(CultureInfo.InvariantCulture, $"{n * factor:0.##} {code}"), CurrencyCode.Eur, out var money, out _)) return money;
        }
        return null;
    }

    // "12", "2,5", "2.5", "1.200", "1,200", "1 200": a separator followed by exactly three digits groups thousands; otherwise it is the decimal mark.
    private static double? ParseNumber(string text)
    {
        var t = text.Replace('\u00A0', ' ').Replace('\u202F', ' ');
        if (Regex.IsMatch(t, @"^\d{1,3}([.,  ]\d{3})+$")) t = new string(t.Where(char.IsAsciiDigit).ToArray());
        else t = t.Replace(',', '.');
        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    private static readonly Dictionary<string, int> Months = BuildMonths();

    private static Dictionary<string, int> BuildMonths()
    {
        var d = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        string[][] names =
        [
            ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
            ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
            ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
            ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
        ];
        foreach (var language in names)
            for (var i = 0; i < 12; i++) d[language[i]] = i + 1;
        d["fevrier"] = 2;
        d["aout"] = 8;
        d["decembre"] = 12;
        d["Maerz"] = 3;
        return d;
    }

    private static readonly string MonthPattern = string.Join("|", Months.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape));
    private static readonly Regex DayMonthYear = new(@"(?<![\p{L}\d])(\d{1,2})(?:st|nd|rd|th|er)?\.?\s+(" + MonthPattern + @")\s+(\d{4})(?!\d)", Opt, MatchTimeout);
    private static readonly Regex MonthDayYear = new(@"(?<![\p{L}])(" + MonthPattern + @")\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)", Opt, MatchTimeout);

    /// <summary>The first valid date written with a month name in English, Dutch, French or German ("12 March 2025", "12 maart 2025", "1er mars 2025", "12. März 2025", "March 12, 2025"); null when none.</summary>
    public static DateOnly? Date(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<(int Index, int Day, int Month, int Year)>();
        foreach (Match m in DayMonthYear.Matches(text))
            found.Add((m.Index, int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Months[m.Groups[2].Value], int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture)));
        foreach (Match m in MonthDayYear.Matches(text))
            found.Add((m.Index, int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), Months[m.Groups[1].Value], int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture)));
        foreach (var (_, day, month, year) in found.OrderBy(f => f.Index))
            if (year is >= 1950 and <= 9999 && day >= 1 && day <= DateTime.DaysInMonth(year, month)) return new DateOnly(year, month, day);
        return null;
    }

    /// <summary>The recognised company name, or null.</summary>
    public static string? Company(string text)
    {
        var m = LegalFormName.Match(text);
        if (m.Success)
        {
            var words = m.Groups[1].Value.Split(' ').SkipWhile(w => NotCompanies.Contains(w) || CountryNames.ContainsKey(w)).ToList();
            if (words.Count > 0) return string.Join(' ', words) + " " + m.Groups[2].Value;
        }
        foreach (Match v in VerbName.Matches(text))
        {
            var words = v.Groups[1].Value.Split(' ').SkipWhile(w => NotCompanies.Contains(w)).ToList();
            if (words.Count > 0 && !CountryNames.ContainsKey(string.Join(' ', words))) return string.Join(' ', words);
        }
        return null;
    }

    private static readonly Regex WordRegex = new(@"[\p{L}']+", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, MatchTimeout);

    /// <summary>How far before a country name the preposition is looked for (three words fit easily).</summary>
    private const int LookBack = 48;

    /// <summary>
    /// Origins and destination recognised in the text (by the preposition before each country name). Only the
    /// <see cref="LookBack"/> characters before a name are read, so the work per name is constant and the whole is linear.
    /// </summary>
    public static (IReadOnlyList<string> Origins, string? Destination) Countries(string text, CancellationToken cancellationToken = default)
    {
        var origins = new List<string>();
        string? destination = null, fallback = null;
        var seen = 0;
        for (var m = CountryRegex.Match(text); m.Success; m = m.NextMatch())
        {
            if (++seen % 256 == 0) cancellationToken.ThrowIfCancellationRequested();
            var code = CountryNames[m.Value];
            var start = Math.Max(0, m.Index - LookBack);
            var before = text[start..m.Index].TrimEnd();
            var words = WordRegex.Matches(before).Select(x => x.Value.ToLowerInvariant()).TakeLast(3).Reverse().ToList();
            // skip articles between the preposition and the name ("from the", "naar het", "vers la", "aus dem")
            var prep = words.FirstOrDefault(w => w is not ("the" or "het" or "de" or "la" or "le" or "l'" or "dem" or "der" or "den" or "die")) ?? "";
            if (words.Count > 0 && words[0] == "de" && !(words.Count > 1 && DestinationPreps.Contains(words[1]))) prep = "de";
            if (before.EndsWith("d'", StringComparison.OrdinalIgnoreCase)) prep = "d'";
            if (OriginPreps.Contains(prep)) { if (!origins.Contains(code)) origins.Add(code); }
            else if (DestinationPreps.Contains(prep) && prep != "in") destination ??= code;
            else if (prep == "in") fallback ??= code;
        }
        destination ??= fallback is not null && !origins.Contains(fallback) ? fallback : null;
        return (origins, destination);
    }
}
