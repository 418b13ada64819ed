using Reshore.Core.Domain;
using Reshore.Core.MarketData;
using Reshore.Core.Values;

namespace Reshore.Core.Tests.MarketData;

/// <summary>A workspace's own reference values applied to the bundled snapshot (pure; the bundled snapshot is unchanged).</summary>
public sealed class ReferenceOverlayTests
{
    private static readonly CountryCode Ec = CountryCode.Parse("EC"), Cn = CountryCode.Parse("CN");

    [Fact]
    public void A_new_country_is_added_with_its_values_source_and_year_and_a_bundled_one_keeps_what_is_not_given()
    {
        var bundled = TestMarket.Create();
        var market = ReferenceOverlay.Apply(bundled,
        [
            new CountryEntry { Code = "ec", Name = "Ecuador", Currency = "USD", TradeRegime = EuTradeRegime.Fta, LabourCostEurPerHour = 3.1, GridGCo2ePerKwh = 250, Source = "INEC 2025", Year = 2025 },
            new CountryEntry { Code = "CN", LabourCostEurPerHour = 7.5, Source = "own audit", Year = 2026 },
        ]);
        var ec = market.Country(Ec);
        Assert.Equal("Ecuador", ec.Name);
        Assert.Equal("USD", ec.Currency.Value);
        Assert.Equal(EuTradeRegime.Fta, ec.TradeRegime);
        Assert.Equal(3.1, ec.LabourCostEurPerHour!.Value);
        Assert.Equal("workspace: INEC 2025", ec.LabourCostEurPerHour.Source);
        Assert.Equal(2025, ec.LabourCostEurPerHour.Year);
        Assert.Null(ec.ElectricityEurPerKwh); // not given: not assessed, never zero
        var cn = market.Country(Cn);
        Assert.Equal(7.5, cn.LabourCostEurPerHour!.Value);
        Assert.Equal(bundled.Country(Cn).GridGCo2ePerKwh, cn.GridGCo2ePerKwh);
        Assert.False(bundled.Countries.ContainsKey(Ec));
        Assert.Equal(6.0, bundled.Country(Cn).LabourCostEurPerHour!.Value);
    }

    [Fact]
    public void A_lane_and_an_hs_code_replace_the_bundled_row_with_the_same_key_or_are_added()
    {
        var bundled = TestMarket.Create();
        var market = ReferenceOverlay.Apply(bundled,
        [
            new LaneEntry { Id = "CN-SEA-TEST", Origin = "CN", OriginPlace = "Ningbo", Mode = "sea", DistanceKm = 21000, TransitDays = 40, Rate = 3000, RateCurrency = "USD", RateUnit = "per_feu", IsDefault = true, Source = "forwarder quote", Year = 2026 },
            new LaneEntry { Id = "EC-SEA-GUAYAQUIL", Origin = "EC", OriginPlace = "Guayaquil", Mode = "sea", DistanceKm = 10500, TransitDays = 21, Source = "sea-distances", Year = 2026 },
            new TariffRowEntry { HsCode = "8539 52", MfnDutyPct = 4.5, Source = "TARIC", Year = 2026 },
            new TariffRowEntry { HsCode = "9405", Description = "luminaires", MfnDutyPct = 4.7, Source = "TARIC", Year = 2026 },
        ]);
        Assert.Equal(3000, market.Lanes["CN-SEA-TEST"].Rate!.Value);
        Assert.Equal(21000, market.Lanes["CN-SEA-TEST"].DistanceKm.Value);
        Assert.Null(market.Lanes["EC-SEA-GUAYAQUIL"].Rate); // no rate given: the case must give one
        Assert.Equal(TransportMode.Sea, market.Lanes["EC-SEA-GUAYAQUIL"].Mode);
        Assert.Equal(4.5, market.MfnTariff("85395200")!.MfnDutyPct!.Value);
        Assert.Equal("LED lamps", market.MfnTariff("85395200")!.Description);
        Assert.Equal(4.7, market.MfnTariff("94051100")!.MfnDutyPct!.Value);
        Assert.Equal(bundled.Tariffs.Count + 1, market.Tariffs.Count);
        Assert.Equal(2000, bundled.Lanes["CN-SEA-TEST"].Rate!.Value);
    }

    [Fact]
    public void Entries_that_cannot_be_applied_name_each_problem()
    {
        var bundled = TestMarket.Create();
        Assert.Contains(new CountryEntry { Code = "EC", Source = "x", Year = 2025 }.Problems(bundled), p => p.Field == "currency");
        Assert.Contains(new CountryEntry { Code = "EC", Source = "x", Year = 2025 }.Problems(bundled), p => p.Field == "tradeRegime");
        Assert.Contains(new CountryEntry { Code = "ZZ", Source = "x", Year = 2025 }.Problems(bundled), p => p.Field == "code");
        Assert.Contains(new CountryEntry { Code = "CN", LabourCostEurPerHour = double.NaN, Source = "x", Year = 2025 }.Problems(bundled), p => p.Field == "labourCostEurPerHour");
        Assert.Contains(new CountryEntry { Code = "CN", LabourCostEurPerHour = 5, Source = " ", Year = 2025 }.Problems(bundled), p => p.Field == "source");
        Assert.Contains(new CountryEntry { Code = "CN", LabourCostEurPerHour = 5, Source = "x", Year = 1800 }.Problems(bundled), p => p.Field == "year");
        var lane = new LaneEntry { Id = "bad id!", Origin = "CN", OriginPlace = "x", Mode = "boat", DistanceKm = -1, TransitDays = 3, Rate = 5, RateCurrency = "XOF", RateUnit = "per_box", Source = "x", Year = 2025 };
        var fields = lane.Problems(bundled).Select(p => p.Field).ToList();
        Assert.Equal(["id", "mode", "rateUnit", "rateCurrency", "distanceKm"], fields);
        Assert.Contains(new TariffRowEntry { HsCode = "85A9", MfnDutyPct = 3, Source = "x", Year = 2025 }.Problems(bundled), p => p.Field == "hsCode");
        Assert.Contains(new TariffRowEntry { HsCode = "8539", MfnDutyPct = 3, ExtraDutyPct = 20, Source = "x", Year = 2025 }.Problems(bundled), p => p.Field == "origin");
        Assert.Empty(new TariffRowEntry { HsCode = "8539", MfnDutyPct = 3, Origin = "CN", ExtraDutyPct = 20, Source = "x", Year = 2025 }.Problems(bundled));
        Assert.Equal("8539-CN", new TariffRowEntry { HsCode = "85.39", MfnDutyPct = 3, Origin = "cn", Source = "x", Year = 2025 }.Key);
    }

    [Fact]
    public void The_observed_currency_drift_is_the_compound_annual_change_of_the_euro_value()
    {
        // TRY: 0.15728787 EUR (2019) → 0.022313392 EUR (2025): (0.022313392 / 0.15728787)^(1/6) − 1 = −0.2778 (−27.8 %/yr).
        Assert.Equal(-0.2778, FxTrend.AnnualDrift(0.15728787, 0.022313392, 6), 4);
        var history = new Dictionary<int, SourcedValue>
        {
            [2019] = new(0.15728787, "ECB", 2019), [2022] = new(0.057442231, "ECB", 2022), [2025] = new(0.022313392, "ECB", 2025), [2026] = new(0.0195, "ECB partial", 2026),
        };
        var t = FxTrend.Observed(history, 2025, span: 6)!.Value;
        Assert.Equal((2019, 2025), (t.From, t.To));
        Assert.Equal(-0.2778, t.Drift, 4);
        Assert.Null(FxTrend.Observed(history, 2024));
    }
}
