using System.Globalization;
using Reshore.Core.Costing;
using Reshore.Core.Costing.Formulas;
using Reshore.Core.Domain;
using Reshore.Core.MarketData;
using Reshore.Core.Values;

namespace Reshore.Core.Tests.Costing;

/// <summary>
/// Import and extra duties that change over the horizon (issue 12 items 2 and 16): MFN rates on rows that name an origin,
/// dated reference rows and regimes averaged over the days of a year, and case schedules by calendar year.
/// Every expected value is worked by hand in the comment beside it; the customs value is the price (100 EUR, no freight).
/// </summary>
public sealed class DutyScheduleTests
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");
    private static readonly CountryCode Cn = CountryCode.Parse("CN");
    private static readonly CountryCode Bd = CountryCode.Parse("BD");

    /// <summary>The test market plus Bangladesh (EBA until 23 Nov 2029, then GSP) and rows for cylinders, knitwear and fasteners.</summary>
    private static MarketSnapshot Market()
    {
        var m = TestMarket.Create();
        var countries = m.Countries.ToDictionary(kv => kv.Key, kv => kv.Value);
        countries[Bd] = TestMarket.Country("BD", "EUR", false, EuTradeRegime.Eba, 1.0, 5.0, 10, 0.1, 600);
        return m with
        {
            Countries = countries,
            Tariffs =
            [
                .. m.Tariffs,
                // Issue 12 item 2: one row carries both the MFN rate and the Chinese anti-dumping duty.
                new TariffEntry
                {
                    HsPrefix = "8424100021", Description = "steel gas cylinders", MfnDutyPct = new SourcedValue(1.7, "test cylinders", 2025), Origin = Cn,
                    ExtraDutyPct = new SourcedValue(118, "test AD", 2025), ExtraDutyKind = ExtraDutyKind.ProvisionalAntiDumping, Measure = "R1711/25",
                },
                new TariffEntry { HsPrefix = "611020", Description = "cotton jerseys", MfnDutyPct = new SourcedValue(12, "test CET", 2020), ValidFrom = new DateOnly(2020, 1, 1) },
                new TariffEntry { HsPrefix = "731814", Description = "self-tapping screws", MfnDutyPct = new SourcedValue(3.7, "test CET", 2020) },
                new TariffEntry
                {
                    HsPrefix = "73181491", Description = "fasteners AD", Origin = Cn, ExtraDutyPct = new SourcedValue(86.5, "test Reg. 2022/191", 2022),
                    ExtraDutyKind = ExtraDutyKind.AntiDumping, Measure = "Reg. (EU) 2022/191", ValidFrom = new DateOnly(2022, 2, 17), ValidTo = new DateOnly(2027, 2, 16),
                },
                new TariffEntry
                {
                    HsPrefix = "731814", Description = "fasteners CVD", Origin = Cn, ExtraDutyPct = new SourcedValue(10, "test CVD", 2026),
                    ExtraDutyKind = ExtraDutyKind.Countervailing, Measure = "test CVD", ValidFrom = new DateOnly(2026, 1, 1),
                },
            ],
            Preferences =
            [
                new TariffPreference { Origin = Bd, Regime = EuTradeRegime.Eba, Agreement = "EBA", ValidFrom = new DateOnly(2014, 1, 1), ValidTo = new DateOnly(2029, 11, 23), Source = "test GSP" },
                new TariffPreference { Origin = Bd, Regime = EuTradeRegime.Gsp, Agreement = "GSP", ValidFrom = new DateOnly(2029, 11, 24), Source = "test GSP" },
            ],
        };
    }

    private static ReshoringCase Case(SourcingOption option, string hs, int baseYear, int horizon) => new()
    {
        Name = "duties", BaseYear = baseYear, HorizonYears = horizon, DiscountRatePct = 5,
        Items =
        [
            new Item
            {
                Id = "item", AnnualVolumeUnits = 1000, UnitWeightKg = 1, HsCode = hs,
                Options = [option with { Governance = GovernanceModel.StatusQuo }],
            },
        ],
    };

    private static SourcingOption Supplier(CountryCode country, TradeInputs? trade = null) => new()
    {
        Id = "s", Country = country, Trade = trade,
        Production = new ProductionInputs { UnitPrice = new Money(100, CurrencyCode.Eur) },
    };

    private static OptionEvaluation Evaluate(ReshoringCase c) =>
        new CaseEvaluator().Evaluate(c, Market(), En).Items.Single().Options.Single();

    private static CostLine Line(OptionEvaluation o, string factor, int year = 1) => o.YearResults[year - 1].Lines.Single(l => l.Factor == factor);

    [Fact]
    public void The_mfn_rate_on_a_row_that_names_an_origin_is_charged_with_its_anti_dumping_duty()
    {
        var o = Evaluate(Case(Supplier(Cn), "8424 10 00 21", 2027, 1));
        // MFN 1.7 % × 100 = 1.70 (before the fix: "not assessed — no reference tariff"); AD 118 % × 100 = 118.
        Assert.Equal(LineStatus.Assessed, Line(o, "importDuty").Status);
        Assert.Equal(1.7, Line(o, "importDuty").PerUnit, 12);
        Assert.Equal(118.0, Line(o, "extraTariffs").PerUnit, 12);
    }

    [Fact]
    public void A_preference_lost_during_a_year_is_charged_for_the_days_after_it_ends()
    {
        var o = Evaluate(Case(Supplier(Bd), "6110 20 99", 2028, 3));
        // 2028: EBA all year → 0.
        Assert.Equal(0.0, Line(o, "importDuty", 1).PerUnit, 12);
        // 2029: EBA 1 Jan–23 Nov = 327 days at 0 %, GSP (MFN 12 % charged) 24 Nov–31 Dec = 38 days:
        // rate = (327 × 0 + 38 × 12) ÷ 365 = 1.249315…%; duty = 100 × 1.249315…% = 1.249315…
        Assert.Equal(100 * 38 * 12.0 / 365 / 100, Line(o, "importDuty", 2).PerUnit, 12);
        Assert.Contains(Line(o, "importDuty", 2).Inputs, i => i.Name.StartsWith("EU MFN duty 611020", StringComparison.Ordinal) && i.Name.EndsWith("2029-11-24 to 2029-12-31", StringComparison.Ordinal));
        // 2030: GSP all year → MFN 12 % (upper bound, with the GSP note).
        Assert.Equal(12.0, Line(o, "importDuty", 3).PerUnit, 12);
        Assert.Contains("Standard GSP", Line(o, "importDuty", 3).Note);
    }

    [Fact]
    public void An_anti_dumping_duty_counts_until_it_expires_and_adds_to_a_countervailing_duty()
    {
        var o = Evaluate(Case(Supplier(Cn), "7318 14 91", 2026, 3));
        // 2026: AD 86.5 % + CVD 10 % all year → 96.5 per 100.
        Assert.Equal(96.5, Line(o, "extraTariffs", 1).PerUnit, 12);
        // 2027: AD 1 Jan–16 Feb = 47 days, CVD all year: (47 × 86.5 + 365 × 10) ÷ 365 = 21.138356…%.
        Assert.Equal((47 * 86.5 + 365 * 10) / 365, Line(o, "extraTariffs", 2).PerUnit, 12);
        // 2028: CVD only.
        Assert.Equal(10.0, Line(o, "extraTariffs", 3).PerUnit, 12);
        // MFN 3.7 % from the HS6 row throughout.
        Assert.Equal(3.7, Line(o, "importDuty", 3).PerUnit, 12);
    }

    [Fact]
    public void An_expired_measure_is_named_when_no_extra_duty_is_left()
    {
        var market = Market() with { Tariffs = Market().Tariffs.Where(t => t.Measure != "test CVD").ToList() };
        var c = Case(Supplier(Cn), "7318 14 91", 2028, 1);
        var o = new CaseEvaluator().Evaluate(c, market, En).Items.Single().Options.Single();
        Assert.Equal(LineStatus.NotAssessed, Line(o, "extraTariffs").Status);
        Assert.Contains("ended on 2027-02-16", Line(o, "extraTariffs").Note);
    }

    [Fact]
    public void A_case_schedule_overrides_the_reference_duty_in_the_years_it_covers()
    {
        var trade = new TradeInputs
        {
            DutySchedule =
            [
                new DutyScheduleEntry { Duty = ScheduledDuty.ImportDuty, FromYear = 2028, RatePct = 12, Reason = "FTA suspended" },
                new DutyScheduleEntry { Duty = ScheduledDuty.ExtraDuty, UntilYear = 2027, RatePct = 35.9 },
            ],
        };
        var o = Evaluate(Case(Supplier(CountryCode.Parse("VN"), trade), "6110 20 99", 2027, 2));
        // 2027: VN has an FTA → 0 % import duty; schedule extra duty 35.9 % → 35.9.
        Assert.Equal(0.0, Line(o, "importDuty", 1).PerUnit, 12);
        Assert.Equal(35.9, Line(o, "extraTariffs", 1).PerUnit, 12);
        // 2028: schedule import duty 12 % → 12; the extra duty schedule has ended and the reference has none → not assessed.
        Assert.Equal(12.0, Line(o, "importDuty", 2).PerUnit, 12);
        Assert.Contains("trade.dutySchedule[0]", Line(o, "importDuty", 2).Note);
        Assert.Equal(LineStatus.NotAssessed, Line(o, "extraTariffs", 2).Status);
    }

    [Fact]
    public void An_mfn_duty_that_varies_within_the_hs6_asks_for_the_cn_code()
    {
        var market = Market() with
        {
            Tariffs = [.. Market().Tariffs, new TariffEntry { HsPrefix = "940540", Description = "lamps", DutyExpression = "varies by CN8: 2.7-4.7%" }],
        };
        var o = new CaseEvaluator().Evaluate(Case(Supplier(Cn), "9405 40", 2027, 1), market, En).Items.Single().Options.Single();
        Assert.Equal(LineStatus.NotAssessed, Line(o, "importDuty").Status);
        Assert.Contains("varies by CN8: 2.7-4.7%", Line(o, "importDuty").Note);
        Assert.Contains("8-digit CN code", Line(o, "importDuty").Note);
    }

    [Fact]
    public void The_screening_lower_bound_takes_the_lowest_cn8_rate_when_the_hs6_rate_varies()
    {
        var on = new DateOnly(2026, 6, 1);
        var market = Market() with
        {
            Tariffs =
            [
                .. Market().Tariffs,
                new TariffEntry { HsPrefix = "940540", Description = "lamps", DutyExpression = "varies by CN8: 2.7-4.7%" },
                new TariffEntry { HsPrefix = "94054039", Description = "of plastics", MfnDutyPct = new SourcedValue(4.7, "test", 2020) },
                new TariffEntry { HsPrefix = "94054099", Description = "other", MfnDutyPct = new SourcedValue(2.7, "test", 2020) },
            ],
        };
        Assert.Equal(2.7, market.MfnRateLowerBound("940540", on));      // HS6 varies: min(4.7, 2.7)
        Assert.Equal(2.7, market.MfnRateLowerBound("9405", on));        // heading: lowest line under it
        Assert.Equal(4.7, market.MfnRateLowerBound("94054039", on));    // a CN8 with its own rate
        Assert.Equal(3.7, market.MfnRateLowerBound("85395200", on));    // the HS6 row 853952 applies
        Assert.Null(market.MfnRateLowerBound("2501", on));
    }

    [Fact]
    public void Time_weighted_rate_weighs_each_rate_by_its_days()
    {
        // (47 × 86.5 + 318 × 0) ÷ 365 = 11.138356…
        Assert.Equal(47 * 86.5 / 365, TradeFormulas.TimeWeightedRate([(47, 86.5), (318, 0)]), 12);
        Assert.Equal(12.0, TradeFormulas.TimeWeightedRate([(366, 12)]), 12);
    }
}
