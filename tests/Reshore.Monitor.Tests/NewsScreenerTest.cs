using System.Globalization;
using Reshore.Monitor;
using Xunit.Abstractions;

namespace Reshore.Monitor.Tests;

public sealed class NewsScreenerTest(ITestOutputHelper output)
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");

    // Short texts written for this test: (text, is a reshoring announcement). Tricky negatives: offshoring, closures, surveys,
    // denials, "back" in other senses, the word reshoring in opinion pieces.
    public static readonly (string Text, bool Positive)[] Labelled =
    [
        // English positives
        ("Barco announced it will bring production of its projectors back from Norway to Belgium, creating 40 jobs.", true),
        ("Textile maker Corbeo is reshoring rope production from Asia to its plant in Zele.", true),
        ("Adidas will move shoe production back to Germany from Asia in a new automated factory.", true),
        ("Vandemoortele NV is bringing dough production back to Belgium from Turkey after quality problems.", true),
        ("The furniture maker Lind Ltd repatriates assembly from China to the UK, adding 60 jobs at its plant.", true),
        ("Electronics firm Sensix GmbH is nearshoring PCB assembly from China to Poland to shorten delivery times.", true),
        ("Bicycle producer Ridley brings frame production back to Belgium from Taiwan.", true),
        ("Hawk Tools Ltd has reshored manufacturing of garden tools from India to its Sheffield factory, creating 25 jobs.", true),
        ("Italian shoemaker Calzari SpA returns production back home from Romania, citing the 'made in Italy' effect.", true),
        ("Pumps maker Aquaflow Inc will relocate assembly back to Ireland from Mexico.", true),
        // Dutch positives
        ("Metes NV haalt de geautomatiseerde productie terug uit Servië naar Dilsen-Stokkem.", true),
        ("Sylvania brengt de productie van LED-lampen terug van China naar Tienen.", true),
        ("ED&A haalt de productie van printplaten terug uit China om dichter bij de klant te zitten.", true),
        ("Het Kortrijkse bedrijf Vanassche BV verhuist zijn assemblage van Roemenië terug naar België; er komen 30 banen bij.", true),
        ("Speelgoedfabrikant Jollyjumps NV kiest voor reshoring: de productie komt terug naar Vlaanderen uit China.", true),
        ("Atkore Vergokan heeft de montage teruggehaald uit Roemenië naar Oudenaarde.", true),
        ("Kledingmerk Xandres brengt een deel van de productie terug naar Europa, van Bangladesh naar Portugal.", true),
        ("Continental haalt de productie van wielsnelheidssensoren terug uit Hongarije naar Mechelen.", true),
        // French positives
        ("Le fabricant Rossignol SA relocalise la production de skis de Chine vers la France.", true),
        ("L'entreprise Lunetterie Dupont va rapatrier sa fabrication de Chine en France, avec 50 emplois à la clé.", true),
        ("Le groupe Somfy annonce la relocalisation de son usine de moteurs de Tunisie vers la France.", true),
        ("Bic rapatrie la production de rasoirs depuis la Chine vers son site de Boulogne.", true),
        ("La PME Textiles du Nord SAS relocalise la confection du Maroc en France.", true),
        // German positives
        ("Die Firma Steiff holt die Produktion von Plüschtieren aus China nach Deutschland zurück.", true),
        ("Der Maschinenbauer Krause GmbH plant die Rückverlagerung der Montage aus Ungarn nach Deutschland.", true),
        ("Trigema verlagert die Fertigung von T-Shirts aus Asien zurück nach Deutschland und schafft 80 Arbeitsplätze.", true),
        ("Die Kunststoff Weber AG hat die Fertigung aus China zurückgeholt, ins Werk in Bayern.", true),
        // English negatives
        ("Carmaker Voltra will move production from Belgium to China next year, cutting 400 jobs.", false),
        ("A survey of 1,300 managers finds that reshoring remains rare, economists say.", false),
        ("Steel group Arcelor closes its plant in Liège; production moves abroad to India.", false),
        ("The company has no plans to bring production back from China, its CEO said.", false),
        ("Shares of Barco bounced back after strong quarterly results.", false),
        ("Reshoring is a myth, argues a new study by the Kiel Institute.", false),
        ("Toyota opens a new plant in Thailand to serve Asian markets.", false),
        ("The electronics maker is offshoring its call centre to India.", false),
        // Dutch negatives
        ("Bekaert sluit de fabriek in Zwevegem en verhuist de productie naar het buitenland.", false),
        ("Volgens een enquête van Fedustria wil 42% van de bedrijven leveranciers dichter bij huis, maar slaagt slechts 11%.", false),
        ("De vakbond vraagt de regering om de banen in Genk terug te winnen na de sluiting.", false),
        ("Het bedrijf opent een nieuwe fabriek in Vietnam om de Aziatische markt te bedienen.", false),
        // French negatives
        ("Le fabricant annonce la délocalisation de son usine de Lille vers la Roumanie.", false),
        ("Selon une étude, la relocalisation reste marginale en Europe.", false),
        ("Le constructeur ferme son site de Maubeuge et supprime 300 emplois.", false),
        // German negatives
        ("Der Autozulieferer verlagert die Produktion ins Ausland nach Mexiko und baut 500 Stellen ab.", false),
        ("Laut einer Umfrage denken viele Unternehmen über eine Rückverlagerung nach, doch nur wenige handeln.", false),
        ("Das Unternehmen eröffnet ein neues Werk in China für den asiatischen Markt.", false),
    ];

    [Fact]
    public void Labelled_set_precision_and_recall()
    {
        Assert.True(Labelled.Length >= 40);
        int tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var (text, positive) in Labelled)
        {
            var r = NewsScreener.Screen(text, En);
            if (r.IsLikelyReshoring && positive) tp++;
            else if (r.IsLikelyReshoring) { fp++; output.WriteLine($"FALSE POSITIVE: {text}\n  {r.Explanation}"); }
            else if (positive) { fn++; output.WriteLine($"FALSE NEGATIVE: {text}\n  {r.Explanation}"); }
            else tn++;
        }
        var precision = (double)tp / (tp + fp);
        var recall = (double)tp / (tp + fn);
        output.WriteLine($"Labelled texts: {Labelled.Length} ({tp + fn} positive, {fp + tn} negative); TP {tp}, FP {fp}, FN {fn}, TN {tn}");
        output.WriteLine($"Precision {precision:F3}, recall {recall:F3}");
        Assert.True(precision >= 0.8, $"precision {precision:F3} < 0.8");
        Assert.True(recall >= 0.8, $"recall {recall:F3} < 0.8");
    }

    [Theory]
    [InlineData("Metes NV haalt de geautomatiseerde productie terug uit Servië naar Dilsen-Stokkem.", "Metes NV", "RS", null)]
    [InlineData("Le fabricant Rossignol SA relocalise la production de skis de Chine vers la France.", "Rossignol SA", "CN", "FR")]
    [InlineData("Die Firma Steiff holt die Produktion von Plüschtieren aus China nach Deutschland zurück.", null, "CN", "DE")]
    [InlineData("Barco announced it will bring production of its projectors back from Norway to Belgium, creating 40 jobs.", "Barco", "NO", "BE")]
    public void Prefills_company_and_countries(string text, string? company, string origin, string? destination)
    {
        var r = NewsScreener.Screen(text, En);
        if (company is not null) Assert.Equal(company, r.Company);
        Assert.Contains(origin, r.Origins);
        Assert.Equal(destination, r.Destination);
        Assert.Equal(CaseStatus.Draft, r.Draft.Status);
        Assert.Contains(text, r.Draft.Notes);
    }

    [Theory]
    [InlineData("The reshoring creates 60 jobs at the plant in Ghent.", 60)]
    [InlineData("Het bedrijf haalt de productie terug en creëert 60 banen.", 60)]
    [InlineData("Er komen 45 nieuwe banen bij in Mechelen.", 45)]
    [InlineData("La relocalisation crée 60 emplois à Lille.", 60)]
    [InlineData("Trigema schafft 60 Arbeitsplätze in Burladingen.", 60)]
    [InlineData("The plant will add 1,200 jobs by 2027.", 1200)]
    [InlineData("Production comes back to Belgium.", null)]
    [InlineData("In 2025 the plant doubled its output.", null)]
    public void Finds_the_number_of_jobs(string text, int? jobs)
    {
        Assert.Equal(jobs, NewsScreener.Jobs(text));
        Assert.Equal(jobs, NewsScreener.Screen(text, En).Draft.JobsCreated);
    }

    [Theory]
    [InlineData("Ghent, 12 March 2025. Veldhoven Optics NV brings production back.", "2025-03-12")]
    [InlineData("Gent, 12 maart 2025 – Metes NV haalt de productie terug.", "2025-03-12")]
    [InlineData("Lille, le 1er mars 2025 : la PME relocalise.", "2025-03-01")]
    [InlineData("Berlin, 12. März 2025: Steiff holt die Produktion zurück.", "2025-03-12")]
    [InlineData("On March 12, 2025 the company announced it is reshoring.", "2025-03-12")]
    [InlineData("On 31 February 2025 nothing happened; on 3 May 2025 it did.", "2025-05-03")]
    [InlineData("The company brings production back in March.", null)]
    public void Finds_the_announcement_date(string text, string? date)
    {
        DateOnly? expected = date is null ? null : DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(expected, NewsScreener.Date(text));
        var draft = NewsScreener.Screen(text, En).Draft;
        Assert.Equal(expected, draft.AnnouncementDate);
        Assert.False(draft.AnnouncementYearOnly);
    }
}
