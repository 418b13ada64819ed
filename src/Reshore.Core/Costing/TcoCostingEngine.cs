using System.Globalization;
using System.Runtime.CompilerServices;
using Reshore.Core.Costing.Formulas;
using Reshore.Core.Domain;
using Reshore.Core.Localization;
using Reshore.Core.MarketData;
using Reshore.Core.Values;

namespace Reshore.Core.Costing;

/// <summary>
/// Computes every cost factor of one sourcing option for one year of the horizon. Pure: a function of the
/// case context (case + reference data), the item, the option, the year and the output language.
/// Each factor's arithmetic lives in <see cref="Formulas"/>; this class resolves inputs (case value, reference
/// default or derived), records where each came from, and decides whether a line applies.
/// </summary>
public sealed partial class TcoCostingEngine
{
    /// <summary>An engine that writes every line's notes and the sources of its inputs.</summary>
    public TcoCostingEngine() : this(explain: true) { }

    /// <summary>
    /// An engine; with <paramref name="explain"/> false its lines have no notes and no inputs (the factors, statuses and amounts are the
    /// same): for searches and compiled costs that read only the amounts and run the engine thousands of times.
    /// </summary>
    public TcoCostingEngine(bool explain) => Explains = explain;

    /// <summary>Whether lines carry their notes and inputs.</summary>
    public bool Explains { get; }

    /// <summary>Computes the lines of <paramref name="option"/> for horizon year <paramref name="year"/> (1-based).</summary>
    /// <remarks>With markets (item.markets), the option's markets are costed run by run and merged (<see cref="MarketRuns"/>).</remarks>
    public OptionYearResult Calculate(CaseContext context, Item item, SourcingOption option, int year, CultureInfo culture) =>
        item.Markets is { Count: > 0 } ? MarketRuns.Calculate(this, context, item, option, year, culture) : Calculate(context, item, option, year, culture, null);

    /// <summary>
    /// Computes the lines of <paramref name="option"/> for horizon year <paramref name="year"/> for part of the item's markets
    /// (<paramref name="scope"/>: their share of the volume and of the fixed annual amounts, and where they are delivered); the
    /// whole item delivered to the home country when null.
    /// </summary>
    public OptionYearResult Calculate(CaseContext context, Item item, SourcingOption option, int year, CultureInfo culture, RunScope? scope)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        return new Calculation(context, item, option, year, culture, scope ?? RunScope.Whole(context.Home), Explains).Run();
    }

    /// <summary>Annual volume of an item in horizon year t: V × (1 + g)^(t−1).</summary>
    public static double VolumeInYear(Item item, int year) =>
        item.AnnualVolumeUnits * Math.Pow(1 + (item.DemandGrowthPct ?? 0) / 100, year - 1);

    /// <summary>The option's supply type: explicit, or supplier when a unit price is given.</summary>
    public static SupplyType SupplyTypeOf(SourcingOption option) =>
        option.SupplyType ?? (option.Production?.UnitPrice is not null ? SupplyType.Supplier : SupplyType.OwnPlant);

    private sealed partial class Calculation
    {
        private readonly CaseContext _ctx;
        private readonly Item _item;
        private readonly SourcingOption _option;
        private readonly int _year;
        private readonly CultureInfo _culture;
        private readonly double _volume;
        private readonly CountryProfile _country;
        private readonly SupplyType _supply;
        private readonly List<CostLine> _lines = new(CostFactorCatalog.All.Count);
        private double _foreignExposurePerUnit;
        private double _cbamPerUnit;
        // Case fields whose absence leaves the lead time unknown (empty when it is known): the lines that need it are not assessed.
        private string? _leadTimeMissing;

        private readonly bool _explain;

        public Calculation(CaseContext ctx, Item item, SourcingOption option, int year, CultureInfo culture, RunScope scope, bool explain)
        {
            _explain = explain;
            _ctx = ctx;
            _item = item;
            _option = option;
            _year = year;
            _culture = culture;
            _scope = scope;
            _volume = VolumeInYear(item, year) * scope.VolumeShare;
            _country = ctx.Market.Country(option.Country);
            _supply = SupplyTypeOf(option);
        }

        private string Cur => _ctx.Currency.Value;

        public OptionYearResult Run()
        {
            var goodsValue = Production();
            goodsValue += AutomationLine();
            var legs = ResolveLegs();
            var freight = Logistics(goodsValue, legs);
            var customsValue = goodsValue + freight.ToBorder + freight.Insurance;
            var tradeCost = Trade(customsValue);
            var emissions = Emissions(legs, freight);
            Carbon(emissions);
            var landedValue = goodsValue + freight.Total + tradeCost;
            var leadTimeDays = (_option.Production?.OrderProcessingDays ?? 0) + (_option.Production?.ProductionLeadTimeDays ?? 0) + legs.Sum(l => l.TransitDays) + (_chain?.LeadTimeDays ?? 0);
            _leadTimeMissing = LeadTimeMissing(legs);
            var transitDays = legs.Sum(l => l.TransitDays);
            Inventory(landedValue, landedValue - tradeCost, transitDays, leadTimeDays);
            Quality(landedValue);
            Management(leadTimeDays);
            Risk(leadTimeDays, customsValue);
            Strategic(landedValue);
            Other();
            return new OptionYearResult
            {
                Year = _year,
                CalendarYear = _ctx.CalendarYear(_year),
                Volume = _volume,
                Lines = _lines,
                TransportKgCo2ePerUnit = emissions.TransportKg,
                ProductionKgCo2ePerUnit = emissions.ProductionKg,
                TransportEmissionsComplete = emissions.Complete,
                LeadTimeDays = leadTimeDays,
                LeadTimeKnown = _leadTimeMissing is null,
                TransitDays = transitDays,
                ProductionEmissionsAssessed = emissions.ProductionAssessed,
                LandedValuePerUnit = landedValue,
                LabourHours = _labourHours,
                Automation = _automationEffect,
            };
        }

        // ---------------------------------------------------------------- helpers

        // Without explanations (TcoCostingEngine.Explains), notes and sources are empty: nothing that is computed reads them.
        private string T(string key, string english) => _explain ? Text.Get(_culture, key, english) : "";

        private string F(string key, string english, params object?[] args) => _explain ? Text.Format(_culture, key, english, args) : "";

        /// <summary>
        /// Every input of a line is made here. Without explanations the lines keep no inputs (only their amounts are read: searches and
        /// compiled costs run the engine thousands of times), so all inputs are this one placeholder and their names and units are not
        /// formatted (<see cref="Label"/>): a third of what those runs allocated.
        /// </summary>
        private InputValue Input([InterpolatedStringHandlerArgument("")] Label name, double value, [InterpolatedStringHandlerArgument("")] Label unit, string source, bool isDefault) =>
            _explain ? new(name.Text(), value, unit.Text(), source, isDefault) : Unexplained;

        private static readonly InputValue Unexplained = new("", 0, "", "", false);

        private InputValue Case([InterpolatedStringHandlerArgument("")] Label name, double value, [InterpolatedStringHandlerArgument("")] Label unit) =>
            Input(name, value, unit, "case", false);

        private InputValue Default([InterpolatedStringHandlerArgument("")] Label name, SourcedValue v, [InterpolatedStringHandlerArgument("")] Label unit) =>
            Input(name, v.Value, unit, !_explain ? "" : v.Source.StartsWith("case", StringComparison.Ordinal) ? v.Source : Sourced("default: ", v.Source, v.Year),
                !v.Source.StartsWith("case", StringComparison.Ordinal));

        /// <summary>"default: source (year)": a reference value's source as the inputs show it.</summary>
        private static string Sourced(string prefix, string source, int? year) => $"{prefix}{source}{(year is { } y ? $" ({y})" : "")}";

        private InputValue Derived([InterpolatedStringHandlerArgument("")] Label name, double value, [InterpolatedStringHandlerArgument("")] Label unit, string how) =>
            Input(name, value, unit, _explain ? $"derived: {how}" : "", false);

        private InputValue Model([InterpolatedStringHandlerArgument("")] Label name, double value, [InterpolatedStringHandlerArgument("")] Label unit, string what) =>
            Input(name, value, unit, _explain ? $"default: model assumption ({what})" : "", true);

        /// <summary>A case input, or its documented default when the case leaves it out.</summary>
        private InputValue CaseOr([InterpolatedStringHandlerArgument("")] Label name, double? value, double fallback, [InterpolatedStringHandlerArgument("")] Label unit) =>
            value is { } v ? Case(name, v, unit) : Model(name, fallback, unit, "not given");

        private InputValue IndexInput([InterpolatedStringHandlerArgument("")] Label name, double value, string from) => Derived(name, value, "index", from);

        /// <summary>
        /// An input's name or unit, formatted only when the engine explains: an interpolated-string handler, so that without explanations
        /// the text in <c>$"…"</c> is not built at all. Read once, with <see cref="Text"/>.
        /// </summary>
        [InterpolatedStringHandler]
        private ref struct Label
        {
            private DefaultInterpolatedStringHandler _parts;
            private readonly string? _plain;
            private readonly bool _formatted;

            public Label(int literalLength, int formattedCount, Calculation calculation, out bool shouldAppend)
            {
                _formatted = shouldAppend = calculation._explain;
                _parts = shouldAppend ? new DefaultInterpolatedStringHandler(literalLength, formattedCount) : default;
            }

            private Label(string plain) => _plain = plain;

            public static implicit operator Label(string plain) => new(plain);

            public void AppendLiteral(string text) => _parts.AppendLiteral(text);

            public void AppendFormatted<T>(T value) => _parts.AppendFormatted(value);

            public void AppendFormatted<T>(T value, string? format) => _parts.AppendFormatted(value, format);

            public string Text() => _plain ?? (_formatted ? _parts.ToStringAndClear() : "");
        }

        private void Add(string factor, double perUnit, IReadOnlyList<InputValue> inputs, string? note = null, string? formula = null, double fixedPerUnit = 0, bool incomplete = false)
        {
            var f = CostFactorCatalog.Get(factor);
            if (!double.IsFinite(perUnit))
                throw new InvalidOperationException($"Factor {factor} of option {_option.Id} in year {_year} is not a finite number ({perUnit}); inputs: {string.Join(", ", inputs.Select(i => $"{i.Name}={i.Value}"))}.");
            _lines.Add(new CostLine
            {
                Factor = factor, Category = f.Category, Kind = f.Kind, PerUnit = perUnit, PerYear = perUnit * _volume,
                Formula = formula ?? f.Formula, Inputs = _explain ? inputs : [], Status = LineStatus.Assessed, Note = note,
                FixedPerUnit = fixedPerUnit, Incomplete = incomplete,
            });
        }

        private void AddWithFixed(string factor, double perUnit, double fixedPerUnit, IReadOnlyList<InputValue> inputs) =>
            Add(factor, perUnit, inputs, fixedPerUnit: fixedPerUnit);

        private void Skip(string factor, LineStatus status, string note)
        {
            var f = CostFactorCatalog.Get(factor);
            _lines.Add(new CostLine
            {
                Factor = factor, Category = f.Category, Kind = f.Kind, PerUnit = 0, PerYear = 0,
                Formula = f.Formula, Inputs = [], Status = status, Note = note,
            });
        }

        private void NotAssessed(string factor, string missing) =>
            Skip(factor, LineStatus.NotAssessed, F("Note_NotAssessed", "Not assessed: give {0}.", missing));

        /// <summary>
        /// Converts a money input to the case currency in this year. A per-unit amount in a foreign currency adds to the
        /// foreign-currency exposure (weight 1); annual or per-load amounts pass weight 0 and add their per-unit share themselves.
        /// </summary>
        private double Money(Money m, double exposureWeight = 1)
        {
            var value = _ctx.ToCaseCurrency(m, _year);
            if (m.Currency != _ctx.Currency) _foreignExposurePerUnit += value * exposureWeight;
            return value;
        }

        /// <summary>Counts a whole per-unit line (inflation and indices included) as paid in <paramref name="currency"/> (section 1.10).</summary>
        private void AddForeignExposure(CurrencyCode currency, double perUnit)
        {
            if (currency != _ctx.Currency) _foreignExposurePerUnit += perUnit;
        }

        private InputValue MoneyInput([InterpolatedStringHandlerArgument("")] Label name, Money m, string unitSuffix = "")
        {
            Label unit = _explain ? (m.Currency == _ctx.Currency ? Cur : m.Currency.Value) + unitSuffix : "";
            return Input(name, m.Amount, unit, "case", false);
        }

        private InputValue FxInput(CurrencyCode from)
        {
            var rate = _ctx.Market.Fx.EurPerUnit(from);
            var fromCase = rate.Source.StartsWith("case", StringComparison.Ordinal);
            return Input($"fx {from}→{Cur} (year {_year})", _ctx.FxFactor(from, _year), $"{Cur}/{from}",
                _explain ? $"{Sourced(fromCase ? "" : "default: ", rate.Source, rate.Year)}; drift {_ctx.CurrencyDrift(from) * 100:0.##}%/yr" : "", !fromCase);
        }

        // Reference values are local amounts converted to euros at the base rate; they move with the local currency only.
        private double LocalEur(double eur) => LocalEurIn(eur, _country);

        /// <summary>
        /// The lead time is known when the production lead time is given and every leg has a transit time (its own or its lane's);
        /// order processing defaults to 0. Returns the fields to give, or null when known.
        /// </summary>
        private string? LeadTimeMissing(List<ResolvedLeg> legs)
        {
            var missing = new List<string>();
            if (_chain is not null) missing.AddRange(_chain.LeadTimeMissing);
            else if (_option.Production?.ProductionLeadTimeDays is null) missing.Add("production.productionLeadTimeDays");
            missing.AddRange(legs.Where(l => !l.TransitKnown).Select(l => $"logistics.legs[{l.Index}].transitDays"));
            return missing.Count == 0 ? null : string.Join(", ", missing);
        }

        // ---------------------------------------------------------------- production

        private double Production()
        {
            var p = _option.Production ?? new ProductionInputs();
            var inflation = _ctx.InflationIndex(_year);
            double goods = 0;
            if (_supply == SupplyType.Supplier)
            {
                if (p.UnitPrice is { } price)
                {
                    goods += UnitPrice(p, price);
                    EmbodiedHours("production", _option.Country, p.PriceLabourSharePct, price, null, null, p.SkillMix);
                }
                else
                {
                    NotAssessed("unitPrice", "production.unitPrice");
                    EmbodiedHours("production", _option.Country, p.PriceLabourSharePct, null, "production.unitPrice", null, p.SkillMix);
                }
                foreach (var f in new[] { "labour", "materials", "energy", "overhead" })
                    Skip(f, LineStatus.IncludedInPrice, T("Note_IncludedInPrice", "Included in the supplier's unit price."));
            }
            else if (p.Steps is { Count: > 0 } steps)
                goods += ProductionFromSteps(p, steps, inflation);
            else
            {
                Skip("unitPrice", LineStatus.NotApplicable, T("Note_OwnPlant", "Own plant: cost is built up from labour, materials, energy and overhead."));
                var labour = Labour(p);
                double materials = 0;
                if (p.MaterialCostPerUnit is { } m)
                {
                    materials = Money(m, 0) * inflation;
                    AddForeignExposure(m.Currency, materials);
                    var inputs = new List<InputValue> { MoneyInput("production.materialCostPerUnit", m), IndexInput("inflation index (1+i)^(t−1)", inflation, "assumptions.inflationPct") };
                    if (m.Currency != _ctx.Currency) inputs.Add(FxInput(m.Currency));
                    Add("materials", materials, inputs);
                }
                else NotAssessed("materials", "production.materialCostPerUnit");
                var energy = Energy(p);
                var direct = labour + materials + energy;
                if (p.OverheadPct is not null || p.OverheadPerYear is not null)
                {
                    var rate = (p.OverheadPct ?? 0) / 100;
                    goods += Overhead(p, direct, inflation);
                }
                else NotAssessed("overhead", "production.overheadPct or production.overheadPerYear");
                goods += labour + materials + energy;
            }
            goods += Depreciation(p);
            goods += PerYearLine("tooling", p.ToolingPerYear, "production.toolingPerYear", inflate: false);
            if (p.PackagingPerUnit is { } pack)
            {
                var value = Money(pack, 0) * inflation;
                AddForeignExposure(pack.Currency, value);
                Add("packaging", value, [MoneyInput("production.packagingPerUnit", pack), IndexInput("inflation index", inflation, "assumptions.inflationPct")]);
                goods += value;
            }
            else NotAssessed("packaging", "production.packagingPerUnit");
            return goods;
        }

        /// <summary>The overhead line: o × direct cost + F ÷ V (F counted at this run's share of the fixed amounts).</summary>
        private double Overhead(ProductionInputs p, double direct, double inflation)
        {
            var rate = (p.OverheadPct ?? 0) / 100;
            var fixedPerYear = p.OverheadPerYear is { } oy ? _ctx.ToCaseCurrency(oy, _year) * inflation * _scope.FixedShare : 0;
            var value = ProductionFormulas.Overhead(rate, direct, fixedPerYear, _volume);
            var inputs = new List<InputValue>
            {
                Case("production.overheadPct (o)", rate * 100, "%"),
                Derived("direct cost per unit", direct, Cur, "labour + materials + energy"),
                Derived("production.overheadPerYear × inflation index (F)", fixedPerYear, Cur + "/yr", "case value, inflated"),
                Derived("annual volume (V)", _volume, "units", "V₁ × (1+g)^(t−1)"),
            };
            inputs.AddRange(FixedShareInputs());
            AddWithFixed("overhead", value, fixedPerYear / _volume, inputs);
            return value;
        }

        private double UnitPrice(ProductionInputs p, Money price)
        {
            var labourShare = (p.PriceLabourSharePct ?? 0) / 100;
            var wageGrowth = _ctx.WageGrowthPct(_option.Country);
            if (wageGrowth is null && labourShare > 0)
            {
                NotAssessed("unitPrice", F("Note_NoReferenceWageGrowth", "assumptions.wageGrowthPct.{0} (the reference data hold no wage growth for {0})", _option.Country));
                return 0;
            }
            wageGrowth ??= new SourcedValue(0, "not used: no labour share", null);
            var escalation = (p.PriceEscalationPct ?? 0) / 100;
            // Wages are set in the local currency: the labour share also moves with it against the price currency.
            var localAgainstPrice = (1 + _ctx.CurrencyDrift(_country.Currency)) / (1 + _ctx.CurrencyDrift(price.Currency)) - 1;
            var escalated = ProductionFormulas.EscalatedPrice(price.Amount, labourShare, wageGrowth.Value / 100, escalation, _year, localAgainstPrice);
            var value = Money(price with { Amount = escalated });
            var inputs = new List<InputValue>
            {
                MoneyInput("production.unitPrice (P)", price),
                CaseOr("production.priceLabourSharePct (λ)", p.PriceLabourSharePct, 0, "%"),
                Default($"wage growth {_option.Country} (g_w)", wageGrowth, "%/yr"),
                CaseOr("production.priceEscalationPct (e)", p.PriceEscalationPct, 0, "%/yr"),
                Derived($"drift of {_country.Currency} against {price.Currency} (δ)", localAgainstPrice * 100, "%/yr", "assumptions.currencyDriftPct"),
            };
            if (price.Currency != _ctx.Currency) inputs.Add(FxInput(price.Currency));
            Add("unitPrice", value, inputs);
            return value;
        }

        private double Labour(ProductionInputs p)
        {
            var r = LabourAt(new LabourSpec("production", _option.Country, p.LabourHoursPerUnit, p.LabourHoursBasis, p.LabourCostPerHour, p.LearningRatePct, p.SkillMix, null));
            if (r.Missing is { } missing)
            {
                NotAssessed("labour", missing);
                return 0;
            }
            Add("labour", r.Value, r.Inputs, formula: _option.Automation is { Step: null } ? "h_t × w_t ÷ π, h_t = max(0, h − s r_t) × N_t^log2(1−ℓ)" : null);
            return r.Value;
        }

        private double Experience()
        {
            var g = (_item.DemandGrowthPct ?? 0) / 100;
            var n = 1.0;
            for (var k = 1; k < _year; k++) n += Math.Pow(1 + g, k - 1);
            return n;
        }

        private double Energy(ProductionInputs p)
        {
            if (p.EnergyKwhPerUnit is null && p.GasKwhPerUnit is null)
            {
                NotAssessed("energy", "production.energyKwhPerUnit");
                return 0;
            }
            var index = _ctx.EnergyIndex(_year);
            var inputs = new List<InputValue>();
            var value = 0.0;
            if (p.EnergyKwhPerUnit is { } kwh)
            {
                // The consumption band follows the item's annual electricity use at this site (kWh per unit × volume).
                if (EnergyPrice(p.ElectricityPricePerKwh, "production.electricityPricePerKwh", () => _country.ElectricityFor(kwh * SiteVolume / 1000), "electricity", index) is not { } price)
                {
                    NotAssessed("energy", F("Note_NoReferenceElectricity", "production.electricityPricePerKwh or referenceOverrides.countries.{0}.electricityPricePerKwh (the reference data hold no electricity price for {0})", _option.Country));
                    return 0;
                }
                var electricity = ProductionFormulas.Energy(kwh, price.PerKwh);
                if ((p.ElectricityPricePerKwh?.Currency ?? _country.Currency) != _ctx.Currency) _foreignExposurePerUnit += electricity;
                inputs.AddRange([Case("production.energyKwhPerUnit", kwh, "kWh/unit"), price.Input]);
                value += electricity;
            }
            if (p.GasKwhPerUnit is { } gasKwh)
            {
                // Gas is priced like electricity: the Eurostat band (I1…I6) of the item's annual gas use at this site.
                if (EnergyPrice(p.GasPricePerKwh, "production.gasPricePerKwh", () => _country.GasFor(gasKwh * SiteVolume / 1000), "natural gas", index) is not { } price)
                {
                    NotAssessed("energy", F("Note_NoReferenceGas", "production.gasPricePerKwh (the reference data hold no natural-gas price for {0})", _option.Country));
                    return 0;
                }
                var gas = ProductionFormulas.Energy(gasKwh, price.PerKwh);
                if ((p.GasPricePerKwh?.Currency ?? _country.Currency) != _ctx.Currency) _foreignExposurePerUnit += gas;
                inputs.AddRange([price.Input, Case("production.gasKwhPerUnit", gasKwh, "kWh/unit")]);
                value += gas;
            }
            inputs.Add(IndexInput("energy price index", index, "assumptions.energyPriceGrowthPct"));
            Add("energy", value, inputs);
            return value;
        }

        /// <summary>An energy price per kWh in the case currency for year t: the case's, else the country's reference price (null: none known).</summary>
        private (double PerKwh, InputValue Input)? EnergyPrice(Money? given, string field, Func<SourcedValue?> reference, string carrier, double index) =>
            EnergyPrice(given, field, _country, reference, carrier, index);

        /// <summary>An energy price per kWh at <paramref name="site"/> in the case currency for year t: the given one, else the site's reference price (null: none known).</summary>
        private (double PerKwh, InputValue Input)? EnergyPrice(Money? given, string field, CountryProfile site, Func<SourcedValue?> reference, string carrier, double index)
        {
            if (given is { } g) return (Money(g, 0) * index, MoneyInput(field, g, "/kWh"));
            if (reference() is not { } r) return null;
            return (LocalEurIn(r.Value, site) * index, Default($"{carrier} price {site.Code}", r, "EUR/kWh"));
        }

        private double Depreciation(ProductionInputs p)
        {
            var assets = TransitionAmounts.OneOffCostsOf(_option)
                .Where(c => c.DepreciationYears is not null)
                .Select(c => (Cost: c, Start: (c.Year ?? 0) + (c.Year is null or 0 ? 1 : 0), Life: c.DepreciationYears!.Value))
                .ToList();
            var active = assets.Where(a => _year >= a.Start && _year < a.Start + a.Life)
                .Select(a => (Capex: TransitionAmounts.OneOff(_ctx, a.Cost, a.Cost.Year ?? 0), LifeYears: a.Life)).ToList();
            var existing = p.ExistingDepreciationPerYear is { } ex ? _ctx.ToCaseCurrency(ex, _year) : 0;
            // A run serving part of the markets carries its share of the fixed amounts (RunScope.FixedShare; 1 for the whole item).
            active = active.Select(a => (a.Capex * _scope.FixedShare, a.LifeYears)).ToList();
            existing *= _scope.FixedShare;
            if (assets.Count == 0 && p.ExistingDepreciationPerYear is null)
            {
                if (_supply == SupplyType.Supplier) Skip("depreciation", LineStatus.IncludedInPrice, T("Note_IncludedInPrice", "Included in the supplier's unit price."));
                else NotAssessed("depreciation", "production.existingDepreciationPerYear or transition.oneOffCosts[].depreciationYears");
                return 0;
            }
            var value = ProductionFormulas.Depreciation(active, existing, _volume);
            var inputs = new List<InputValue>();
            foreach (var (capex, life) in active)
            {
                inputs.Add(Case("transition capex", capex, Cur));
                inputs.Add(Case("depreciationYears", life, "years"));
            }
            inputs.Add(CaseOr("production.existingDepreciationPerYear", p.ExistingDepreciationPerYear is null ? null : existing, 0, Cur + "/yr"));
            inputs.Add(Derived("annual volume (V)", _volume, "units", "V₁ × (1+g)^(t−1)"));
            inputs.AddRange(FixedShareInputs());
            Add("depreciation", value, inputs, fixedPerUnit: value);
            return value;
        }

        private double PerYearLine(string factor, Money? perYear, string path, bool inflate = true)
        {
            if (perYear is not { } amount)
            {
                NotAssessed(factor, path);
                return 0;
            }
            var index = inflate ? _ctx.InflationIndex(_year) : 1;
            var annual = Money(amount, 0) * index * _scope.FixedShare;
            var value = ProductionFormulas.PerUnit(annual, _volume);
            Add(factor, value, [MoneyInput(path, amount, "/yr"), IndexInput("inflation index", index, "assumptions.inflationPct"), Derived("annual volume (V)", _volume, "units", "V₁ × (1+g)^(t−1)"), .. FixedShareInputs()], fixedPerUnit: value);
            return value;
        }

        // ---------------------------------------------------------------- logistics

        /// <summary>A home-country option with no transport legs is made on site: transport lines do not apply.</summary>
        private bool AtHomeWithoutTransport => _option.Country == _scope.Destination && (_option.Logistics?.Legs ?? []).Count == 0;

        private sealed record ResolvedLeg(int Index, LegRole Role, TransportMode Mode, double TransitDays, double? DistanceKm, double? FreightPerUnit, double? KgCo2ePerUnit, List<InputValue> Inputs, string? Problem)
        {
            /// <summary>Priced per shipment: a fixed amount per year given the number of shipments.</summary>
            public bool FixedPerShipment { get; init; }
            /// <summary>The transit time came from the leg or its lane (otherwise it is counted as 0 and the lead time is unknown).</summary>
            public bool TransitKnown { get; init; } = true;
        }

        private sealed record FreightTotals(double Main, double Inland, double ToBorder, double Insurance, double EmergencyAir, double EmergencyAirKgDelta, double Total);

        private List<ResolvedLeg> ResolveLegs()
        {
            var legs = _option.Logistics?.Legs ?? [];
            var result = new List<ResolvedLeg>();
            for (var i = 0; i < legs.Count; i++) result.Add(ResolveLeg(i, legs[i]));
            return result;
        }

        private ResolvedLeg ResolveLeg(int index, TransportLeg leg, string? legPath = null)
        {
            var path = legPath ?? $"logistics.legs[{index}]";
            var inputs = new List<InputValue>();
            Lane? lane = leg.Lane is { } id ? _ctx.Market.Lanes[id] : null;
            var mode = leg.Mode ?? lane!.Mode;
            var role = leg.Role ?? LegRole.Main;
            double transit = 0;
            var transitKnown = leg.TransitDays is not null || lane is not null;
            if (leg.TransitDays is { } td) { transit = td; inputs.Add(Case($"{path}.transitDays", td, "days")); }
            else if (lane is not null) { transit = lane.TransitDays.Value; inputs.Add(Default($"transit days {lane.Id}", lane.TransitDays, "days")); }
            double? distance = null;
            if (leg.DistanceKm is { } dk) { distance = dk; inputs.Add(Case($"{path}.distanceKm", dk, "km")); }
            else if (lane is not null) { distance = lane.DistanceKm.Value; inputs.Add(Default($"distance {lane.Id}", lane.DistanceKm, "km")); }

            double? kg = null;
            if (distance is { } d)
            {
                InputValue factorInput;
                double gPerTkm;
                if (leg.EmissionFactorGPerTkm is { } ef) { gPerTkm = ef; factorInput = Case($"{path}.emissionFactorGPerTkm", ef, "g CO2e/t·km"); }
                else
                {
                    var def = _ctx.Market.EmissionFactorFor(lane, mode);
                    gPerTkm = def.GramsPerTonneKm.Value;
                    factorInput = Default($"emission factor {def.Id}", def.GramsPerTonneKm, "g CO2e/t·km");
                }
                inputs.Add(factorInput);
                kg = CarbonFormulas.LegKg(_cargo.WeightKg, d, gPerTkm);
            }

            Money? rate = leg.Rate ?? (lane?.Rate is { } laneRate ? new Money(laneRate.Value, lane.RateCurrency) : null);
            var unit = leg.RateUnit ?? lane?.RateUnit;
            if (rate is null || unit is null)
                return new ResolvedLeg(index, role, mode, transit, distance, null, kg, inputs, $"{path}.rate and {path}.rateUnit") { TransitKnown = transitKnown };
            if (leg.Rate is { } r) inputs.Add(MoneyInput($"{path}.rate", r, "/" + unit));
            else inputs.Add(Input($"rate {lane!.Id}", lane!.Rate!.Value, $"{lane.RateCurrency}/{lane.RateUnit}", _explain ? Sourced("default: ", lane.Rate.Source, lane.Rate.Year) : "", true));
            var freightIndex = _ctx.FreightIndex(_year);
            var ratePerBasis = Money(rate.Value, exposureWeight: 0) * freightIndex;
            if (rate.Value.Currency != _ctx.Currency) inputs.Add(FxInput(rate.Value.Currency));
            inputs.Add(IndexInput("freight index", freightIndex, "assumptions.freightIndexGrowthPct or freightIndexPath"));
            double? perUnit;
            string? problem = null;
            switch (unit.Value)
            {
                case RateUnit.PerFeu or RateUnit.PerFtl:
                    var units = UnitsPerLoad(leg, unit.Value, inputs, path);
                    (perUnit, problem) = PerLoadFreight(leg, path, ratePerBasis, units, inputs);
                    break;
                case RateUnit.PerM3:
                    if (_cargo.VolumeM3 is { } m3) perUnit = LogisticsFormulas.PerM3(ratePerBasis, m3);
                    else { perUnit = null; problem = "unitVolumeM3 (item)"; }
                    break;
                case RateUnit.PerKg:
                    var chargeable = LogisticsFormulas.ChargeableWeightKg(_cargo.WeightKg, _cargo.VolumeM3 ?? 0);
                    inputs.Add(Derived("chargeable weight", chargeable, "kg/unit", "max(kg, m³ × 166.67)"));
                    perUnit = LogisticsFormulas.PerKg(ratePerBasis, chargeable);
                    break;
                case RateUnit.PerTonne:
                    perUnit = LogisticsFormulas.PerTonne(ratePerBasis, _cargo.WeightKg);
                    break;
                case RateUnit.PerTonneKm:
                    if (distance is { } dd) perUnit = LogisticsFormulas.PerTonneKm(ratePerBasis, _cargo.WeightKg, dd);
                    else { perUnit = null; problem = $"{path}.distanceKm"; }
                    break;
                case RateUnit.PerShipment:
                    if (_cargo.ShipmentsPerYear is { } n) perUnit = LogisticsFormulas.PerShipment(ratePerBasis, n, _volume);
                    else { perUnit = null; problem = _cargo.ShipmentsPath; }
                    break;
                default:
                    perUnit = ratePerBasis;
                    break;
            }
            inputs.Add(Case("unitWeightKg", _cargo.WeightKg, "kg"));
            if (perUnit is { } foreign && rate.Value.Currency != _ctx.Currency) _foreignExposurePerUnit += foreign;
            return new ResolvedLeg(index, role, mode, transit, distance, perUnit, kg, inputs, problem) { FixedPerShipment = unit == RateUnit.PerShipment, TransitKnown = transitKnown };
        }

        /// <summary>
        /// A per-load rate by shipment (2.2): with n shipments a year each shipment carries S = V ÷ n units, in full loads and a
        /// part load; without n, full loads are assumed and said so.
        /// </summary>
        private (double? PerUnit, string? Problem) PerLoadFreight(TransportLeg leg, string path, double ratePerLoad, double unitsPerLoad, List<InputValue> inputs)
        {
            if (_cargo.ShipmentsPerYear is not { } n)
            {
                inputs.Add(Model("shipment size", unitsPerLoad, "units", "full loads; give logistics.shipmentsPerYear"));
                return (LogisticsFormulas.PerLoad(ratePerLoad, unitsPerLoad), null);
            }
            var shipment = _volume / n;
            inputs.Add(Derived("shipment size (S)", shipment, "units", "V ÷ logistics.shipmentsPerYear"));
            double? partPerUnit = null;
            if (leg.PartLoadRate is { } partRate)
            {
                var partUnit = leg.PartLoadRateUnit ?? RateUnit.PerM3;
                var measure = partUnit switch
                {
                    RateUnit.PerKg => _cargo.WeightKg,
                    RateUnit.PerTonne => _cargo.WeightKg / 1000,
                    _ => _cargo.VolumeM3,
                };
                if (measure is not { } perUnitMeasure) return (null, "unitVolumeM3 (item), for the part-load rate per m³");
                partPerUnit = Money(partRate, 0) * _ctx.FreightIndex(_year) * perUnitMeasure;
                inputs.Add(MoneyInput($"{path}.partLoadRate", partRate, "/" + partUnit));
                if (partRate.Currency != _ctx.Currency) inputs.Add(FxInput(partRate.Currency));
            }
            else if (shipment % unitsPerLoad > 1e-9)
                inputs.Add(Model("part load", ratePerLoad, Cur + "/load", "a part load pays a full load's rate; give partLoadRate"));
            return (LogisticsFormulas.PerLoadByShipment(ratePerLoad, unitsPerLoad, shipment, partPerUnit), null);
        }

        private double UnitsPerLoad(TransportLeg leg, RateUnit unit, List<InputValue> inputs, string path)
        {
            if (leg.UnitsPerLoad is { } given)
            {
                inputs.Add(Case($"{path}.unitsPerLoad", given, "units/load"));
                return given;
            }
            var fill = (leg.FillRatePct ?? 85) / 100;
            var (vol, payload) = unit == RateUnit.PerFeu
                ? (LogisticsFormulas.FeuVolumeM3, LogisticsFormulas.FeuPayloadKg)
                : (LogisticsFormulas.FtlVolumeM3, LogisticsFormulas.FtlPayloadKg);
            if (leg.FillRatePct is null) inputs.Add(Model("fill rate", fill * 100, "%", "85% usable volume"));
            else inputs.Add(Case($"{path}.fillRatePct", fill * 100, "%"));
            var units = LogisticsFormulas.UnitsPerLoad(vol, payload, fill, _cargo.VolumeM3 ?? 0, _cargo.WeightKg);
            inputs.Add(Derived("units per load", units, "units", FormattableString.Invariant($"min(⌊{vol} m³ × fill ÷ m³/unit⌋, ⌊{payload} kg ÷ kg/unit⌋)")));
            return units;
        }

        private FreightTotals Logistics(double goodsValue, List<ResolvedLeg> legs)
        {
            var logistics = _option.Logistics ?? new LogisticsInputs();
            double main = 0, inland = 0, toBorder = 0;
            LegLine("mainFreight", legs.Where(l => l.Role == LegRole.Main).ToList(), ref main, "logistics.legs (role main)");
            LegLine("inlandTransport", legs.Where(l => l.Role != LegRole.Main).ToList(), ref inland, "logistics.legs (role preCarriage/onCarriage)");
            // Freight to the border: main legs and the pre-carriage legs that could be priced.
            toBorder = main + legs.Where(l => l.Role == LegRole.PreCarriage).Sum(l => l.FreightPerUnit ?? 0);

            double handling = 0;
            if (logistics.HandlingPerShipment is { } h)
            {
                if (logistics.ShipmentsPerYear is { } n)
                {
                    handling = LogisticsFormulas.PerShipment(Money(h, 0) * _ctx.FreightIndex(_year), n, _volume);
                    Add("handling", handling, [MoneyInput("logistics.handlingPerShipment", h), Case("logistics.shipmentsPerYear (n)", n, "1/yr"), Derived("annual volume (V)", _volume, "units", "V₁ × (1+g)^(t−1)")], fixedPerUnit: handling);
                }
                else NotAssessed("handling", "logistics.shipmentsPerYear");
            }
            else if (AtHomeWithoutTransport) Skip("handling", LineStatus.NotApplicable, T("Note_HomeNoLegs", "Made at the home site: no transport legs given."));
            else NotAssessed("handling", "logistics.handlingPerShipment");

            double insurance = 0;
            if (logistics.InsuranceRatePct is { } ir)
            {
                insurance = LogisticsFormulas.Insurance(ir / 100, goodsValue, toBorder);
                Add("cargoInsurance", insurance, [Case("logistics.insuranceRatePct (r)", ir, "%"), Derived("goods value", goodsValue, Cur, "production lines"), Derived("freight to border", toBorder, Cur, "main + pre-carriage")]);
            }
            else if (AtHomeWithoutTransport) Skip("cargoInsurance", LineStatus.NotApplicable, T("Note_HomeNoLegs", "Made at the home site: no transport legs given."));
            else NotAssessed("cargoInsurance", "logistics.insuranceRatePct");

            var (air, airKgDelta) = EmergencyAir(logistics.EmergencyAir, main, legs);
            return new FreightTotals(main, inland, toBorder, insurance, air, airKgDelta, main + inland + handling + insurance + air);
        }

        /// <summary>
        /// One freight line over its legs: the legs that can be priced are summed; a leg that cannot (no rate, no distance for a
        /// per-tonne-km rate, …) is named in the note and marks the line incomplete rather than zeroing the priced legs (2.2.1).
        /// </summary>
        private void LegLine(string factor, List<ResolvedLeg> legs, ref double total, string what)
        {
            if (legs.Count == 0)
            {
                if (AtHomeWithoutTransport)
                    Skip(factor, LineStatus.NotApplicable, T("Note_HomeNoLegs", "Made at the home site: no transport legs given."));
                else NotAssessed(factor, what);
                return;
            }
            var priced = legs.Where(l => l.FreightPerUnit is not null).ToList();
            var missing = legs.Where(l => l.FreightPerUnit is null).Select(l => l.Problem!).ToList();
            if (priced.Count == 0)
            {
                NotAssessed(factor, string.Join(", ", missing));
                return;
            }
            total = priced.Sum(l => l.FreightPerUnit!.Value);
            var inputs = priced.SelectMany(l => l.Inputs.Where(i => !i.Name.StartsWith("emission", StringComparison.Ordinal))).ToList();
            var parts = priced.Count > 1 ? string.Join(" + ", priced.Select(l => $"{l.Mode}: {l.FreightPerUnit!.Value.ToString("0.####", CultureInfo.InvariantCulture)}")) : null;
            var note = missing.Count == 0 ? parts
                : F("Note_LegsNotPriced", "Incomplete: {0} of {1} legs priced; give {2}.", priced.Count, legs.Count, string.Join(", ", missing)) + (parts is null ? "" : " " + parts);
            Add(factor, total, inputs, note, fixedPerUnit: priced.Where(l => l.FixedPerShipment).Sum(l => l.FreightPerUnit!.Value), incomplete: missing.Count > 0);
        }

        private (double Cost, double KgDelta) EmergencyAir(EmergencyAirInputs? air, double mainFreight, List<ResolvedLeg> legs)
        {
            if (air is null)
            {
                if (AtHomeWithoutTransport) Skip("emergencyAirFreight", LineStatus.NotApplicable, T("Note_HomeNoLegs", "Made at the home site: no transport legs given."));
                else NotAssessed("emergencyAirFreight", "logistics.emergencyAir");
                return (0, 0);
            }
            var inputs = new List<InputValue> { Case("logistics.emergencyAir.sharePct (s)", air.SharePct, "%") };
            Lane? lane = air.Lane is { } id ? _ctx.Market.Lanes[id] : null;
            Money? rate = air.RatePerKg ?? (lane?.Rate is { } laneRate ? new Money(laneRate.Value, lane.RateCurrency) : null);
            if (rate is null)
            {
                NotAssessed("emergencyAirFreight", "logistics.emergencyAir.ratePerKg or logistics.emergencyAir.lane");
                return (0, 0);
            }
            if (air.RatePerKg is { } r) inputs.Add(MoneyInput("logistics.emergencyAir.ratePerKg", r, "/kg"));
            else inputs.Add(Input($"air rate {lane!.Id}", lane!.Rate!.Value, $"{lane.RateCurrency}/kg", _explain ? Sourced("default: ", lane.Rate.Source, lane.Rate.Year) : "", true));
            var chargeable = LogisticsFormulas.ChargeableWeightKg(_item.UnitWeightKg, _item.UnitVolumeM3 ?? 0);
            var airPerUnit = LogisticsFormulas.PerKg(Money(rate.Value, 0) * _ctx.FreightIndex(_year), chargeable);
            inputs.Add(Derived("chargeable weight", chargeable, "kg/unit", "max(kg, m³ × 166.67)"));
            inputs.Add(Derived("air freight per unit", airPerUnit, Cur, "rate × chargeable kg × freight index"));
            inputs.Add(Derived("regular main freight per unit", mainFreight, Cur, "main legs"));
            var share = air.SharePct / 100;
            var cost = LogisticsFormulas.EmergencyAir(share, airPerUnit, mainFreight);
            if (rate.Value.Currency != _ctx.Currency) _foreignExposurePerUnit += cost;
            Add("emergencyAirFreight", cost, inputs);
            var distance = air.DistanceKm ?? lane?.DistanceKm.Value;
            double delta = 0;
            if (distance is { } d)
            {
                var airMode = lane?.Mode ?? (d <= 1500 ? TransportMode.AirShort : TransportMode.Air);
                var airKg = CarbonFormulas.LegKg(_item.UnitWeightKg, d, _ctx.Market.DefaultEmissionFactor(airMode).GramsPerTonneKm.Value);
                var mainKg = legs.Where(l => l.Role == LegRole.Main).Sum(l => l.KgCo2ePerUnit ?? 0);
                delta = share * (airKg - mainKg);
            }
            return (cost, delta);
        }

        // ---------------------------------------------------------------- trade

        private double Trade(double customsValue)
        {
            var trade = _option.Trade ?? new TradeInputs();
            const string factors = "customsBrokerage importDuty extraTariffs cbam";
            if (OwnTradeRules) return MarketTrade(customsValue);
            if (_country.EuMember || _option.Country == _ctx.Home)
            {
                foreach (var f in factors.Split(' '))
                    Skip(f, LineStatus.NotApplicable, T("Note_EuOrigin", "EU origin: no customs formalities or duties."));
                return 0;
            }
            double total = 0;
            var logistics = _option.Logistics ?? new LogisticsInputs();
            if (trade.BrokeragePerShipment is { } b && logistics.ShipmentsPerYear is { } n)
            {
                var inflation = _ctx.InflationIndex(_year);
                var value = LogisticsFormulas.PerShipment(Money(b, 0) * inflation, n, _volume);
                Add("customsBrokerage", value, [MoneyInput("trade.brokeragePerShipment", b), Case("logistics.shipmentsPerYear (n)", n, "1/yr"), IndexInput("inflation index", inflation, "assumptions.inflationPct"), Derived("annual volume (V)", _volume, "units", "V₁ × (1+g)^(t−1)")], fixedPerUnit: value);
                total += value;
            }
            else NotAssessed("customsBrokerage", trade.BrokeragePerShipment is null ? "trade.brokeragePerShipment" : "logistics.shipmentsPerYear");

            total += Duty(trade, customsValue);
            total += ExtraTariffs(trade, customsValue);
            total += Cbam(trade);
            return total;
        }

        private string HsDigits => new((_item.HsCode ?? "").Where(char.IsDigit).ToArray());

        private double NetWeightKg => _item.NetWeightKg ?? _item.UnitWeightKg;

        private InputValue NetWeightInput => _item.NetWeightKg is { } net
            ? Case("netWeightKg (q × 1000)", net, "kg")
            : Model("net weight (q × 1000)", _item.UnitWeightKg, "kg", "gross unitWeightKg; give netWeightKg");

        private double Duty(TradeInputs trade, double customsValue)
        {
            var duty = DutyResolver.ImportDuty(_ctx.Market, _country, _item.HsCode, trade, _ctx.CalendarYear(_year), _culture);
            if (duty.RatePct is not { } ratePct)
            {
                NotAssessed("importDuty", duty.Missing!);
                return 0;
            }
            var inputs = new List<InputValue> { Derived("customs value (CIF)", customsValue, Cur, "goods + freight to border + insurance") };
            inputs.AddRange(duty.Periods.Select(p => p.Input));
            inputs.AddRange(duty.Inputs);
            inputs.Add(Derived("duty rate applied", ratePct, "%", duty.Periods.Count > 1 ? "Σ days × rate ÷ days in the year" : "from the inputs above"));
            var value = TradeFormulas.AdValorem(ratePct / 100, customsValue);
            Add("importDuty", value, inputs, duty.Note);
            return value;
        }

        private double ExtraTariffs(TradeInputs trade, double customsValue)
        {
            var duty = DutyResolver.ExtraDuty(_ctx.Market, _country, _item.HsCode, trade, _ctx.CalendarYear(_year), _culture);
            if (duty.RatePct is null && trade.ExtraDutyPerTonne is null)
            {
                Skip("extraTariffs", LineStatus.NotAssessed, duty.Note!);
                return 0;
            }
            var inputs = new List<InputValue> { Derived("customs value (CIF)", customsValue, Cur, "goods + freight to border + insurance") };
            var value = 0.0;
            if (duty.RatePct is { } ratePct)
            {
                inputs.AddRange(duty.Periods.Select(p => p.Input));
                if (duty.Periods.Count > 1) inputs.Add(Derived("extra duty rate applied", ratePct, "%", "Σ days × rate ÷ days in the year"));
                value += TradeFormulas.AdValorem(ratePct / 100, customsValue);
            }
            if (trade.ExtraDutyPerTonne is { } perTonne)
            {
                inputs.Add(MoneyInput("trade.extraDutyPerTonne", perTonne, "/t"));
                inputs.Add(NetWeightInput);
                value += TradeFormulas.Specific(Money(perTonne, 0), NetWeightKg);
            }
            Add("extraTariffs", value, inputs, duty.RatePct is null ? null : duty.Note);
            return value;
        }

        private double Cbam(TradeInputs trade)
        {
            var cbam = trade.Cbam;
            var covered = cbam?.Covered ?? (HsDigits.Length >= 4 && _ctx.Market.IsCbamCovered(HsDigits));
            if (!covered)
            {
                Skip("cbam", LineStatus.NotApplicable, F("Note_NotCbam", "HS {0} is not in the CBAM annex (Regulation (EU) 2023/956, Annex I).", _item.HsCode ?? "?"));
                return 0;
            }
            if (cbam is null)
            {
                NotAssessed("cbam", "trade.cbam.embeddedEmissionsTPerTonne (the goods are covered by CBAM)");
                return 0;
            }
            if (_ctx.CalendarYear(_year) < CaseContext.CbamDefinitivePeriodStart)
            {
                Skip("cbam", LineStatus.NotApplicable, F("Note_CbamBefore", "No CBAM payment before the definitive period starts in {0}.", CaseContext.CbamDefinitivePeriodStart));
                return 0;
            }
            var factor = _ctx.CbamFactor(_year);
            var price = _ctx.EtsPrice(_year);
            var origin = cbam.OriginCarbonPricePerTonne is { } o ? Money(o, 0) : 0;
            var value = TradeFormulas.CbamCharge(NetWeightKg, cbam.EmbeddedEmissionsTPerTonne, cbam.BenchmarkTPerTonne ?? 0, factor.Value, price.Value, origin);
            var inputs = new List<InputValue>
            {
                NetWeightInput,
                Case("trade.cbam.embeddedEmissionsTPerTonne (SEE)", cbam.EmbeddedEmissionsTPerTonne, "t CO2e/t"),
                CaseOr("trade.cbam.benchmarkTPerTonne (B)", cbam.BenchmarkTPerTonne, 0, "t CO2e/t"),
                Default($"CBAM factor {factor.Year} (CF)", factor with { Value = factor.Value * 100 }, "%"),
                Default($"EU ETS price {price.Year}", price, Cur + "/t CO2e"),
                Case("origin carbon price", origin, Cur + "/t CO2e"),
            };
            _cbamPerUnit = value;
            Add("cbam", value, inputs, cbam.BenchmarkTPerTonne is null ? T("Note_CbamNoBenchmark", "No benchmark given: no free-allocation adjustment (upper bound).") : null);
            return value;
        }

        // ---------------------------------------------------------------- carbon

        private sealed record EmissionTotals(double TransportKg, double ProductionKg, bool Complete, bool ProductionAssessed);

        private EmissionTotals Emissions(List<ResolvedLeg> legs, FreightTotals freight)
        {
            var transport = legs.Sum(l => l.KgCo2ePerUnit ?? 0) + freight.EmergencyAirKgDelta + (_chain?.TransportKg ?? 0);
            var complete = legs.All(l => l.KgCo2ePerUnit is not null) && _chain?.TransportComplete != false;
            var p = _option.Production ?? new ProductionInputs();
            if (_chain is not null || _option.Automation?.EnergyKwhPerUnit is not null) return ChainEmissions(p, transport, complete);
            // Production CO2e is known when energy or process emissions are given, and the grid intensity when energy is used.
            var gridMissing = p.EnergyKwhPerUnit is > 0 && _country.GridGCo2ePerKwh is null;
            var production = CarbonFormulas.ProductionKg(p.EnergyKwhPerUnit ?? 0, _country.GridGCo2ePerKwh?.Value ?? 0, p.GasKwhPerUnit ?? 0, p.ProcessEmissionsKgPerUnit ?? 0);
            return new EmissionTotals(transport, production, complete, (p.EnergyKwhPerUnit is not null || p.GasKwhPerUnit is not null || p.ProcessEmissionsKgPerUnit is not null) && !gridMissing);
        }

        private void Carbon(EmissionTotals e)
        {
            if (_ctx.InternalCarbonPrice(_year) is not { } price)
            {
                NotAssessed("carbonTransport", "assumptions.internalCarbonPricePerTonne");
                NotAssessed("carbonProduction", "assumptions.internalCarbonPricePerTonne");
                return;
            }
            var priceInput = Case("internal carbon price", price, Cur + "/t CO2e");
            Add("carbonTransport", CarbonFormulas.Cost(e.TransportKg, price), [Derived("transport CO2e", e.TransportKg, "kg/unit", "Σ legs kg ÷ 1000 × km × g/t·km ÷ 1000"), priceInput],
                e.Complete ? null : T("Note_LegWithoutDistance", "A leg has no distance: its emissions are missing."));
            var p = _option.Production ?? new ProductionInputs();
            if (_chain is not null || _option.Automation?.EnergyKwhPerUnit is not null)
            {
                ChainCarbon(e, price, priceInput);
                return;
            }
            if (p.EnergyKwhPerUnit is > 0 && _country.GridGCo2ePerKwh is null)
            {
                NotAssessed("carbonProduction", F("Note_NoReferenceGrid", "referenceOverrides.countries.{0}.gridIntensityGPerKwh (the reference data hold no grid intensity for {0})", _option.Country));
                return;
            }
            if (!e.ProductionAssessed)
            {
                NotAssessed("carbonProduction", "production.energyKwhPerUnit, production.gasKwhPerUnit or production.processEmissionsKgPerUnit");
                return;
            }
            var grid = _country.GridGCo2ePerKwh ?? new SourcedValue(0, "not used: no electricity use", null);
            // Carbon already paid at the EU border (CBAM) is part of the internal price's charge on the same embedded tonnes.
            var gross = CarbonFormulas.Cost(e.ProductionKg, price);
            var inputs = new List<InputValue>
            {
                Derived("production CO2e", e.ProductionKg, "kg/unit", "kWh × grid g/kWh ÷ 1000 + gas kWh × gas kg/kWh + process kg"),
                CaseOr("production.energyKwhPerUnit", p.EnergyKwhPerUnit, 0, "kWh/unit"),
                Default($"grid intensity {_option.Country}", grid, "g CO2e/kWh"),
                CaseOr("production.gasKwhPerUnit", p.GasKwhPerUnit, 0, "kWh/unit"),
                Derived("natural gas CO2 factor", CarbonFormulas.NaturalGasKgCo2PerKwhGcv, "kg CO2/kWh (GCV)", "IPCC 2006 Vol. 2 Table 2.3: 56,100 kg/TJ (NCV) × NCV/GCV 0.9"),
                CaseOr("production.processEmissionsKgPerUnit", p.ProcessEmissionsKgPerUnit, 0, "kg/unit"),
                priceInput,
            };
            if (_cbamPerUnit > 0) inputs.Add(Derived("CBAM paid at the border", _cbamPerUnit, Cur + "/unit", "CBAM line"));
            Add("carbonProduction", CarbonFormulas.NetOfCarbonPaid(gross, _cbamPerUnit), inputs,
                _cbamPerUnit > 0 ? T("Note_CarbonNetOfCbam", "Net of the CBAM charge already paid on these emissions.") : null);
        }

        // ---------------------------------------------------------------- inventory

        /// <param name="landedValue">v: goods, logistics and customs lines.</param>
        /// <param name="valueInTransit">v_T = v less the customs lines (brokerage, duties, CBAM), which are paid on arrival.</param>
        private void Inventory(double landedValue, double valueInTransit, double transitDays, double leadTimeDays)
        {
            var inv = _option.Inventory ?? new InventoryInputs();
            var valueInput = Derived("landed unit value (v)", landedValue, Cur, "production + logistics + customs lines");
            double? h = _item.InventoryCarryingRatePct is { } pct ? pct / 100 : null;
            var hInput = h is { } hv ? Case("inventoryCarryingRatePct (h)", hv * 100, "%/yr") : null;
            double pipelineUnits = _volume * (transitDays + (_chain?.TransitDays ?? 0)) / 365, cycleUnits = 0, safetyUnits = 0;

            if (h is { } rate)
            {
                Add("pipelineInventory", InventoryFormulas.Pipeline(valueInTransit, rate, transitDays) + ChainPipeline(rate),
                    [Derived("value in transit (v_T)", valueInTransit, Cur, "landed value less brokerage, duties and CBAM (paid on arrival)"), hInput!, Derived("transit days (T)", transitDays, "days", "Σ legs"), .. ChainPipelineInputs()]);
                if (_option.Logistics?.ShipmentsPerYear is { } n)
                {
                    cycleUnits = _volume / (2 * n);
                    Add("cycleStock", InventoryFormulas.CycleStock(landedValue, rate, n), [valueInput, hInput!, Case("logistics.shipmentsPerYear (n)", n, "1/yr")]);
                }
                else NotAssessed("cycleStock", "logistics.shipmentsPerYear");
            }
            else
            {
                NotAssessed("pipelineInventory", "inventoryCarryingRatePct (item)");
                NotAssessed("cycleStock", "inventoryCarryingRatePct (item)");
            }

            if (_leadTimeMissing is { } noLeadTime && h is not null && _item.DemandVolatilityPct is not null && _item.ServiceLevelPct is not null)
                NotAssessed("safetyStock", noLeadTime);
            else if (h is { } rate2 && _item.DemandVolatilityPct is { } vol && _item.ServiceLevelPct is { } sl)
            {
                var weekly = _volume / 52;
                var leadWeeks = leadTimeDays / 7;
                var sdWeeks = (inv.LeadTimeStdDevDays ?? 0) / 7;
                safetyUnits = InventoryFormulas.SafetyStockUnits(sl / 100, weekly, vol / 100, leadWeeks, sdWeeks);
                Add("safetyStock", InventoryFormulas.SafetyStock(safetyUnits, landedValue, rate2, _volume),
                [
                    Case("serviceLevelPct (z = Φ⁻¹)", sl, "%"), Case("demandVolatilityPct (σ)", vol, "%/√yr"),
                    Derived("mean weekly demand (μ)", weekly, "units/week", "V ÷ 52"),
                    Derived("lead time (L)", leadWeeks, "weeks", "order processing + production + transit"),
                    CaseOr("inventory.leadTimeStdDevDays (σ_L × 7)", inv.LeadTimeStdDevDays, 0, "days"),
                    Derived("safety stock", safetyUnits, "units", "z √(L σ_d² + μ² σ_L²)"),
                    valueInput, hInput!,
                ]);
            }
            else NotAssessed("safetyStock", "inventoryCarryingRatePct, demandVolatilityPct and serviceLevelPct (item)");

            if (_supply == SupplyType.Supplier && (inv.PaymentTermsDays is not null || inv.PrepaymentPct is not null))
            {
                var price = _lines.First(l => l.Factor == "unitPrice").PerUnit;
                var share = (inv.PrepaymentPct ?? 0) / 100;
                var pre = inv.PrepaymentDaysBeforeReceipt ?? 0;
                var terms = inv.PaymentTermsDays ?? 0;
                Add("paymentTerms", InventoryFormulas.PaymentTerms(price, _ctx.WorkingCapitalRate, share, pre, terms),
                [
                    Derived("unit price (P)", price, Cur, "unit price line"),
                    _ctx.WorkingCapitalRateIsDefault
                        ? Derived("working-capital rate (i)", _ctx.WorkingCapitalRate * 100, "%/yr", "the discount rate")
                        : Case("assumptions.workingCapitalRatePct (i)", _ctx.WorkingCapitalRate * 100, "%/yr"),
                    CaseOr("inventory.prepaymentPct (a)", inv.PrepaymentPct, 0, "%"), CaseOr("inventory.prepaymentDaysBeforeReceipt", inv.PrepaymentDaysBeforeReceipt, 0, "days"),
                    CaseOr("inventory.paymentTermsDays", inv.PaymentTermsDays, 0, "days"),
                ]);
            }
            else if (_supply == SupplyType.OwnPlant)
                Skip("paymentTerms", LineStatus.NotApplicable, T("Note_PaymentOwnPlant", "Own plant: no supplier payment terms."));
            else NotAssessed("paymentTerms", "inventory.paymentTermsDays or inventory.prepaymentPct");

            if (inv.ObsolescenceRatePct is { } o)
            {
                var years = (pipelineUnits + cycleUnits + safetyUnits) / _volume;
                Add("obsolescence", InventoryFormulas.Obsolescence(landedValue, o / 100, years),
                    [valueInput, Case("inventory.obsolescenceRatePct (o)", o, "%/yr"), Derived("years of demand held", years, "years", "(pipeline + cycle + safety stock) ÷ V")]);
            }
            else NotAssessed("obsolescence", "inventory.obsolescenceRatePct");
        }

        // ---------------------------------------------------------------- quality and management

        private void Quality(double landedValue)
        {
            var q = _option.Quality ?? new QualityInputs();
            if (q.DefectRatePct is { } d)
            {
                var (cost, input) = q.CostPerDefect is { } c
                    ? (Money(c, 0), MoneyInput("quality.costPerDefect", c))
                    : (landedValue, Derived("cost per defect", landedValue, Cur, "landed unit value (replacement)"));
                Add("defects", QualityFormulas.RatePerUnit(d / 100, cost), [Case("quality.defectRatePct", d, "%"), input]);
            }
            else NotAssessed("defects", "quality.defectRatePct");
            if (q.WarrantyReturnRatePct is { } w && q.CostPerReturn is { } cr)
                Add("warrantyReturns", QualityFormulas.RatePerUnit(w / 100, Money(cr, 0)), [Case("quality.warrantyReturnRatePct", w, "%"), MoneyInput("quality.costPerReturn", cr)]);
            else NotAssessed("warrantyReturns", "quality.warrantyReturnRatePct and quality.costPerReturn");
            PerYearLine("qualityAssurance", q.QualityAssurancePerYear, "quality.qualityAssurancePerYear");
        }

        private void Management(double leadTimeDays)
        {
            var m = _option.Management ?? new ManagementInputs();
            var inflation = _ctx.InflationIndex(_year);
            if (m.TravelTripsPerYear is { } trips && m.CostPerTrip is { } perTrip)
            {
                var travel = ManagementFormulas.Travel(trips, Money(perTrip, 0) * inflation * _scope.FixedShare, _volume);
                Add("travel", travel,
                    [Case("management.travelTripsPerYear", trips, "1/yr"), MoneyInput("management.costPerTrip", perTrip), IndexInput("inflation index", inflation, "assumptions.inflationPct"), Derived("annual volume (V)", _volume, "units", "V₁ × (1+g)^(t−1)"), .. FixedShareInputs()], fixedPerUnit: travel);
            }
            else NotAssessed("travel", "management.travelTripsPerYear and management.costPerTrip");
            PerYearLine("coordination", m.CoordinationPerYear, "management.coordinationPerYear");
            PerYearLine("complianceDueDiligence", m.ComplianceDueDiligencePerYear, "management.complianceDueDiligencePerYear");
            if (_leadTimeMissing is { } noLeadTime && m.EngineeringChangesPerYear is not null && m.DelayCostPerChangeWeek is not null)
                NotAssessed("engineeringChange", noLeadTime);
            else if (m.EngineeringChangesPerYear is { } changes && m.DelayCostPerChangeWeek is { } perWeek)
            {
                var weeks = leadTimeDays / 7;
                Add("engineeringChange", ManagementFormulas.EngineeringChangeDelay(changes, weeks, Money(perWeek, 0) * _scope.FixedShare, _volume),
                    [Case("management.engineeringChangesPerYear (n)", changes, "1/yr"), Derived("lead time (L)", weeks, "weeks", "order processing + production + transit"), MoneyInput("management.delayCostPerChangeWeek (c)", perWeek), Derived("annual volume (V)", _volume, "units", "V₁ × (1+g)^(t−1)"), .. FixedShareInputs()]);
            }
            else NotAssessed("engineeringChange", "management.engineeringChangesPerYear and management.delayCostPerChangeWeek");
        }

        // ---------------------------------------------------------------- risk and strategic

        private double? LostMargin => _item.SellingPricePerUnit is { } p && _item.MarginPct is { } m ? p * m / 100 : null;

        private void Risk(double leadTimeDays, double customsValue)
        {
            LeadTimeMismatch(leadTimeDays);
            var r = _option.Risk ?? new RiskInputs();
            if (r.Disruption is { } d)
            {
                double? cost = d.CostPerLostUnit is { } c ? Money(c, 0) : LostMargin;
                if (cost is { } perLost)
                {
                    var costInput = d.CostPerLostUnit is { } given ? MoneyInput("risk.disruption.costPerLostUnit", given) : Derived("cost per lost unit", perLost, Cur, "selling price × margin");
                    Add("disruption", RiskFormulas.Disruption(d.EventsPerYear, d.DurationWeeks, (d.CapacityLossPct ?? 100) / 100, (d.MitigatedPct ?? 0) / 100, perLost),
                    [
                        Case("risk.disruption.eventsPerYear (λ)", d.EventsPerYear, "1/yr"), Case("risk.disruption.durationWeeks (D)", d.DurationWeeks, "weeks"),
                        d.CapacityLossPct is null ? Model("capacity lost (ℓ)", 100, "%", "full stop") : Case("risk.disruption.capacityLossPct (ℓ)", d.CapacityLossPct.Value, "%"),
                        CaseOr("risk.disruption.mitigatedPct (m)", d.MitigatedPct, 0, "%"), costInput,
                    ]);
                }
                else NotAssessed("disruption", "risk.disruption.costPerLostUnit, or sellingPricePerUnit and marginPct (item)");
            }
            else NotAssessed("disruption", "risk.disruption");

            if (r.TradePolicy is { } tp)
                Add("tradePolicy", RiskFormulas.TradePolicy(tp.AnnualProbabilityPct / 100, tp.ExtraTariffPct / 100, customsValue),
                    [Case("risk.tradePolicy.annualProbabilityPct (p)", tp.AnnualProbabilityPct, "%"), Case("risk.tradePolicy.extraTariffPct (τ)", tp.ExtraTariffPct, "%"), Derived("customs value", customsValue, Cur, "goods + freight to border + insurance")]);
            else NotAssessed("tradePolicy", "risk.tradePolicy");

            if (r.CurrencyRiskPct is { } cr)
                Add("currency", RiskFormulas.Currency(cr / 100, _foreignExposurePerUnit),
                    [Case("risk.currencyRiskPct", cr, "%"), Derived("cost paid in foreign currency", _foreignExposurePerUnit, Cur + "/unit", "unit price, labour, materials, energy and freight not in " + Cur)]);
            else NotAssessed("currency", "risk.currencyRiskPct");

            if (r.IpLoss is { } ip)
                Add("ipLoss", RiskFormulas.IpLoss(ip.AnnualProbabilityPct / 100, Money(ip.Loss, 0) * _scope.FixedShare, _volume),
                    [Case("risk.ipLoss.annualProbabilityPct (p)", ip.AnnualProbabilityPct, "%"), MoneyInput("risk.ipLoss.loss", ip.Loss), Derived("annual volume (V)", _volume, "units", "V₁ × (1+g)^(t−1)"), .. FixedShareInputs()]);
            else NotAssessed("ipLoss", "risk.ipLoss");
        }

        private void LeadTimeMismatch(double leadTimeDays)
        {
            if (_item.SellingPricePerUnit is not { } p || _item.SalvageValuePerUnit is not { } s || _item.DemandVolatilityPct is not { } v)
            {
                NotAssessed("leadTimeMismatch", "sellingPricePerUnit, salvageValuePerUnit and demandVolatilityPct (item)");
                return;
            }
            if (_leadTimeMissing is { } noLeadTime)
            {
                NotAssessed("leadTimeMismatch", noLeadTime);
                return;
            }
            // The newsvendor weighs one unit more against one unit short: its cost is the marginal cost, without the fixed
            // annual and per-shipment amounts spread over the volume.
            var hard = _lines.Where(l => l.Kind == CostKind.Hard).ToList();
            var c = hard.Sum(l => l.PerUnit - l.FixedPerUnit);
            var fixedPart = hard.Sum(l => l.FixedPerUnit);
            var inputs = new List<InputValue>
            {
                Case("sellingPricePerUnit (p)", p, Cur), Derived("marginal unit cost (c)", c, Cur, "hard cost lines less their fixed annual and per-shipment amounts"),
                Derived("fixed amounts per unit left out of c", fixedPart, Cur, "overhead F, depreciation, tooling, audits, travel, coordination, compliance, handling, brokerage ÷ V"),
                Case("salvageValuePerUnit (s)", s, Cur), Case("demandVolatilityPct (σ)", v, "%/√yr"),
            };
            if (s >= c && c < p)
            {
                // An unsold unit fetches at least what it cost: over-ordering costs nothing, so a long lead time loses no margin.
                Add("leadTimeMismatch", 0, inputs, T("Note_MismatchSalvageCovers", "Salvage value at or above the marginal unit cost: surplus stock costs nothing, so the lead time adds no mismatch cost."));
                return;
            }
            if (!(s < c && c < p))
            {
                Skip("leadTimeMismatch", LineStatus.NotAssessed, F("Note_MismatchRange", "Not assessed: the lognormal newsvendor needs salvage ({0:0.##}) < marginal unit cost ({1:0.##}) < selling price ({2:0.##}).", s, c, p));
                return;
            }
            var years = leadTimeDays / 365;
            inputs.Add(Derived("decision lead time (L)", years, "years", "(order processing + production + transit) ÷ 365"));
            Add("leadTimeMismatch", LeadTimeValuation.MismatchCostPerUnit(p, c, s, v / 100, years), inputs, T("Note_Mismatch", "Overlaps with safety stock and obsolescence for seasonal items: see docs/model.md."));
        }

        private void Strategic(double landedValue)
        {
            var s = _option.Strategic ?? new StrategicInputs();
            if (s.InnovationDistancePct is { } i)
                Add("innovationDistance", StrategicFormulas.InnovationDistance(i / 100, landedValue), [Case("strategic.innovationDistancePct (δ)", i, "%"), Derived("landed unit value", landedValue, Cur, "production + logistics + customs lines")]);
            else NotAssessed("innovationDistance", "strategic.innovationDistancePct");
            if (s.MadeInPremiumPct is { } m)
            {
                if (_item.SellingPricePerUnit is { } price)
                    Add("madeInPremium", StrategicFormulas.MadeInPremium(m / 100, price), [Case("strategic.madeInPremiumPct (π)", m, "%"), Case("sellingPricePerUnit", price, Cur)]);
                else NotAssessed("madeInPremium", "sellingPricePerUnit (item)");
            }
            else NotAssessed("madeInPremium", "strategic.madeInPremiumPct");
        }

        private void Other()
        {
            var others = _option.OtherCosts ?? [];
            for (var i = 0; i < others.Count; i++)
            {
                var o = others[i];
                var fixedPart = o.PerYear is { } y ? ProductionFormulas.PerUnit(Money(y, 0) * _scope.FixedShare, _volume) : 0;
                var perUnit = (o.PerUnit is { } u ? Money(u, 0) : 0) + fixedPart;
                var inputs = new List<InputValue>();
                if (o.PerUnit is { } pu) inputs.Add(MoneyInput($"otherCosts[{i}].perUnit", pu));
                if (o.PerYear is { } py) inputs.Add(MoneyInput($"otherCosts[{i}].perYear", py, "/yr"));
                var kind = o.Kind ?? CostKind.Hard;
                _lines.Add(new CostLine
                {
                    Factor = CostFactorCatalog.OtherPrefix + CostFactorCatalog.Slug(o.Name), Label = o.Name,
                    Category = CostCategory.Other, Kind = kind, PerUnit = perUnit, PerYear = perUnit * _volume,
                    Formula = "per unit + per year ÷ V", Inputs = _explain ? inputs : [], Status = LineStatus.Assessed, FixedPerUnit = fixedPart,
                });
            }
        }
    }
}
