#!/usr/bin/env python3
"""Regenerates src/Reshore.Core/Resources/Strings.resx (English, neutral) from the keys and English texts in the code,
plus the factor, category, kind, status and governance names below. Dutch lives in Strings.nl.resx, kept by hand;
a test checks that both files hold the same keys. Run from the repository root: python3 tools/extract-strings.py"""
import re, pathlib, html

root = pathlib.Path(__file__).resolve().parent.parent
pattern = re.compile(r'(?:Text\.Get\(\s*[\w.]+\s*,|Text\.Format\(\s*[\w.]+\s*,|\bT\(|\bF\()\s*"([A-Za-z_][A-Za-z0-9_]*)"\s*,\s*"((?:[^"\\]|\\.)*)"')
strings = {}
for path in sorted([*(root / "src").rglob("*.cs"), *(root / "src").rglob("*.razor")]):
    for key, text in pattern.findall(path.read_text(encoding="utf-8")):
        text = text.encode().decode("unicode_escape").encode("latin-1").decode("utf-8")
        if key in strings and strings[key] != text:
            raise SystemExit(f"{path}: key {key} has two English texts")
        strings[key] = text

factors = {
    "unitPrice": ("Unit price", "Purchase or transfer price per unit, escalated with the country's wages for its labour share and converted at the projected exchange rate."),
    "labour": ("Direct labour", "Labour hours per unit × labour cost per hour ÷ relative productivity; hours fall along a learning curve."),
    "materials": ("Materials", "Materials and bought-in components per unit."),
    "energy": ("Energy", "Electricity per unit × industrial electricity price."),
    "overhead": ("Plant overhead", "Overhead as a share of direct cost plus fixed plant overhead per year."),
    "depreciation": ("Equipment depreciation", "Straight-line depreciation of new and existing equipment, per unit."),
    "tooling": ("Tooling and moulds", "Tooling and mould costs per year, per unit."),
    "packaging": ("Packaging", "Packaging per unit."),
    "mainFreight": ("Main-leg freight", "Freight on the main international leg by sea, rail, road or air."),
    "inlandTransport": ("Inland transport", "Pre-carriage in the origin country and on-carriage from port to plant."),
    "handling": ("Port and terminal handling", "Terminal handling and document charges per shipment."),
    "cargoInsurance": ("Cargo insurance", "Premium on 110% of the CIF value."),
    "emergencyAirFreight": ("Emergency air freight", "Extra cost of flying in a share of volume instead of the regular mode."),
    "customsBrokerage": ("Customs brokerage", "Customs declaration and brokerage fees per shipment."),
    "importDuty": ("Import duty", "Ad valorem duty on the customs value, MFN or preferential."),
    "extraTariffs": ("Anti-dumping and extra tariffs", "Anti-dumping, countervailing and other extra duties."),
    "cbam": ("CBAM charge", "Carbon border adjustment on covered goods, with the phase-out of free allocation."),
    "carbonTransport": ("Internal carbon price, transport", "Transport CO2e × the company's internal carbon price."),
    "carbonProduction": ("Internal carbon price, production", "Production CO2e × the company's internal carbon price."),
    "pipelineInventory": ("Pipeline inventory", "Carrying cost of goods in transit."),
    "cycleStock": ("Cycle stock", "Carrying cost of half a shipment on average."),
    "safetyStock": ("Safety stock", "Carrying cost of the safety stock set by lead time, demand volatility and service level."),
    "paymentTerms": ("Payment terms and prepayment", "Financing cost of prepayments less the benefit of supplier credit."),
    "obsolescence": ("Obsolescence", "Write-offs on stock held, proportional to how long stock is held."),
    "defects": ("Defects, rework and scrap", "Defect rate × cost per defective unit."),
    "warrantyReturns": ("Warranty and returns", "Return rate × cost per return."),
    "qualityAssurance": ("Quality assurance and audits", "Audits, inspections and supplier quality management per year."),
    "travel": ("Travel", "Business trips to the source per year."),
    "coordination": ("Management and coordination", "Buyers, planners and time-zone overhead per year."),
    "complianceDueDiligence": ("Compliance and due diligence", "Supply-chain due diligence, reporting and certification per year."),
    "engineeringChange": ("Engineering-change delay", "Cost of engineering changes reaching the market one lead time later."),
    "leadTimeMismatch": ("Lead-time mismatch", "Expected profit lost by committing to volumes one lead time ahead (lognormal newsvendor, Cost Differential Frontier)."),
    "disruption": ("Expected disruption", "Expected margin lost to supply disruptions."),
    "tradePolicy": ("Trade-policy risk", "Probability × extra tariff × customs value."),
    "currency": ("Currency risk", "Risk premium or hedging cost on costs paid in foreign currency."),
    "ipLoss": ("IP-loss risk", "Probability × loss of intellectual property, per unit."),
    "innovationDistance": ("Innovation distance", "Cost of distance between production and R&D, as a share of landed value."),
    "madeInPremium": ("'Made in' premium", "Price premium customers pay for local origin (a negative cost)."),
}
for fid, (name, desc) in factors.items():
    strings["Factor_" + fid] = name
    strings["FactorDesc_" + fid] = desc
for k, v in {"Production": "Production", "Logistics": "Logistics", "TradeAndCustoms": "Trade and customs", "Carbon": "Carbon",
             "InventoryAndFinance": "Inventory and finance", "Quality": "Quality", "Management": "Management", "Risk": "Risk",
             "Strategic": "Strategic", "Other": "Other"}.items():
    strings["Category_" + k] = v
for k, v in {"Hard": "hard", "Risk": "risk", "Strategic": "strategic"}.items():
    strings["Kind_" + k] = v
for k, v in {"Assessed": "assessed", "NotAssessed": "not assessed", "NotApplicable": "not applicable", "IncludedInPrice": "included in price"}.items():
    strings["Status_" + k] = v
for k, v in {"StatusQuo": "status quo", "InHouseReshoring": "in-house reshoring", "ReshoringForOutsourcing": "reshoring for outsourcing",
             "ReshoringForInsourcing": "reshoring for insourcing", "OutsourcedReshoring": "outsourced reshoring", "Offshoring": "offshoring"}.items():
    strings["Governance_" + k] = v

criteria = {"cost": "Cost (total cost, productivity)", "quality": "Quality (performance, conformity, durability)", "delivery": "Delivery (reliability, speed)",
            "flexibility": "Flexibility (volume, mix, customer, supplier)", "service": "Service", "innovation": "Innovation (proximity to R&D)",
            "environment": "Environment (CO2e)", "reputation": "Reputation and trust (public, suppliers, staff)", "legislation": "Legislation and incentives",
            "culture": "Culture and competences (communication, skills)", "riskMitigation": "Risk mitigation (currency, host country, supply chain, IP)"}
for k, v in criteria.items():
    strings["Crit_" + k] = v
motives = {"madeIn": "'made in' effect", "customerProximity": "proximity to customers", "customisationDemand": "customers want customisation",
           "sustainabilityDemand": "customers want sustainable, local products", "poorQuality": "poor quality of offshored production",
           "deliveryTimes": "delivery and lead times", "innovation": "product and process innovation", "rdProximity": "proximity to R&D",
           "labourCostGap": "smaller labour-cost gap", "logisticsCosts": "transport and logistics costs", "energyCosts": "energy costs",
           "incentives": "public incentives at home", "tariffsAndTrade": "tariffs and trade policy", "currency": "exchange rates",
           "economicCrisis": "economic crisis", "supplyRisk": "supply-chain disruption risk", "hiddenCosts": "hidden costs of offshoring",
           "globalReorganisation": "global reorganisation of the company", "automation": "automation of production",
           "ipProtection": "protection of intellectual property", "coordination": "coordination and communication across time zones"}
for k, v in motives.items():
    strings["Motive_" + k] = v
barriers = {"labourContracts": "labour contracts (paying out fixed-term contracts)", "ipInProcesses": "IP left unprotected in processes",
            "movingEquipment": "repatriating equipment, tools and moulds", "exitTaxes": "exit and closure taxes", "timeToBuild": "time to build a new site",
            "homeSkills": "skills at home", "environmentalNorms": "stricter environmental norms at home", "hostMarketSize": "size of the host market",
            "ecosystemTies": "embeddedness in the host ecosystem", "uncertainty": "uncertainty"}
for k, v in barriers.items():
    strings["Barrier_" + k] = v
for k, v in {"direct": "set directly", "ahp": "from AHP", "equal": "equal (none given)"}.items():
    strings["Weighting_" + k] = v

out = ['<?xml version="1.0" encoding="utf-8"?>', "<root>",
       '  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>',
       '  <resheader name="version"><value>2.0</value></resheader>',
       '  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>',
       '  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>']
for key in sorted(strings):
    out.append(f'  <data name="{key}" xml:space="preserve"><value>{html.escape(strings[key], quote=False)}</value></data>')
out.append("</root>")
target = root / "src/Reshore.Core/Resources/Strings.resx"
target.write_text("\n".join(out) + "\n", encoding="utf-8")
print(f"{len(strings)} strings -> {target}")
