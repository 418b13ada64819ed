using System.Globalization;
using Reshore.Core.Costing;
using Reshore.Core.Costing.Formulas;
using Reshore.Core.Domain;
using Reshore.Core.Support;
using Reshore.Core.Tests.Formulas;
using Reshore.Core.Validation;
using Reshore.Core.Values;

namespace Reshore.Core.Tests.Support;

/// <summary>Support instruments, the incentive that flips the decision, additionality and State-aid flags (docs/model.md §21), by hand.</summary>
public sealed class SupportTests
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");
    private static Money Eur(double v) => new(v, CurrencyCode.Eur);

    [Fact]
    public void An_instrument_pays_its_intensity_of_the_eligible_cost_up_to_its_ceiling()
    {
        // VLAIO strategic transformation support: 8% of 1,180,000 = 94,400 (below the 500,000 ceiling).
        FormulaAssert.Near(94_400, SupportFormulas.InstrumentAmount(0.08, 1_180_000, null, 500_000), 1e-9, "8% of 1,180,000");
        // 8% of 10,000,000 = 800,000, capped at 500,000.
        FormulaAssert.Near(500_000, SupportFormulas.InstrumentAmount(0.08, 10_000_000, null, 500_000), 1e-9, "capped");
        // Thematic investment deduction: 40% of 1,000,000 deducted, saving 25% tax = 100,000.
        FormulaAssert.Near(100_000, SupportFormulas.InstrumentAmount(0.40, 1_000_000, 0.25, null), 1e-9, "deduction × tax rate");
        Assert.Throws<ArgumentOutOfRangeException>(() => SupportFormulas.InstrumentAmount(-0.1, 1, null, null));
    }

    [Fact]
    public void The_incentive_to_flip_is_the_present_cost_gap_and_a_year_1_credit_is_it_compounded_once()
    {
        FormulaAssert.Near(18_068_229.66, SupportFormulas.IncentiveToFlip(104_923_405.66, 86_855_176.00), 1e-6, "gap");
        Assert.Equal(0, SupportFormulas.IncentiveToFlip(80, 100));
        // 100 at the start = 108 in year 1 at 8%: 100 ÷ (1 ÷ 1.08).
        FormulaAssert.Near(108, SupportFormulas.AmountInYear(100, 1 / 1.08), 1e-9, "year-1 amount");
    }

    [Fact]
    public void Incentives_are_deadweight_additional_or_insufficient()
    {
        // Wins by 10 with 10 of incentives: 110 without ≤ 120 → all deadweight.
        Assert.Equal((AdditionalityStatus.Deadweight, 0.0, 10.0, 0.0), SupportFormulas.Additionality(100, 10, 120));
        // Wins with 30 of incentives, not without (130 > 120): 10 needed, 20 windfall.
        Assert.Equal((AdditionalityStatus.Additional, 10.0, 20.0, 0.0), SupportFormulas.Additionality(100, 30, 120));
        // Loses by 10 even with 10 of incentives: a further 10 needed.
        Assert.Equal((AdditionalityStatus.Insufficient, 10.0, 0.0, 10.0), SupportFormulas.Additionality(130, 10, 120));
        Assert.Equal((AdditionalityStatus.None, 0.0, 0.0, 10.0), SupportFormulas.Additionality(130, 0, 120));
        Assert.Equal(5.0, SupportFormulas.IntensityPct(50_000, 1_000_000));
        Assert.Null(SupportFormulas.IntensityPct(1, 0));
        Assert.Equal(20.0, SupportFormulas.MaxIntensityPct([10, null, 20]));
    }

    private static Reshore.Core.MarketData.MarketSnapshot Market() => TestMarket.Create() with
    {
        Instruments = new Dictionary<string, SupportInstrument>
        {
            ["test-invest"] = new()
            {
                Id = "test-invest", Name = "Test investment aid", Level = "flemish", Authority = "test", Type = IncentiveType.Subsidy, CostBase = AidCostBase.Investment,
                Sizes = [FirmSize.Small, FirmSize.Medium], Region = "BE", IntensityPct = new Dictionary<FirmSize, double> { [FirmSize.Small] = 8, [FirmSize.Medium] = 8 },
                CeilingEur = 50_000, CeilingPer = "year", StateAidRules = ["gber-17"], Source = "test", Year = 2025,
            },
            ["test-local"] = new()
            {
                Id = "test-local", Name = "Local-content aid", Level = "federal", Authority = "test", Type = IncentiveType.Subsidy, CostBase = AidCostBase.Investment,
                Sizes = [FirmSize.Medium], Region = "BE", IntensityPct = new Dictionary<FirmSize, double> { [FirmSize.Medium] = 1 },
                LocalContentCondition = true, Source = "test", Year = 2025,
            },
        },
        StateAidRules = new Dictionary<string, StateAidRule>
        {
            ["gber-17"] = new()
            {
                Id = "gber-17", Name = "SME investment aid", Article = "GBER art. 17", CostBase = AidCostBase.Investment,
                MaxIntensityPct = new Dictionary<FirmSize, double> { [FirmSize.Small] = 20, [FirmSize.Medium] = 10 }, NotificationThresholdEur = 8_250_000, Source = "test", Year = 2023,
            },
        },
    };

    private static ReshoringCase Case(IReadOnlyList<Incentive> incentives, FirmSize? size = FirmSize.Medium) => new()
    {
        Name = "support", BaseYear = 2027, HorizonYears = 1, DiscountRatePct = 0,
        Support = size is null ? null : new SupportSettings { FirmSize = size },
        Items =
        [
            new Item
            {
                Id = "part", AnnualVolumeUnits = 10_000, UnitWeightKg = 1,
                Options =
                [
                    new SourcingOption { Id = "cn", Governance = GovernanceModel.StatusQuo, Country = CountryCode.Parse("CN"), Production = new ProductionInputs { UnitPrice = Eur(60) } },
                    new SourcingOption
                    {
                        Id = "be", Governance = GovernanceModel.ReshoringForOutsourcing, Country = CountryCode.Parse("BE"), Production = new ProductionInputs { UnitPrice = Eur(70) },
                        Transition = new TransitionInputs
                        {
                            OneOffCosts = [new OneOffCost { Type = OneOffCostType.CapexMachines, Amount = Eur(1_000_000) }, new OneOffCost { Type = OneOffCostType.Training, Amount = Eur(40_000) }],
                            Incentives = incentives,
                        },
                    },
                ],
            },
        ],
    };

    [Fact]
    public void A_case_references_an_instrument_and_the_incentive_to_flip_makes_the_options_tie()
    {
        var market = Market();
        var c = Case([new Incentive { Type = IncentiveType.Subsidy, Instrument = "test-invest" }]);
        Assert.Empty(CaseValidator.Validate(c, market));
        var item = new CaseEvaluator().Evaluate(c, market, En).Items.Single();
        var be = item.Options.Single(o => o.Id == "be");
        // 8% × 1,000,000 (the capex; training is not investment) = 80,000, capped at 50,000.
        Assert.Equal(50_000, be.IncentivesTotal, 6);
        var s = item.Support!;
        var beSupport = s.Options.Single(o => o.OptionId == "be");
        Assert.Equal(1_000_000, beSupport.EligibleInvestment, 6);
        Assert.True(beSupport.Incentives.Single().Capped);
        var gap = be.PvCost - item.Options.Single(o => o.Id == "cn").PvCost;
        Assert.True(gap > 0);
        Assert.Equal(gap, beSupport.IncentiveToFlip, 6);
        Assert.Equal("be", s.CheapestReshoringOptionId);
        Assert.Equal(AdditionalityStatus.Insufficient, beSupport.Additionality);
        // (50,000 granted + the gap) ÷ 1,000,000 against GBER art. 17's 10% for a medium-sized firm.
        Assert.Equal((50_000 + gap) / 1_000_000 * 100, beSupport.IntensityToFlipPct!.Value, 6);
        Assert.Equal(10, beSupport.GberMaxInvestmentIntensityPct);
        Assert.Contains(beSupport.Flags, f => f.Kind == (beSupport.IntensityToFlipPct > 10 ? "flipBeyondGber" : "flipWithinGber"));

        // The break-even: add the incentive to flip as a grant at the start and the two options cost the same.
        var flipped = Case([new Incentive { Type = IncentiveType.Subsidy, Instrument = "test-invest" }, new Incentive { Type = IncentiveType.Subsidy, Amount = Eur(beSupport.IncentiveToFlip) }]);
        var after = new CaseEvaluator().Evaluate(flipped, market, En).Items.Single();
        Assert.Equal(after.Options.Single(o => o.Id == "cn").PvCost, after.Options.Single(o => o.Id == "be").PvCost, 4);
        Assert.Equal(AdditionalityStatus.Additional, after.Support!.Options.Single(o => o.OptionId == "be").Additionality);
    }

    [Fact]
    public void Local_content_aid_is_flagged_and_a_size_the_instrument_excludes_gets_nothing()
    {
        var market = Market();
        var c = Case([new Incentive { Type = IncentiveType.Subsidy, Instrument = "test-local" }, new Incentive { Type = IncentiveType.Subsidy, Instrument = "test-invest" }], FirmSize.Large);
        var item = new CaseEvaluator().Evaluate(c, market, En).Items.Single();
        var be = item.Support!.Options.Single(o => o.OptionId == "be");
        Assert.Contains(be.Flags, f => f.Kind == "wtoLocalContent" && f.Severity == "error" && f.Path == "$.items[0].options[1].transition.incentives[0]");
        Assert.Contains(be.Flags, f => f.Kind == "eligibility" && f.Path == "$.items[0].options[1].transition.incentives[1]");
        Assert.Equal(0, item.Options.Single(o => o.Id == "be").IncentivesTotal, 9);
    }

    [Fact]
    public void Validation_names_the_json_path_of_a_bad_instrument_reference()
    {
        var market = Market();
        var unknown = CaseValidator.Validate(Case([new Incentive { Type = IncentiveType.Subsidy, Instrument = "nope" }]), market);
        Assert.Contains(unknown, e => e.Path == "$.items[0].options[1].transition.incentives[0].instrument" && e.Message.Contains("test-invest"));
        var both = CaseValidator.Validate(Case([new Incentive { Type = IncentiveType.Subsidy, Instrument = "test-invest", Amount = Eur(1) }]), market);
        Assert.Contains(both, e => e.Path == "$.items[0].options[1].transition.incentives[0].amount");
        var noSize = CaseValidator.Validate(Case([new Incentive { Type = IncentiveType.Subsidy, Instrument = "test-invest" }], null), market);
        Assert.Contains(noSize, e => e.Path == "$.support.firmSize");
        var wrongType = CaseValidator.Validate(Case([new Incentive { Type = IncentiveType.TaxCredit, Instrument = "test-invest" }]), market);
        Assert.Contains(wrongType, e => e.Path == "$.items[0].options[1].transition.incentives[0].type");
    }
}
