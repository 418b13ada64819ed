using Reshore.Core.Domain;

namespace Reshore.Monitor;

/// <summary>
/// The reshoring cases described in SERV's background study (§2.3.6, the Flemish cases, and the Adidas example in §3.1), as
/// published cases marked <see cref="MonitorCase.IsSeed"/>, each with the study (SERV-secretariaat, "Reshoring: achtergrondstudie",
/// Sociaal-Economische Raad van Vlaanderen) as source. Only what the study states is filled in: where it gives no year, no size or
/// no governance, the field is left unknown and the note says so. Ids are fixed so seeding twice is idempotent.
/// </summary>
public static class MonitorSeed
{
    /// <summary>Title of the study as source.</summary>
    public const string StudyTitle = "Reshoring: achtergrondstudie (SERV-secretariaat)";

    /// <summary>Publisher of the study.</summary>
    public const string StudyPublisher = "SERV – Sociaal-Economische Raad van Vlaanderen";

    private static CaseSource Study(string lines) => new() { Title = StudyTitle, Publisher = StudyPublisher, Language = "nl", Lines = lines };

    // Footnote 44 (study line 2342) gives two master's theses as the sources of the Flemish cases of §2.3.6.
    private static readonly CaseSource[] Footnote44 =
    [
        new() { Title = "Degroote, W. (2020). Uitkomsten van reshoring bij Belgische ondernemingen: een case-based onderzoek", Publisher = "Universiteit Gent (masterproef)", Language = "nl", Lines = "footnote 44, line 2342" },
        new() { Title = "Buyse, S. (2014). Reshoring bij bedrijven in de Benelux: een onderzoek naar de rol van innovatie", Publisher = "KU Leuven (masterproef)", Language = "nl", Lines = "footnote 44, lines 2344–2346" },
    ];

    private static Guid SeedId(int n) => new($"5e5e0000-0000-4000-8000-{n:D12}");

    private static MonitorCase Case(int n, string company, string nace, string origin, string lines, GovernanceModel? governance, int? year, string[] motives, string notes,
        string? region, CaseSource[]? sources = null, string home = "BE", string destination = "BE") => new()
    {
        Id = SeedId(n),
        Status = CaseStatus.Published,
        IsSeed = true,
        CreatedBy = "seed",
        CompanyName = company,
        HomeCountry = home,
        Destination = destination,
        Origins = [origin],
        NaceCode = nace,
        Function = BusinessFunction.Production,
        AnnouncementDate = year is { } y ? new DateOnly(y, 1, 1) : null,
        AnnouncementYearOnly = year is not null,
        Governance = governance,
        Motives = motives,
        Region = region,
        Sources = [Study(lines), .. sources ?? []],
        Notes = notes,
    };

    /// <summary>The nine seed cases.</summary>
    public static IReadOnlyList<MonitorCase> Cases { get; } =
    [
        Case(1, "Continental Automotive Benelux BVBA", "C29", "HU", "2294–2314", GovernanceModel.InHouseReshoring, 2018,
            ["knowHowSkills", "labourCostGap", "automation"],
            "Mechelen; wheel-speed sensors, moved to Veszprém (HU) in 1996 for cheaper labour, back to Belgium in 2018: lack of knowledge and experience of the Hungarian workers, rising Hungarian wages, full automation possible in Belgium. The Belgian entity's size is not given: the study's 232,000 employees (2020) are those of the group, Continental AG.",
            "BE21", Footnote44) with { ParentCompany = "Continental AG" },
        Case(2, "Barco", "C26", "NO", "2316–2338", null, null, ["overheadAndScale"],
            "Kortrijk; compact projectors of Projectdesign (Norway), which Barco took over in 2013, moved to Belgium some years later: rationalising overhead, productivity gains from scale. An acquisition consolidated in Belgium: the activity was never offshored from Belgium, so this is a relocation to the home country rather than reshoring in the strict sense (type set by hand to other; governance not a reshoring model). The study gives no year.",
            "BE25", Footnote44) with { TypeOverride = ReshoringType.Other },
        Case(3, "Metes NV", "C25", "RS", "2347–2365", GovernanceModel.InHouseReshoring, null, ["automation"],
            "Dilsen-Stokkem; sheet metal and assembly. A Serbian company was taken over in 2008 for the lower wages; after the 2008 financial crisis (the timing, not a motive) the automated processes came back to Belgium, the manual ones stayed in Serbia for the lower labour cost. The study gives no year for the move back.",
            "BE22", Footnote44) with { IsPartial = true, MovedActivities = "automated production processes", StayedActivities = "manual processes that could not be automated (Serbia, lower wages)", ParentCompany = "Esma NV" },
        Case(4, "Sylvania NV", "C27", "CN", "2367–2385", GovernanceModel.ReshoringForInsourcing, 2010,
            ["ipProtection", "coordination", "deliveryTimes", "poorQuality", "ethics"],
            "Tienen (Havells-Sylvania); LED lamps made by a Chinese co-maker brought to Tienen in 2010: protection of intellectual property, communication and limited feedback, a long supply chain, quality and ethical problems.",
            "BE24", Footnote44) with { ParentCompany = "Havells-Sylvania Group" },
        Case(5, "IVC Group", "C22", "CN", "2387–2413", GovernanceModel.ReshoringForInsourcing, 2012,
            ["qualityControl", "environmentalFootprint", "innovation", "hiddenCosts", "customerProximity"],
            "Avelgem (Mohawk since 2015); Moduleo LVT flooring made in China by a third party, own plant in Avelgem operational in 2012 (the year is the plant's start, not an announcement): own aesthetic and technical norms, ecology (waste recycling, transport), a competitive drive of design, innovation and cost impact (line 2411; recorded as the total cost of producing abroad), closer to its largest market, Western Europe.",
            "BE25", Footnote44) with { ParentCompany = "Mohawk Industries" },
        Case(6, "Corbeo", "C13", "LWC", "2414–2428", null, 2019, ["automation"],
            "Zele (formerly Ledent, rope and cord wholesaler); production moved from low-wage countries back to the Waasland in 2019, made possible by own cotton-rope production and heavy automation. The study names no country and does not say whether the production abroad was its own or a supplier's (governance unknown).",
            "BE23", [.. Footnote44, new CaseSource { Title = "De Tijd, 8 september 2020", Publisher = "De Tijd", Date = new DateOnly(2020, 9, 8), Language = "nl", Lines = "footnote 45, line 2474" }]),
        Case(7, "ED&A", "C26", "CN", "2430–2444", null, 2012, ["customerProximity", "qualityControl", "automation"],
            "Kalmthout; assembly of printed circuit boards brought back from China in 2012 to be closer to the customer and control quality, on an own automated assembly line. The study does not say whether the Chinese factory was owned or a contractor.",
            "BE21", [.. Footnote44, new CaseSource { Title = "De Standaard, 7 maart 2020", Publisher = "De Standaard", Date = new DateOnly(2020, 3, 7), Language = "nl", Lines = "footnote 46, line 2476" }]),
        Case(8, "Atkore Vergokan", "C25", "RO", "2446–2464", GovernanceModel.InHouseReshoring, 2021,
            ["logisticsCosts", "hiddenCosts", "flexibility", "environmentalFootprint", "localEconomy"],
            "Oudenaarde; cable-tray maker moved repetitive assembly to Romania in 2016; logistics complexity and transport cost brought it back to Belgium, where the work is now done by seconded workers of Aarova, a nearby social-economy company (maatwerkbedrijf) — closer to in-house production than to outsourcing. The study gives no year for the move back: 2021 is the date of its source (De Standaard, 28 May 2021), so the move came that year or earlier.",
            "BE23", [.. Footnote44, new CaseSource { Title = "Opnieuw in België produceren geeft gewoon ook een goed gevoel", Publisher = "De Standaard", Date = new DateOnly(2021, 5, 28), Language = "nl", Lines = "footnote 47, line 2478" }])
            with { SocialEconomyPartner = "Aarova (maatwerkbedrijf)", ParentCompany = "Atkore" },
        Case(9, "Adidas", "C15", "ASIA", "3093–3099", null, 2017, [],
            "Sports goods; production moved from Asia to Germany and the USA in 2017 (this case: Germany). 160 new jobs in Germany, against more than 1,000 in one Asian plant. The study names no motives. Reversed: adidas announced on 11 November 2019 that its Speedfactories in Ansbach and Atlanta would stop by April 2020 and the technology move to its Asian suppliers (not in the study).",
            null, [new CaseSource { Title = "adidas deploying Speedfactory technologies at Asian suppliers by end of 2020", Publisher = "adidas AG (press release)", Date = new DateOnly(2019, 11, 11), Language = "en" }],
            home: "DE", destination: "DE") with { JobsCreated = 160, Reversal = ReversalKind.Reversed, ReversalDate = new DateOnly(2020, 1, 1), ReversalYearOnly = true },
    ];
}
