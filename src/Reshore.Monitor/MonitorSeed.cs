using Reshore.Core.Domain;

namespace Reshore.Monitor;

/// <summary>
/// The reshoring cases described in SERV's background study (§2.3.6, the Flemish cases, and the Adidas example in §3.1), as
/// published cases marked <see cref="MonitorCase.IsSeed"/>, each with the study as source and the line range of its text in
/// <c>shared/seed/000_b3d202c9750fe7be.txt</c>. Only what the study states is filled in: where it gives no year, no size or
/// no governance, the field is left unknown and the note says so. Ids are fixed so seeding twice is idempotent.
/// </summary>
public static class MonitorSeed
{
    /// <summary>Title of the study as source.</summary>
    public const string StudyTitle = "Reshoring: achtergrondstudie (SERV-secretariaat)";

    /// <summary>Publisher of the study.</summary>
    public const string StudyPublisher = "SERV – Sociaal-Economische Raad van Vlaanderen";

    private static CaseSource Study(string lines) => new() { Title = StudyTitle, Publisher = StudyPublisher, Language = "nl", Lines = lines };

    private static Guid SeedId(int n) => new($"5e5e0000-0000-4000-8000-{n:D12}");

    private static MonitorCase Case(int n, string company, string nace, string origin, string lines, GovernanceModel? governance, int? year, string[] motives, string notes,
        string home = "BE", string destination = "BE") => new()
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
        Sources = [Study(lines)],
        Notes = notes,
    };

    /// <summary>The nine seed cases.</summary>
    public static IReadOnlyList<MonitorCase> Cases { get; } =
    [
        Case(1, "Continental Automotive Benelux BVBA", "C29", "HU", "2294–2314", GovernanceModel.InHouseReshoring, 2018,
            ["knowHowSkills", "labourCostGap", "automation"],
            "Mechelen; wheel-speed sensors, moved to Veszprém (HU) in 1996, back to Belgium in 2018: lack of knowledge and experience of the Hungarian workers, rising Hungarian wages, full automation possible in Belgium. Part of Continental AG (about 232,000 employees, 2020).")
            with { SizeClass = CompanySizeClass.Large },
        Case(2, "Barco", "C26", "NO", "2316–2338", GovernanceModel.InHouseReshoring, null, ["overheadAndScale"],
            "Kortrijk; compact projectors of Projectdesign (Norway, taken over in 2013) moved to Belgium some years later: rationalising overhead, productivity gains from scale. The study gives no year."),
        Case(3, "Metes NV", "C25", "RS", "2347–2365", GovernanceModel.InHouseReshoring, null, ["automation", "economicCrisis"],
            "Dilsen-Stokkem; sheet metal and assembly. A Serbian company was taken over in 2008; after the 2008 financial crisis the automated processes came back to Belgium, the manual ones stayed in Serbia. The study gives no year for the move back."),
        Case(4, "Sylvania NV", "C27", "CN", "2367–2385", GovernanceModel.ReshoringForInsourcing, 2010,
            ["ipProtection", "coordination", "deliveryTimes", "poorQuality", "ethics"],
            "Tienen (Havells-Sylvania); LED lamps made by a Chinese co-maker brought to Tienen in 2010: IP protection, communication and limited feedback, a long supply chain, quality and ethical problems."),
        Case(5, "IVC Group", "C22", "CN", "2387–2413", GovernanceModel.ReshoringForInsourcing, 2012,
            ["qualityControl", "environmentalFootprint", "innovation", "customerProximity"],
            "Avelgem (Mohawk since 2015); Moduleo LVT flooring made in China by a third party, own plant in Avelgem operational in 2012 (the year is the plant's start, not an announcement): own aesthetic and technical norms, ecology (waste recycling, transport), design and innovation and cost, closer to Western Europe."),
        Case(6, "Corbeo", "C13", "LWC", "2414–2428", GovernanceModel.ReshoringForInsourcing, 2019, ["automation"],
            "Zele (formerly Ledent, rope and cord wholesaler); production moved from low-wage countries back to the Waasland in 2019, made possible by own cotton-rope production and heavy automation. The study names no country."),
        Case(7, "ED&A", "C26", "CN", "2430–2444", null, 2012, ["customerProximity", "qualityControl", "automation"],
            "Kalmthout; assembly of printed circuit boards brought back from China in 2012 to be closer to the customer and control quality, on an own automated assembly line. The study does not say whether the Chinese factory was owned or a contractor."),
        Case(8, "Atkore Vergokan", "C25", "RO", "2446–2464", GovernanceModel.ReshoringForOutsourcing, null,
            ["logisticsCosts", "hiddenCosts", "flexibility", "environmentalFootprint", "localEconomy"],
            "Oudenaarde; cable-tray maker moved repetitive assembly to Romania in 2016; logistics complexity and transport cost brought it back to Belgium, where the work is now done by seconded workers of Aarova, a nearby social-economy company. The study gives no year for the move back."),
        Case(9, "Adidas", "C15", "ASIA", "3093–3099", null, 2017, [],
            "Sports goods; production moved from Asia to Germany and the USA in 2017 (this case: Germany). 160 new jobs in Germany, against more than 1,000 in one Asian plant. The study names no motives.",
            home: "DE", destination: "DE") with { JobsCreated = 160 },
    ];
}
