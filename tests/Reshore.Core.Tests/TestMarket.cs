using Reshore.Core.Domain;
using Reshore.Core.MarketData;
using Reshore.Core.Values;

namespace Reshore.Core.Tests;

/// <summary>A small, fixed market for tests, independent of the bundled reference data so hand calculations stay valid.</summary>
public static class TestMarket
{
    public static CountryProfile Country(string iso, string currency, bool eu, EuTradeRegime regime, double wage, double growth, double productivity, double electricity, double grid) => new()
    {
        Code = CountryCode.Parse(iso),
        Name = iso,
        Currency = CurrencyCode.Parse(currency),
        EuMember = eu,
        TradeRegime = regime,
        TradeAgreement = regime.ToString(),
        LabourCostEurPerHour = new SourcedValue(wage, "test", 2024),
        WageGrowthPct = new SourcedValue(growth, "test", 2024),
        ProductivityIndex = new SourcedValue(productivity, "test", 2024),
        ElectricityEurPerKwh = new SourcedValue(electricity, "test", 2024),
        GridGCo2ePerKwh = new SourcedValue(grid, "test", 2023),
    };

    public static MarketSnapshot Create() => new()
    {
        AsOf = new DateOnly(2026, 11, 1),
        Version = "test",
        Countries = new[]
        {
            Country("BE", "EUR", true, EuTradeRegime.Member, 48.0, 2.0, 100, 0.20, 140),
            Country("PL", "PLN", true, EuTradeRegime.Member, 17.0, 10.0, 50, 0.19, 660),
            Country("CN", "CNY", false, EuTradeRegime.Mfn, 6.0, 5.0, 20, 0.08, 580),
            Country("VN", "VND", false, EuTradeRegime.Fta, 1.6, 8.0, 13, 0.08, 470),
        }.ToDictionary(c => c.Code),
        Lanes = new Dictionary<string, Lane>
        {
            ["CN-SEA-TEST"] = new()
            {
                Id = "CN-SEA-TEST", Origin = CountryCode.Parse("CN"), OriginPlace = "Shanghai", DestinationPlace = "Antwerp", Mode = TransportMode.Sea,
                DistanceKm = new SourcedValue(20000, "test", 2024), TransitDays = new SourcedValue(35, "test", 2024),
                Rate = new SourcedValue(2000, "test", 2025), RateCurrency = CurrencyCode.Parse("USD"), RateUnit = RateUnit.PerFeu, IsDefault = true,
            },
            ["CN-AIR-TEST"] = new()
            {
                Id = "CN-AIR-TEST", Origin = CountryCode.Parse("CN"), OriginPlace = "Shanghai", DestinationPlace = "Brussels", Mode = TransportMode.Air,
                DistanceKm = new SourcedValue(9000, "test", 2024), TransitDays = new SourcedValue(5, "test", 2024),
                Rate = new SourcedValue(4, "test", 2025), RateCurrency = CurrencyCode.Parse("USD"), RateUnit = RateUnit.PerKg, IsDefault = true,
            },
        },
        EmissionFactors =
        [
            new() { Id = "SEA", DefaultFor = TransportMode.Sea, VehicleClass = "test sea", GramsPerTonneKm = new SourcedValue(8, "test", 2025) },
            new() { Id = "ROAD", DefaultFor = TransportMode.Road, VehicleClass = "test road", GramsPerTonneKm = new SourcedValue(90, "test", 2025) },
            new() { Id = "AIR", DefaultFor = TransportMode.Air, VehicleClass = "test air", GramsPerTonneKm = new SourcedValue(800, "test", 2025) },
        ],
        EtsPriceEurPerTonne = new Dictionary<int, SourcedValue> { [2026] = new(100, "test", 2026), [2030] = new(140, "test", 2030) },
        CbamFactorPct = new Dictionary<int, SourcedValue> { [2026] = new(97.5, "test", 2026), [2030] = new(51.5, "test", 2030), [2034] = new(0, "test", 2034) },
        CbamCoveredPrefixes = ["7308", "7601"],
        CbamSource = "test",
        Tariffs =
        [
            new() { HsPrefix = "853952", Description = "LED lamps", MfnDutyPct = new SourcedValue(3.7, "test", 2026) },
            new() { HsPrefix = "7308", Description = "steel structures", MfnDutyPct = new SourcedValue(0, "test", 2026) },
            new() { HsPrefix = "7308", Description = "steel structures AD", MfnDutyPct = new SourcedValue(0, "test", 2026), Origin = CountryCode.Parse("CN"), ExtraDutyPct = new SourcedValue(20, "test", 2026), Measure = "test AD" },
        ],
        Fx = new FxTable(new Dictionary<CurrencyCode, SourcedValue> { [CurrencyCode.Parse("USD")] = new(0.9, "test", 2025), [CurrencyCode.Parse("CNY")] = new(0.125, "test", 2025), [CurrencyCode.Parse("PLN")] = new(0.24, "test", 2025) }),
    };
}
