using System.Globalization;
using Reshore.Core.Costing;
using Reshore.Core.Domain;
using Reshore.Core.Values;

namespace Reshore.Core.Tests.Costing;

/// <summary>
/// A full case evaluated by hand. Status quo: a Chinese supplier; alternative: a Belgian supplier with a one-off cost.
/// Every number below is worked out in the comments; money in EUR, volume V = 10,000 units/year, no growth.
/// </summary>
public sealed class GoldenCaseTests
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");

    private static ReshoringCase Case() => new()
    {
        Name = "golden",
        BaseYear = 2027,
        HorizonYears = 3,
        DiscountRatePct = 10,
        Assumptions = new Assumptions { InternalCarbonPricePerTonne = 100 },
        Items =
        [
            new Item
            {
                Id = "part", AnnualVolumeUnits = 10_000, UnitWeightKg = 2, InventoryCarryingRatePct = 20,
                Options =
                [
                    new SourcingOption
                    {
                        Id = "cn", Governance = GovernanceModel.StatusQuo, Country = CountryCode.Parse("CN"),
                        Production = new ProductionInputs { UnitPrice = new Money(10, CurrencyCode.Eur) },
                        Logistics = new LogisticsInputs
                        {
                            ShipmentsPerYear = 10, InsuranceRatePct = 1,
                            Legs = [new TransportLeg { Mode = TransportMode.Sea, DistanceKm = 10_000, TransitDays = 30, Rate = new Money(2000, CurrencyCode.Eur), RateUnit = RateUnit.PerFeu, UnitsPerLoad = 1000, EmissionFactorGPerTkm = 10 }],
                        },
                        Trade = new TradeInputs { DutyRatePct = 5, BrokeragePerShipment = new Money(100, CurrencyCode.Eur) },
                    },
                    new SourcingOption
                    {
                        Id = "be", Governance = GovernanceModel.OutsourcedReshoring, Country = CountryCode.Parse("BE"),
                        Production = new ProductionInputs { UnitPrice = new Money(12.5, CurrencyCode.Eur) },
                        Transition = new TransitionInputs { OneOffCosts = [new OneOffCost { Type = OneOffCostType.Qualification, Amount = new Money(20_000, CurrencyCode.Eur) }] },
                    },
                ],
            },
        ],
    };

    private static (OptionEvaluation Cn, OptionEvaluation Be, ItemEvaluation Item) Evaluate()
    {
        var evaluation = new CaseEvaluator().Evaluate(Case(), TestMarket.Create(), En);
        var item = evaluation.Items.Single();
        return (item.Options.Single(o => o.Id == "cn"), item.Options.Single(o => o.Id == "be"), item);
    }

    private static double Line(OptionEvaluation o, string factor) => o.Lines.Single(l => l.Factor == factor).PerUnit;

    [Fact]
    public void Status_quo_lines_match_the_hand_calculation()
    {
        var (cn, _, _) = Evaluate();
        Assert.Equal(10.0, Line(cn, "unitPrice"), 12);
        Assert.Equal(2.0, Line(cn, "mainFreight"), 12);                // 2,000 per FEU ÷ 1,000 units
        Assert.Equal(0.132, Line(cn, "cargoInsurance"), 12);           // 1% × 1.1 × (10 + 2)
        Assert.Equal(0.1, Line(cn, "customsBrokerage"), 12);           // 100 × 10 shipments ÷ 10,000 units
        Assert.Equal(0.6066, Line(cn, "importDuty"), 12);              // 5% × customs value (10 + 2 + 0.132 = 12.132)
        Assert.Equal(0.02, Line(cn, "carbonTransport"), 12);           // 2 kg ÷ 1000 × 10,000 km × 10 g/t·km ÷ 1000 = 0.2 kg; 0.2 ÷ 1000 × 100 EUR/t
        // landed value v = 10 + 2.132 (freight + insurance) + 0.7066 (brokerage + duty) = 12.8386; in transit the goods carry no
        // brokerage or duty yet (paid on arrival): v_T = 12.132
        Assert.Equal(12.132 * 0.2 * 30 / 365, Line(cn, "pipelineInventory"), 12);   // = 0.1994301 (v_T × h × 30 days ÷ 365)
        Assert.Equal(12.8386 * 0.2 / 20, Line(cn, "cycleStock"), 12);                // = 0.128386 (v × h ÷ (2 × 10 shipments))
        // total: 10 + 2 + 0.132 + 0.1 + 0.6066 + 0.02 + 0.1994301 + 0.128386 = 13.1864161
        Assert.Equal(13.1864161369863, cn.TcoPerUnit, 10);
        Assert.Equal(131_864.161369863, cn.TcoPerYear, 6);
        Assert.Equal(0.2, cn.TransportCo2eKgPerUnit, 12);
    }

    [Fact]
    public void Lines_without_inputs_are_shown_as_not_assessed_and_count_zero()
    {
        var (cn, be, _) = Evaluate();
        Assert.All(cn.Lines.Where(l => l.Factor is "defects" or "travel" or "disruption" or "safetyStock"), l =>
        {
            Assert.Equal(LineStatus.NotAssessed, l.Status);
            Assert.False(l.Assessed);
            Assert.Equal(0, l.PerUnit);
            Assert.Contains("Not assessed", l.Note);
        });
        Assert.Equal(LineStatus.NotApplicable, be.Lines.Single(l => l.Factor == "importDuty").Status);
        Assert.Equal(LineStatus.IncludedInPrice, be.Lines.Single(l => l.Factor == "labour").Status);
    }

    [Fact]
    public void Business_case_matches_the_hand_calculation()
    {
        var (cn, be, item) = Evaluate();
        // Discount factors at 10%: 1/1.1 = 0.909091, 1/1.21 = 0.826446, 1/1.331 = 0.751315; sum = 2.486852.
        // PV(cn) = 131,864.1614 × 2.486852 = 327,926.6522
        Assert.Equal(327_926.6522421086, cn.PvCost, 5);
        // PV(be) = 20,000 (year 0) + 125,000 × 2.486852 = 330,856.4989
        Assert.Equal(330_856.49887302774, be.PvCost, 5);
        Assert.Equal(-2_929.846630919201, be.NpvSavingVsStatusQuo, 5);
        // Cumulative saving: −20,000; −13,135.84; −6,271.68; +592.48 → payback = 2 + 6,271.68 ÷ 6,864.16 = 2.9137
        Assert.Equal(2.9136844142111404, be.PaybackYears!.Value, 9);
        Assert.Null(cn.PaybackYears);
        // The status quo has the lower present cost, so it stays recommended although the switch pays back.
        Assert.Equal("cn", item.RecommendedOptionId);
        Assert.Equal("cn", item.StatusQuoOptionId);
        Assert.Contains("keep the status quo", item.Explanation);
        Assert.Equal(4, be.Years.Count);
        Assert.Equal(20_000, be.Years[0].OneOffCosts, 9);
        Assert.Equal(125_000, be.Years[1].RunningCost, 9);
    }

    [Fact]
    public void Drivers_name_the_factors_that_favour_the_recommendation()
    {
        var (_, _, item) = Evaluate();
        // Recommended cn versus be: be's unit price is 2.5 higher; cn's extra lines (freight 2.0, duty 0.61, ...) weigh against.
        var top = item.Drivers.First();
        Assert.Equal("unitPrice", top.Factor);
        Assert.Equal(2.5, top.PerUnitDifference, 12);
        Assert.Equal("be", top.ComparedWithOptionId);
    }
}
