using Reshore.Core.Domain;

namespace Reshore.Core.Costing;

/// <summary>A cost factor: its id, category, kind and formula. Names and descriptions are localised resources keyed by id.</summary>
public sealed record CostFactor(string Id, CostCategory Category, CostKind Kind, string Formula);

/// <summary>Every cost factor of the TCO engine, in display order.</summary>
public static class CostFactorCatalog
{
    /// <summary>All factors.</summary>
    public static IReadOnlyList<CostFactor> All { get; } =
    [
        new("unitPrice", CostCategory.Production, CostKind.Hard, "P_t = P × [λ((1+g_w)(1+δ))^(t−1) + (1−λ)(1+e)^(t−1)] × fx_t"),
        new("labour", CostCategory.Production, CostKind.Hard, "h_t × w_t ÷ π, h_t = h × N_t^log2(1−ℓ)"),
        new("materials", CostCategory.Production, CostKind.Hard, "materials per unit × (1+i)^(t−1) × fx_t"),
        new("energy", CostCategory.Production, CostKind.Hard, "kWh per unit × electricity price × energy index_t"),
        new("overhead", CostCategory.Production, CostKind.Hard, "o × (labour + materials + energy) + F ÷ V"),
        new("depreciation", CostCategory.Production, CostKind.Hard, "(Σ active capex_i ÷ life_i + existing depreciation) ÷ V"),
        new("tooling", CostCategory.Production, CostKind.Hard, "tooling per year ÷ V"),
        new("packaging", CostCategory.Production, CostKind.Hard, "packaging per unit × (1+i)^(t−1)"),
        new("automation", CostCategory.Production, CostKind.Hard, "(maintenance × (1+i)^(t−1) + support FTE × hours per FTE × w_t) × a ÷ V + kWh × electricity price"),
        new("mainFreight", CostCategory.Logistics, CostKind.Hard, "Σ main legs: rate × index_t ÷ units per load | × chargeable kg | × kg ÷ 1000"),
        new("inlandTransport", CostCategory.Logistics, CostKind.Hard, "Σ pre- and on-carriage legs, as main freight"),
        new("stepTransport", CostCategory.Logistics, CostKind.Hard, "Σ steps' inbound legs, as main freight, for the semi-finished good"),
        new("handling", CostCategory.Logistics, CostKind.Hard, "handling per shipment × freight index_t × n ÷ V"),
        new("cargoInsurance", CostCategory.Logistics, CostKind.Hard, "r × 1.1 × (goods value + freight to border)"),
        new("emergencyAirFreight", CostCategory.Logistics, CostKind.Hard, "s × max(0, air rate × chargeable kg − regular freight)"),
        new("customsBrokerage", CostCategory.TradeAndCustoms, CostKind.Hard, "brokerage per shipment × (1+i)^(t−1) × n ÷ V"),
        new("importDuty", CostCategory.TradeAndCustoms, CostKind.Hard, "duty rate × customs value (CIF)"),
        new("extraTariffs", CostCategory.TradeAndCustoms, CostKind.Hard, "extra rate × customs value + specific duty × kg ÷ 1000"),
        new("stepDuty", CostCategory.TradeAndCustoms, CostKind.Hard, "Σ EU entries between steps: duty rate × (value + inbound freight), or × processing cost abroad"),
        new("cbam", CostCategory.TradeAndCustoms, CostKind.Hard, "max(0, q × max(0, SEE − B × CF_y) × P_ETS,y − q × SEE × c_origin)"),
        new("carbonTransport", CostCategory.Carbon, CostKind.Strategic, "transport kg CO2e ÷ 1000 × internal carbon price"),
        new("carbonProduction", CostCategory.Carbon, CostKind.Strategic, "production kg CO2e ÷ 1000 × internal carbon price"),
        new("pipelineInventory", CostCategory.InventoryAndFinance, CostKind.Hard, "v × h × transit days ÷ 365"),
        new("cycleStock", CostCategory.InventoryAndFinance, CostKind.Hard, "v × h ÷ (2n)"),
        new("safetyStock", CostCategory.InventoryAndFinance, CostKind.Hard, "z √(L σ_d² + μ² σ_L²) × v × h ÷ V"),
        new("paymentTerms", CostCategory.InventoryAndFinance, CostKind.Hard, "P × i × (a × D_pre − (1−a) × D_terms) ÷ 365"),
        new("obsolescence", CostCategory.InventoryAndFinance, CostKind.Hard, "v × o × ((pipeline + cycle + safety stock) ÷ V)"),
        new("defects", CostCategory.Quality, CostKind.Hard, "defect rate × cost per defect"),
        new("warrantyReturns", CostCategory.Quality, CostKind.Hard, "return rate × cost per return"),
        new("qualityAssurance", CostCategory.Quality, CostKind.Hard, "audits and QA per year × (1+i)^(t−1) ÷ V"),
        new("travel", CostCategory.Management, CostKind.Hard, "trips × cost per trip × (1+i)^(t−1) ÷ V"),
        new("coordination", CostCategory.Management, CostKind.Hard, "coordination per year × (1+i)^(t−1) ÷ V"),
        new("complianceDueDiligence", CostCategory.Management, CostKind.Hard, "compliance per year × (1+i)^(t−1) ÷ V"),
        new("engineeringChange", CostCategory.Management, CostKind.Risk, "changes × lead time (weeks) × cost per change-week ÷ V"),
        new("leadTimeMismatch", CostCategory.Risk, CostKind.Risk, "(p − c) − (p − s) Φ(Φ⁻¹((p−c)/(p−s)) − σ√L)"),
        new("disruption", CostCategory.Risk, CostKind.Risk, "λ × D ÷ 52 × ℓ × (1 − m) × c_lost"),
        new("tradePolicy", CostCategory.Risk, CostKind.Risk, "p × τ × customs value"),
        new("currency", CostCategory.Risk, CostKind.Risk, "premium × cost paid in foreign currency"),
        new("ipLoss", CostCategory.Risk, CostKind.Risk, "p × loss ÷ V"),
        new("innovationDistance", CostCategory.Strategic, CostKind.Strategic, "δ × landed value"),
        new("madeInPremium", CostCategory.Strategic, CostKind.Strategic, "−π × selling price"),
    ];

    private static readonly Dictionary<string, CostFactor> ById = All.ToDictionary(f => f.Id);

    /// <summary>Looks a factor up by id.</summary>
    public static CostFactor Get(string id) => ById.TryGetValue(id, out var f) ? f : throw new KeyNotFoundException($"Unknown cost factor '{id}'.");

    /// <summary>Id prefix of user-defined lines.</summary>
    public const string OtherPrefix = "other:";

    /// <summary>A stable id fragment from a user-defined line's name: lower case letters and digits joined by '-'.</summary>
    public static string Slug(string name) =>
        string.Join('-', new string(name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
