using System.Globalization;
using Reshore.Core.Costing.Formulas;
using Reshore.Core.Domain;
using Reshore.Core.Jobs;
using Reshore.Core.MarketData;
using Reshore.Core.Values;

namespace Reshore.Core.Costing;

// Process steps (partial reshoring by step), the automation scenario, markets served with their own delivery, and the labour hours
// behind each option (docs/model.md §15–17). Without steps, automation or markets the engine runs exactly as before: every hook here
// returns the value the original code computed.
public sealed partial class TcoCostingEngine
{
    private sealed partial class Calculation
    {
        private readonly RunScope _scope;
        private readonly List<LabourHoursEntry> _labourHours = [];
        private AutomationEffect? _automationEffect;
        // Set while the production chain is built from process steps; null without steps.
        private StepChain? _chain;
        // The goods whose legs are being priced: the item (default) or a semi-finished good between steps.
        private Cargo? _cargoOverride;
        private Cargo? _itemCargo;

        private Cargo _cargo => _cargoOverride ?? (_itemCargo ??= new Cargo(_item.UnitWeightKg, _item.UnitVolumeM3, _option.Logistics?.ShipmentsPerYear, "logistics.shipmentsPerYear"));

        private sealed record Cargo(double WeightKg, double? VolumeM3, double? ShipmentsPerYear, string ShipmentsPath);

        private sealed record LabourSpec(string Path, CountryCode Country, double? Hours, LabourHoursBasis? Basis, Money? LabourCostPerHour, double? LearningRatePct, SkillShares? Skills, string? StepId);

        /// <summary>A part of a line: its value per unit and inputs, or what is missing.</summary>
        private sealed record CostPart(double Value, List<InputValue> Inputs, string? Missing);

        private sealed class StepChain
        {
            public double LeadTimeDays;
            public double TransitDays;
            public double TransportKg;
            public bool TransportComplete = true;
            public readonly List<(double Value, double Days, string Step)> InTransit = [];
            public readonly List<string> LeadTimeMissing = [];
            public readonly List<(string Path, CountryCode Country, double Kwh)> Energy = [];
        }

        // ------------------------------------------------------------ shared helpers

        /// <summary>The share of the fixed annual amounts this run carries, as an input, when it is not the whole item.</summary>
        private IEnumerable<InputValue> FixedShareInputs() =>
            _scope.FixedShare == 1 ? [] : [Derived("share of the fixed annual amounts (a)", _scope.FixedShare * 100, "%", $"markets {string.Join(", ", _scope.MarketIds)}")];

        /// <summary>A reference value in euros as a local amount of <paramref name="country"/>, in the case currency in this year.</summary>
        private double LocalEurIn(double eur, CountryProfile country) =>
            eur * _ctx.Market.Fx.Rate(CurrencyCode.Eur, _ctx.Currency) * Math.Pow(1 + _ctx.CurrencyDrift(country.Currency), _year - 1);

        /// <summary>The country's reference labour cost per hour in this year, case currency; null when the reference data hold none.</summary>
        private double? ReferenceWage(CountryProfile country)
        {
            if (_ctx.ReferenceWageAtBaseYear(country.Code) is not { } reference || _ctx.WageGrowthPct(country.Code) is not { } g) return null;
            return LocalEurIn(reference.Value, country) * Math.Pow(1 + g.Value / 100, _year - 1);
        }

        /// <summary>A given labour cost per hour (a base-year value) in this year: w × (1 + g_w)^(t−1) × fx_t.</summary>
        private double GivenWage(Money w, CountryProfile country) =>
            Money(w, 0) * _ctx.LocalWageIndex(country.Code, _year) / Math.Pow(1 + _ctx.CurrencyDrift(country.Currency), _year - 1);

        private static SkillSplit Split(SkillShares? s)
        {
            if (s is null) return SkillSplit.AllOperators;
            double o = s.OperatorsPct ?? 0, t = s.TechniciansPct ?? 0, e = s.EngineersPct ?? 0;
            var sum = o + t + e;
            return sum > 0 ? new SkillSplit(o / sum, t / sum, e / sum) : SkillSplit.AllOperators;
        }

        private bool InEu(CountryCode c) => c == _ctx.Home || _ctx.Market.Country(c).EuMember;

        /// <summary>Volume made at the option's site in this year (all its markets), for volume-banded prices.</summary>
        private double SiteVolume => VolumeInYear(_item, _year) * _scope.SiteVolumeShare;

        // ------------------------------------------------------------ labour and energy at a place

        /// <summary>
        /// Direct labour at a place (the option's own production or a step): h_t × w_t ÷ π with h_t = max(0, h − s r_t) × N_t^b
        /// (s r_t the automation's hours saved this year, when it names this place). Records the site hours h_t ÷ π × V for the jobs view
        /// whether or not the wage is known.
        /// </summary>
        private CostPart LabourAt(LabourSpec spec)
        {
            var path = spec.Path;
            var country = spec.Country;
            var profile = _ctx.Market.Country(country);
            var skills = Split(spec.Skills);
            if (spec.Hours is not { } hours)
            {
                _labourHours.Add(new LabourHoursEntry(country, spec.StepId, LabourSource.Direct, null, null, skills, $"{path}.labourHoursPerUnit"));
                return new CostPart(0, [], $"{path}.labourHoursPerUnit");
            }
            var wageGrowth = _ctx.WageGrowthPct(country);
            var homeProductivity = _ctx.Market.Countries.TryGetValue(_ctx.Home, out var homeProfile) ? homeProfile.ProductivityIndex : null;
            double? productivity = spec.Basis == LabourHoursBasis.HomeStandard
                ? profile.ProductivityIndex is { } here && homeProductivity is { } home ? here.Value / home.Value : null
                : 1.0;
            var saving = AutomationSaving(spec.StepId);
            var learning = (spec.LearningRatePct ?? 0) / 100;
            var experience = Experience();
            var baseHours = saving is { } sv ? AutomationFormulas.HoursAfterAutomation(hours, sv.Saved, sv.Ramp) : hours;
            var hoursThisYear = ProductionFormulas.LearningCurveHours(baseHours, learning, experience);
            var productivityMissing = F("Note_NoReferenceProductivity", "referenceOverrides.countries.{0}.productivityIndex, or labour hours measured at the site (the reference data hold no productivity index for {0})",
                profile.ProductivityIndex is null ? country : _ctx.Home);
            var entryIndex = _labourHours.Count;
            _labourHours.Add(new LabourHoursEntry(country, spec.StepId, LabourSource.Direct, productivity is { } pi ? hoursThisYear / pi * _volume : null, null, skills,
                productivity is null ? productivityMissing : null));
            var manualHoursThisYear = saving is null ? hoursThisYear : ProductionFormulas.LearningCurveHours(hours, learning, experience);
            if (saving is not null && productivity is { } pa)
                _automationEffect = new AutomationEffect(null, (manualHoursThisYear - hoursThisYear) / pa * _volume, 0, null, hours, saving.Value.Saved);

            if (wageGrowth is null)
                return new CostPart(0, [], F("Note_NoReferenceWageGrowth", "assumptions.wageGrowthPct.{0} (the reference data hold no wage growth for {0})", country));
            if (spec.LabourCostPerHour is null && profile.LabourCostEurPerHour is null)
                return new CostPart(0, [], path == "production"
                    ? F("Note_NoReferenceLabour", "production.labourCostPerHour or referenceOverrides.countries.{0}.labourCostPerHour (the reference data hold no labour cost for {0})", country)
                    : F("Note_NoReferenceLabourAt", "{1}.labourCostPerHour or referenceOverrides.countries.{0}.labourCostPerHour (the reference data hold no labour cost for {0})", country, path));
            if (productivity is null) return new CostPart(0, [], productivityMissing);

            var inputs = new List<InputValue> { Case($"{path}.labourHoursPerUnit (h)", hours, "h/unit") };
            double wage;
            var wageCurrency = spec.LabourCostPerHour?.Currency ?? profile.Currency;
            if (spec.LabourCostPerHour is { } w)
            {
                wage = GivenWage(w, profile);
                inputs.Add(MoneyInput($"{path}.labourCostPerHour (w)", w, "/h"));
            }
            else
            {
                var reference = _ctx.ReferenceWageAtBaseYear(country)!;
                wage = LocalEurIn(reference.Value, profile) * Math.Pow(1 + wageGrowth.Value / 100, _year - 1);
                var referenceWage = profile.LabourCostEurPerHour!;
                inputs.Add(Default($"labour cost per hour {country} ({referenceWage.Year})", referenceWage with { Source = profile.LabourCostScope is { } scope ? $"{referenceWage.Source} [{scope}]" : referenceWage.Source }, "EUR/h"));
                inputs.Add(Derived($"labour cost per hour {country} in {_ctx.Case.BaseYear} (w)", reference.Value, "EUR/h", reference.Source));
                if (_ctx.Currency != CurrencyCode.Eur) inputs.Add(FxInput(CurrencyCode.Eur));
            }
            inputs.Add(Default($"wage growth {country} (g_w)", wageGrowth, "%/yr"));
            if (spec.Basis == LabourHoursBasis.HomeStandard)
            {
                inputs.Add(Default($"productivity index {country}", profile.ProductivityIndex!, "index"));
                inputs.Add(Default($"productivity index {_ctx.Home} (home)", homeProductivity!, "index"));
            }
            inputs.Add(Derived("relative productivity (π)", productivity.Value, "ratio", spec.Basis == LabourHoursBasis.HomeStandard ? "index country ÷ index home" : "hours measured at this site"));
            inputs.Add(CaseOr($"{path}.learningRatePct (ℓ)", spec.LearningRatePct, 0, "%/doubling"));
            inputs.Add(Derived("experience (N_t)", experience, "first-year volumes", "1 + Σ_{k<t} V_k ÷ V₁"));
            if (saving is { } s) inputs.AddRange(s.Inputs);
            inputs.Add(Derived("hours per unit this year (h_t)", hoursThisYear, "h/unit", saving is null ? "Wright's law" : "max(0, h − s × r_t), then Wright's law"));
            inputs.Add(Derived("wage this year (w_t)", wage, Cur + "/h", "w × (1+g_w)^(t−1) × fx_t"));
            var value = ProductionFormulas.Labour(hoursThisYear, wage, productivity.Value);
            if (wageCurrency != _ctx.Currency) _foreignExposurePerUnit += value;
            _labourHours[entryIndex] = _labourHours[entryIndex] with { CostPerYear = value * _volume };
            if (_automationEffect is { } effect && saving is not null)
                _automationEffect = effect with { LabourSavedPerYear = ProductionFormulas.Labour(manualHoursThisYear - hoursThisYear, wage, productivity.Value) * _volume, WagePerHour = wage / productivity.Value };
            return new CostPart(value, inputs, null);
        }

        /// <summary>Electricity at a place: kWh × price (given, or the country's reference price for the site's consumption band) × energy index.</summary>
        private CostPart EnergyAt(string path, CountryProfile country, double? kwhGiven, Money? priceGiven)
        {
            if (kwhGiven is not { } kwh) return new CostPart(0, [], $"{path}.energyKwhPerUnit");
            var index = _ctx.EnergyIndex(_year);
            // The consumption band follows the item's annual electricity use at this site (kWh per unit × volume).
            if (EnergyPrice(priceGiven, $"{path}.electricityPricePerKwh", country, () => country.ElectricityFor(kwh * SiteVolume / 1000), "electricity", index)
                is not var (price, priceInput))
                return new CostPart(0, [], path == "production"
                    ? F("Note_NoReferenceElectricity", "production.electricityPricePerKwh or referenceOverrides.countries.{0}.electricityPricePerKwh (the reference data hold no electricity price for {0})", country.Code)
                    : F("Note_NoReferenceElectricityAt", "{1}.electricityPricePerKwh or referenceOverrides.countries.{0}.electricityPricePerKwh (the reference data hold no electricity price for {0})", country.Code, path));
            var value = ProductionFormulas.Energy(kwh, price);
            if ((priceGiven?.Currency ?? country.Currency) != _ctx.Currency) _foreignExposurePerUnit += value;
            return new CostPart(value, [Case($"{path}.energyKwhPerUnit", kwh, "kWh/unit"), priceInput, IndexInput("energy price index", index, "assumptions.energyPriceGrowthPct")], null);
        }

        /// <summary>
        /// Records the hours embodied in a price per unit: λ P ((1+g_w)(1+δ))^(t−1) fx_t ÷ w_t, the labour part of the price over the
        /// country's labour cost per hour. Unknown (never zero) without the labour share, the price or the country's labour cost.
        /// </summary>
        private void EmbodiedHours(string path, CountryCode country, double? labourSharePct, Money? price, string? missingPrice, string? stepId, SkillShares? skills)
        {
            var split = Split(skills);
            void Unknown(string what) => _labourHours.Add(new LabourHoursEntry(country, stepId, LabourSource.Embodied, null, null, split, what));
            if (price is not { } p)
            {
                Unknown(missingPrice ?? $"{path}.unitPrice");
                return;
            }
            if (labourSharePct is not { } share)
            {
                Unknown($"{path}.priceLabourSharePct");
                return;
            }
            var profile = _ctx.Market.Country(country);
            if (ReferenceWage(profile) is not { } wage || _ctx.WageGrowthPct(country) is not { } g)
            {
                Unknown($"referenceOverrides.countries.{country}.labourCostPerHour");
                return;
            }
            var drift = (1 + _ctx.CurrencyDrift(profile.Currency)) / (1 + _ctx.CurrencyDrift(p.Currency)) - 1;
            var labourPart = _ctx.ToCaseCurrency(p with { Amount = ProductionFormulas.EscalatedPrice(p.Amount, share / 100, g.Value / 100, 0, _year, drift) - p.Amount * (1 - share / 100) }, _year);
            var hoursPerUnit = JobsFormulas.EmbodiedHoursPerUnit(labourPart, wage);
            _labourHours.Add(new LabourHoursEntry(country, stepId, LabourSource.Embodied, hoursPerUnit * _volume, null, split, null, labourPart * _volume));
        }

        // ------------------------------------------------------------ automation

        private static int AutomationStartYear(AutomationScenario a) => a.CapexYear is null or 0 ? 1 : a.CapexYear.Value;

        /// <summary>The automation's hours saved per unit at full performance and this year's ramp-up share, when it names this place.</summary>
        private (double Saved, double Ramp, List<InputValue> Inputs)? AutomationSaving(string? stepId)
        {
            if (_option.Automation is not { } a || a.Step != stepId) return null;
            var ramp = AutomationFormulas.RampShare(a.RampUpPct, AutomationStartYear(a), _year);
            return (a.LabourHoursSavedPerUnit, ramp,
            [
                Case("automation.labourHoursSavedPerUnit (s)", a.LabourHoursSavedPerUnit, "h/unit"),
                Derived("automation ramp-up this year (r_t)", ramp * 100, "%", "automation.rampUpPct, from automation.capexYear"),
            ]);
        }

        /// <summary>The place the automation works at: its step's country and electricity price, or the option's.</summary>
        private (CountryProfile Site, Money? ElectricityPrice, string? Step) AutomationSite(AutomationScenario a)
        {
            if (a.Step is { } id && _option.Production?.Steps?.FirstOrDefault(s => s.Id == id) is { } step)
                return (_ctx.Market.Country(step.Country ?? _option.Country), step.ElectricityPricePerKwh, id);
            return (_country, _option.Production?.ElectricityPricePerKwh, null);
        }

        /// <summary>
        /// The `automation` line: (maintenance + support staff) × a ÷ V + kWh × electricity price, from the year the cells start. Records the
        /// support staff (technicians, engineers) for the jobs view.
        /// </summary>
        private double AutomationLine()
        {
            if (_option.Automation is not { } a) return 0;
            var start = AutomationStartYear(a);
            if (_year < start)
            {
                Skip("automation", LineStatus.NotApplicable, F("Note_AutomationLater", "The cells start in year {0}.", start));
                return 0;
            }
            var (site, electricity, stepId) = AutomationSite(a);
            var cells = a.Cells ?? 1;
            var inflation = _ctx.InflationIndex(_year);
            var capex = cells * _ctx.ToCaseCurrency(a.CapexPerCell, Math.Max(1, a.CapexYear ?? 0));
            var inputs = new List<InputValue> { Case("automation.cells", cells, "cells"), MoneyInput("automation.capexPerCell", a.CapexPerCell) };
            var missing = new List<string>();
            double maintenance = 0;
            if (a.MaintenancePerYear is { } m)
            {
                maintenance = Money(m, 0) * inflation;
                inputs.Add(MoneyInput("automation.maintenancePerYear", m, "/yr"));
            }
            else if (a.MaintenancePctOfCapex is { } pct)
            {
                maintenance = pct / 100 * capex * inflation;
                inputs.Add(Case("automation.maintenancePctOfCapex", pct, "%/yr"));
                inputs.Add(Derived("capex", capex, Cur, "cells × capex per cell"));
            }
            else missing.Add("automation.maintenancePctOfCapex or automation.maintenancePerYear");
            inputs.Add(IndexInput("inflation index", inflation, "assumptions.inflationPct"));

            double support = 0;
            var skills = a.Skills;
            var techFte = skills?.TechniciansFte ?? 0;
            var engFte = skills?.EngineersFte ?? 0;
            if (techFte + engFte > 0)
            {
                var hoursPerFte = WorkingTime.HoursPerFte(_ctx, site.Code);
                double? wage = skills?.SupportLabourCostPerHour is { } w ? GivenWage(w, site) : ReferenceWage(site);
                if (hoursPerFte is null) missing.Add($"jobs.hoursPerFte.{site.Code}");
                if (wage is null) missing.Add("automation.skills.supportLabourCostPerHour");
                if (hoursPerFte is { } h && wage is { } wt)
                {
                    support = (techFte + engFte) * h.Value * wt;
                    inputs.Add(Case("automation.skills.techniciansFte + engineersFte", techFte + engFte, "FTE"));
                    inputs.Add(Default($"hours per FTE {site.Code}", h, "h/yr"));
                    inputs.Add(skills?.SupportLabourCostPerHour is { } given
                        ? MoneyInput("automation.skills.supportLabourCostPerHour", given, "/h")
                        : Derived($"labour cost per hour {site.Code} this year", wt, Cur + "/h", "reference labour cost, as for direct labour"));
                    if (site.Currency != _ctx.Currency) _foreignExposurePerUnit += support * _scope.FixedShare / _volume;
                }
                _labourHours.Add(new LabourHoursEntry(site.Code, stepId, LabourSource.AutomationSupport, null, techFte * _scope.FixedShare, new SkillSplit(0, 1, 0), null));
                _labourHours.Add(new LabourHoursEntry(site.Code, stepId, LabourSource.AutomationSupport, null, engFte * _scope.FixedShare, new SkillSplit(0, 0, 1), null));
            }
            var fixedPerUnit = (maintenance + support) * _scope.FixedShare / _volume;
            double energy = 0;
            if (a.EnergyKwhPerUnit is { } kwh)
            {
                var e = EnergyAt("automation", site, kwh, electricity);
                if (e.Missing is { } what) missing.Add(what);
                else
                {
                    energy = e.Value;
                    inputs.AddRange(e.Inputs);
                }
            }
            inputs.Add(Derived("annual volume (V)", _volume, "units", "V₁ × (1+g)^(t−1)"));
            inputs.AddRange(FixedShareInputs());
            var value = fixedPerUnit + energy;
            _automationEffect = (_automationEffect ?? new AutomationEffect(null, 0, 0, null, 0, a.LabourHoursSavedPerUnit)) with { RunningCostPerYear = value * _volume };
            Add("automation", value, inputs, missing.Count == 0 ? null : F("Note_Incomplete", "Incomplete: give {0}.", string.Join(", ", missing)),
                fixedPerUnit: fixedPerUnit, incomplete: missing.Count > 0);
            return value;
        }

        // ------------------------------------------------------------ process steps

        /// <summary>
        /// An own plant's production built up step by step: each step's labour, energy and materials at its country, subcontracted steps
        /// at their price, the freight of the semi-finished good between steps and its EU duty when it enters the EU. Returns the value of
        /// the good at the last step (before overhead's fixed part is added by <see cref="Overhead"/>, which this method calls).
        /// </summary>
        private double ProductionFromSteps(ProductionInputs p, IReadOnlyList<ProcessStep> steps, double inflation)
        {
            var chain = _chain = new StepChain();
            double value = 0, labour = 0, energy = 0, materials = 0, subcontract = 0, freight = 0, duty = 0;
            var labourInputs = new List<InputValue>();
            var energyInputs = new List<InputValue>();
            var materialInputs = new List<InputValue>();
            var priceInputs = new List<InputValue>();
            var freightInputs = new List<InputValue>();
            var dutyInputs = new List<InputValue>();
            List<string> labourMissing = [], energyMissing = [], freightMissing = [], dutyMissing = [], dutyNotes = [];
            int labourParts = 0, energyParts = 0, priceParts = 0, crossings = 0;
            var anyInboundLegs = false;

            if (p.MaterialCostPerUnit is { } m)
            {
                var mv = Money(m, 0) * inflation;
                AddForeignExposure(m.Currency, mv);
                materialInputs.Add(MoneyInput("production.materialCostPerUnit", m));
                if (m.Currency != _ctx.Currency) materialInputs.Add(FxInput(m.Currency));
                materials += mv;
                value += mv;
            }
            double? valueOnLeavingEu = null;
            var previous = steps[0].Country ?? _option.Country;
            for (var k = 0; k < steps.Count; k++)
            {
                var step = steps[k];
                var country = step.Country ?? _option.Country;
                var profile = _ctx.Market.Country(country);
                var path = $"production.steps[{k}]";
                var tag = $"[{step.Id}] ";
                InputValue Tagged(InputValue i) => _explain ? i with { Name = tag + i.Name } : i;

                if (k > 0 && (step.InboundLegs ?? []) is { Count: > 0 } legs)
                {
                    anyInboundLegs = true;
                    _cargoOverride = new Cargo(step.InboundWeightKg ?? _item.UnitWeightKg, step.InboundVolumeM3 ?? _item.UnitVolumeM3, step.InboundShipmentsPerYear, $"{path}.inboundShipmentsPerYear");
                    var resolved = legs.Select((leg, i) => ResolveLeg(i, leg, $"{path}.inboundLegs[{i}]")).ToList();
                    _cargoOverride = null;
                    var legFreight = resolved.Where(l => l.FreightPerUnit is not null).Sum(l => l.FreightPerUnit!.Value);
                    freightMissing.AddRange(resolved.Where(l => l.FreightPerUnit is null).Select(l => l.Problem!));
                    freightInputs.AddRange(resolved.Where(l => l.FreightPerUnit is not null).SelectMany(l => l.Inputs.Where(i => !i.Name.StartsWith("emission", StringComparison.Ordinal))).Select(Tagged));
                    var transit = resolved.Sum(l => l.TransitDays);
                    chain.LeadTimeMissing.AddRange(resolved.Where(l => !l.TransitKnown).Select(l => $"{path}.inboundLegs[{l.Index}].transitDays"));
                    chain.TransitDays += transit;
                    chain.LeadTimeDays += transit;
                    chain.InTransit.Add((value, transit, step.Id));
                    chain.TransportKg += resolved.Sum(l => l.KgCo2ePerUnit ?? 0);
                    if (resolved.Any(l => l.KgCo2ePerUnit is null)) chain.TransportComplete = false;
                    if (InEu(previous) && !InEu(country)) valueOnLeavingEu = value + legFreight;
                    if (!InEu(previous) && InEu(country))
                    {
                        crossings++;
                        var d = StepDuty(step, path, previous, value, legFreight, valueOnLeavingEu, dutyInputs, dutyNotes, Tagged);
                        if (d is { } dv)
                        {
                            duty += dv;
                            value += dv;
                        }
                        else dutyMissing.Add(step.InboundDutyRatePct is null ? $"{path}.inboundDutyRatePct or inboundHsCode" : $"{path}.inboundDutyRatePct");
                        valueOnLeavingEu = null;
                    }
                    freight += legFreight;
                    value += legFreight;
                }
                else if (k > 0 && !InEu(previous) && InEu(country))
                {
                    // The good enters the EU without legs given: its duty cannot be valued at the border without the transport.
                    crossings++;
                    var d = StepDuty(step, path, previous, value, 0, valueOnLeavingEu, dutyInputs, dutyNotes, Tagged);
                    if (d is { } dv)
                    {
                        duty += dv;
                        value += dv;
                    }
                    else dutyMissing.Add($"{path}.inboundDutyRatePct");
                    valueOnLeavingEu = null;
                }
                else if (k > 0 && InEu(previous) && !InEu(country)) valueOnLeavingEu = value;

                if (step.ProcessingDays is { } days) chain.LeadTimeDays += days;
                else chain.LeadTimeMissing.Add($"{path}.processingDays");

                if (step.UnitPrice is { } price)
                {
                    var sp = StepPrice(step, price, country, path);
                    subcontract += sp.Value;
                    value += sp.Value;
                    priceInputs.AddRange(sp.Inputs.Select(Tagged));
                    priceParts++;
                    EmbodiedHours(path, country, step.PriceLabourSharePct, price, null, step.Id, step.SkillMix);
                }
                if (step.LabourHoursPerUnit is not null || step.UnitPrice is null)
                {
                    var l = LabourAt(new LabourSpec(path, country, step.LabourHoursPerUnit, null, step.LabourCostPerHour, step.LearningRatePct, step.SkillMix, step.Id));
                    if (l.Missing is { } what) labourMissing.Add(what);
                    else
                    {
                        labour += l.Value;
                        value += l.Value;
                        labourInputs.AddRange(l.Inputs.Select(Tagged));
                        labourParts++;
                    }
                }
                if (step.EnergyKwhPerUnit is not null || step.UnitPrice is null)
                {
                    var e = EnergyAt(path, profile, step.EnergyKwhPerUnit, step.ElectricityPricePerKwh);
                    if (step.EnergyKwhPerUnit is { } kwh) chain.Energy.Add((path, country, kwh));
                    if (e.Missing is { } what) energyMissing.Add(what);
                    else
                    {
                        energy += e.Value;
                        value += e.Value;
                        energyInputs.AddRange(e.Inputs.Select(Tagged));
                        energyParts++;
                    }
                }
                if (step.MaterialCostPerUnit is { } sm)
                {
                    var mv = Money(sm, 0) * inflation;
                    AddForeignExposure(sm.Currency, mv);
                    materialInputs.Add(Tagged(MoneyInput($"{path}.materialCostPerUnit", sm)));
                    materials += mv;
                    value += mv;
                }
                previous = country;
            }

            string Incomplete(List<string> what) => F("Note_Incomplete", "Incomplete: give {0}.", string.Join(", ", what));
            const string stepsFormula = "Σ steps: ";
            if (priceParts > 0)
                Add("unitPrice", subcontract, priceInputs, T("Note_SubcontractedSteps", "Subcontracted process steps."), stepsFormula + CostFactorCatalog.Get("unitPrice").Formula);
            else Skip("unitPrice", LineStatus.NotApplicable, T("Note_OwnPlant", "Own plant: cost is built up from labour, materials, energy and overhead."));
            if (labourParts > 0)
                Add("labour", labour, labourInputs, labourMissing.Count > 0 ? Incomplete(labourMissing) : null,
                    stepsFormula + (_option.Automation is null ? CostFactorCatalog.Get("labour").Formula : "h_t × w_t ÷ π, h_t = max(0, h − s r_t) × N_t^log2(1−ℓ)"), incomplete: labourMissing.Count > 0);
            else if (labourMissing.Count == 0) Skip("labour", LineStatus.IncludedInPrice, T("Note_StepsInPrice", "Every step is subcontracted: labour is in the step prices."));
            else NotAssessed("labour", string.Join(", ", labourMissing));
            if (materialInputs.Count > 0) Add("materials", materials, [.. materialInputs, IndexInput("inflation index (1+i)^(t−1)", inflation, "assumptions.inflationPct")], formula: "Σ materials per unit (option and steps) × (1+i)^(t−1) × fx_t");
            else NotAssessed("materials", "production.materialCostPerUnit or production.steps[].materialCostPerUnit");
            if (energyParts > 0)
                Add("energy", energy, energyInputs, energyMissing.Count > 0 ? Incomplete(energyMissing) : null, stepsFormula + CostFactorCatalog.Get("energy").Formula, incomplete: energyMissing.Count > 0);
            else if (energyMissing.Count == 0) Skip("energy", LineStatus.IncludedInPrice, T("Note_StepsInPrice", "Every step is subcontracted: labour is in the step prices."));
            else NotAssessed("energy", string.Join(", ", energyMissing));
            var direct = labour + materials + energy;
            double overhead = 0;
            if (p.OverheadPct is not null || p.OverheadPerYear is not null) overhead = Overhead(p, direct, inflation);
            else NotAssessed("overhead", "production.overheadPct or production.overheadPerYear");

            if (anyInboundLegs)
            {
                if (freightInputs.Count > 0 || freightMissing.Count == 0)
                    Add("stepTransport", freight, freightInputs, freightMissing.Count > 0 ? Incomplete(freightMissing) : null, incomplete: freightMissing.Count > 0);
                else NotAssessed("stepTransport", string.Join(", ", freightMissing));
            }
            else Skip("stepTransport", LineStatus.NotApplicable, T("Note_NoStepLegs", "No transport between the steps: they share a site."));
            if (crossings == 0)
                Skip("stepDuty", LineStatus.NotApplicable, T("Note_NoStepCrossing", "The semi-finished good does not enter the EU between steps."));
            else if (dutyInputs.Count > 0)
                Add("stepDuty", duty, dutyInputs, string.Join(" ", dutyNotes.Distinct().Concat(dutyMissing.Count > 0 ? [Incomplete(dutyMissing)] : [])) is { Length: > 0 } note ? note : null, incomplete: dutyMissing.Count > 0);
            else NotAssessed("stepDuty", string.Join(", ", dutyMissing));
            return labour + materials + energy + overhead + subcontract + freight + duty;
        }

        /// <summary>A subcontracted step's price this year, escalated as a supplier's unit price (2.1.1) with the step country's wage growth.</summary>
        private CostPart StepPrice(ProcessStep step, Money price, CountryCode country, string path)
        {
            var profile = _ctx.Market.Country(country);
            var labourShare = (step.PriceLabourSharePct ?? 0) / 100;
            var wageGrowth = _ctx.WageGrowthPct(country) ?? new SourcedValue(0, "not used: no labour share", null);
            var localAgainstPrice = (1 + _ctx.CurrencyDrift(profile.Currency)) / (1 + _ctx.CurrencyDrift(price.Currency)) - 1;
            var escalated = ProductionFormulas.EscalatedPrice(price.Amount, labourShare, wageGrowth.Value / 100, 0, _year, localAgainstPrice);
            var value = Money(price with { Amount = escalated });
            var inputs = new List<InputValue>
            {
                MoneyInput($"{path}.unitPrice (P)", price),
                CaseOr($"{path}.priceLabourSharePct (λ)", step.PriceLabourSharePct, 0, "%"),
                Default($"wage growth {country} (g_w)", wageGrowth, "%/yr"),
            };
            if (price.Currency != _ctx.Currency) inputs.Add(FxInput(price.Currency));
            return new CostPart(value, inputs, null);
        }

        /// <summary>
        /// The EU duty on a semi-finished good entering the EU at a step: rate × base, the rate given or from the previous country's regime
        /// (customs union or a preference: 0) and the EU MFN rate of its HS code; the base its value at the border or, under outward
        /// processing, the cost of the processing abroad. Null when the rate is unknown.
        /// </summary>
        private double? StepDuty(ProcessStep step, string path, CountryCode origin, double valueBeforeFreight, double inboundFreight, double? valueOnLeavingEu,
            List<InputValue> inputs, List<string> notes, Func<InputValue, InputValue> tagged)
        {
            var originProfile = _ctx.Market.Country(origin);
            var regime = originProfile.TradeRegime;
            double rate;
            var hs = new string((step.InboundHsCode ?? _item.HsCode ?? "").Where(char.IsDigit).ToArray());
            var local = new List<InputValue>();
            if (step.InboundDutyRatePct is { } given)
            {
                rate = given / 100;
                local.Add(Case($"{path}.inboundDutyRatePct", given, "%"));
            }
            else if (regime == EuTradeRegime.CustomsUnion)
            {
                rate = 0;
                notes.Add(F("Note_CustomsUnion", "Customs union with the EU ({0}): no duty on industrial goods.", originProfile.TradeAgreement));
            }
            else if (regime is EuTradeRegime.Fta or EuTradeRegime.Eba or EuTradeRegime.GspPlus && (step.InboundPreferentialOrigin ?? true))
            {
                rate = 0;
                local.Add(step.InboundPreferentialOrigin is null
                    ? Model($"{path}.inboundPreferentialOrigin", 1, "yes/no", "rules of origin assumed met")
                    : Case($"{path}.inboundPreferentialOrigin", 1, "yes/no"));
                notes.Add(F("Note_Preference", "Preferential rate 0% under {0}; requires proof of origin.", originProfile.TradeAgreement));
            }
            else if (hs.Length >= 4 && _ctx.Market.MfnTariff(hs) is { MfnDutyPct: { } mfn } tariff)
            {
                // An ad-valorem MFN rate only: a code whose duty is specific or varies by CN8 leaves the step's duty not assessed.
                rate = mfn.Value / 100;
                local.Add(Default($"EU MFN duty {tariff.HsPrefix} ({tariff.Description})", tariff.MfnDutyPct, "%"));
            }
            else return null;
            var outward = step.OutwardProcessing == true && valueOnLeavingEu is not null;
            var dutyBase = ChainFormulas.DutyBase(valueBeforeFreight, inboundFreight, valueOnLeavingEu, outward);
            local.Add(outward
                ? Derived("duty base: processing outside the EU", dutyBase, Cur, "value before the inbound freight − value on arrival outside the EU (outward processing)")
                : Derived("duty base: value at the border", dutyBase, Cur, "value of the semi-finished good + inbound freight"));
            inputs.AddRange(local.Select(tagged));
            return TradeFormulas.AdValorem(rate, dutyBase);
        }

        /// <summary>Pipeline stock of semi-finished goods between steps: Σ v_k × h × T_k ÷ 365 (0 without steps).</summary>
        private double ChainPipeline(double carryingRate) =>
            _chain is null ? 0 : ChainFormulas.Pipeline(_chain.InTransit.Select(x => (x.Value, x.Days)), carryingRate);

        private IEnumerable<InputValue> ChainPipelineInputs() =>
            _chain is null ? [] : _chain.InTransit.SelectMany(x => new[]
            {
                Derived($"[{x.Step}] semi-finished value in transit (v_k)", x.Value, Cur, "value built up before the step's inbound freight"),
                Derived($"[{x.Step}] transit days (T_k)", x.Days, "days", "Σ inbound legs"),
            });

        // ------------------------------------------------------------ emissions of steps and automation

        /// <summary>The energy of each place with its grid: the steps' (or the option's) kWh, plus the automation's at its site.</summary>
        private List<(string Path, CountryProfile Country, double Kwh)> EnergyPlaces(ProductionInputs p)
        {
            var places = _chain is not null
                ? _chain.Energy.Select(e => (e.Path, _ctx.Market.Country(e.Country), e.Kwh)).ToList()
                : p.EnergyKwhPerUnit is { } kwh ? [("production", _country, kwh)] : [];
            if (_option.Automation is { EnergyKwhPerUnit: { } ak } a && _year >= AutomationStartYear(a))
                places.Add(("automation", AutomationSite(a).Site, ak));
            return places;
        }

        private EmissionTotals ChainEmissions(ProductionInputs p, double transportKg, bool transportComplete)
        {
            var places = EnergyPlaces(p);
            var gridMissing = places.Any(x => x.Kwh > 0 && x.Country.GridGCo2ePerKwh is null);
            // Gas burnt at the main site (a chain of steps prices electricity only).
            var gasKwh = _chain is null ? p.GasKwhPerUnit ?? 0 : 0;
            var kg = places.Sum(x => CarbonFormulas.ProductionKg(x.Kwh, x.Country.GridGCo2ePerKwh?.Value ?? 0, 0)) + gasKwh * CarbonFormulas.NaturalGasKgCo2PerKwhGcv + (p.ProcessEmissionsKgPerUnit ?? 0);
            var given = places.Count > 0 || gasKwh > 0 || p.ProcessEmissionsKgPerUnit is not null;
            return new EmissionTotals(transportKg, kg, transportComplete, given && !gridMissing);
        }

        private void ChainCarbon(EmissionTotals e, double price, InputValue priceInput)
        {
            var p = _option.Production ?? new ProductionInputs();
            var places = EnergyPlaces(p);
            if (places.FirstOrDefault(x => x.Kwh > 0 && x.Country.GridGCo2ePerKwh is null) is { Path: not null } noGrid)
            {
                NotAssessed("carbonProduction", F("Note_NoReferenceGrid", "referenceOverrides.countries.{0}.gridIntensityGPerKwh (the reference data hold no grid intensity for {0})", noGrid.Country.Code));
                return;
            }
            if (!e.ProductionAssessed)
            {
                NotAssessed("carbonProduction", "production.steps[].energyKwhPerUnit or production.processEmissionsKgPerUnit");
                return;
            }
            var inputs = new List<InputValue> { Derived("production CO2e", e.ProductionKg, "kg/unit", "Σ places: kWh × grid g/kWh ÷ 1000 + process kg") };
            foreach (var (path, country, kwh) in places)
            {
                inputs.Add(Case($"{path}.energyKwhPerUnit", kwh, "kWh/unit"));
                inputs.Add(Default($"grid intensity {country.Code}", country.GridGCo2ePerKwh ?? new SourcedValue(0, "not used: no electricity use", null), "g CO2e/kWh"));
            }
            inputs.Add(CaseOr("production.processEmissionsKgPerUnit", p.ProcessEmissionsKgPerUnit, 0, "kg/unit"));
            inputs.Add(priceInput);
            if (_cbamPerUnit > 0) inputs.Add(Derived("CBAM paid at the border", _cbamPerUnit, Cur + "/unit", "CBAM line"));
            Add("carbonProduction", CarbonFormulas.NetOfCarbonPaid(CarbonFormulas.Cost(e.ProductionKg, price), _cbamPerUnit), inputs,
                _cbamPerUnit > 0 ? T("Note_CarbonNetOfCbam", "Net of the CBAM charge already paid on these emissions.") : null);
        }

        // ------------------------------------------------------------ markets

        /// <summary>
        /// Customs of a run delivered outside the home country: none when the goods are sold where they are made; for a market outside the
        /// EU, the market's own import duty and brokerage as the delivery gives them (EU duties and CBAM do not apply to exports).
        /// </summary>
        private double MarketTrade(double customsValue)
        {
            const string factors = "customsBrokerage importDuty extraTariffs cbam";
            var market = string.Join(", ", _scope.MarketIds);
            if (_option.Country == _scope.Destination)
            {
                foreach (var f in factors.Split(' '))
                    Skip(f, LineStatus.NotApplicable, F("Note_LocalSale", "Made and sold in {0}: no customs formalities or duties.", _scope.Destination));
                return 0;
            }
            var trade = _option.Trade ?? new TradeInputs();
            double total = 0;
            if (trade.BrokeragePerShipment is { } b && _option.Logistics?.ShipmentsPerYear is { } n)
            {
                var inflation = _ctx.InflationIndex(_year);
                var value = LogisticsFormulas.PerShipment(Money(b, 0) * inflation, n, _volume);
                Add("customsBrokerage", value, [MoneyInput($"deliveries.{market}.brokeragePerShipment", b), Case($"deliveries.{market}.shipmentsPerYear (n)", n, "1/yr"), IndexInput("inflation index", inflation, "assumptions.inflationPct"), Derived("annual volume (V)", _volume, "units", "market volume")], fixedPerUnit: value);
                total += value;
            }
            else NotAssessed("customsBrokerage", $"deliveries.{market}.brokeragePerShipment and shipmentsPerYear");
            if (trade.DutyRatePct is { } rate)
            {
                var value = TradeFormulas.AdValorem(rate / 100, customsValue);
                Add("importDuty", value, [Derived("customs value (CIF)", customsValue, Cur, "goods + freight to border + insurance"), Case($"deliveries.{market}.dutyRatePct", rate, "%")],
                    F("Note_ExportDuty", "Import duty of {0}, the market's country.", _scope.Destination));
                total += value;
            }
            else NotAssessed("importDuty", $"deliveries.{market}.dutyRatePct");
            Skip("extraTariffs", LineStatus.NotApplicable, T("Note_ExportExtra", "Export: give the market's extra duties in its dutyRatePct."));
            Skip("cbam", LineStatus.NotApplicable, T("Note_ExportCbam", "Export: the EU CBAM applies to imports into the EU only."));
            return total;
        }

        /// <summary>True when this run's goods go to a market outside the home country that the standard EU-import rules do not cover.</summary>
        private bool OwnTradeRules => _scope.Destination != _ctx.Home && (_option.Country == _scope.Destination || !InEu(_scope.Destination));
    }
}
