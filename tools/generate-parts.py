#!/usr/bin/env python3
"""Generates examples/parts-list.csv: 2,400 synthetic but realistic parts of a fictional Flemish machine and lighting maker,
for `reshore screen`. Deterministic (seeded). Families, HS codes, origins, prices, weights, lead times and traits follow
typical sourcing patterns; the numbers are illustrative, not data. Run: python3 tools/generate-parts.py"""
import csv, random, pathlib

random.seed(20271)
families = [
    # name, hs, origins with currency, price range EUR, weight kg, volume, lead days, traits (series, complexity, knowledge, custom), labour %
    ("Hex bolt", "731815", [("CN", "USD"), ("IN", "USD"), ("TR", "EUR")], (0.02, 0.6), (0.005, 0.15), (20000, 2000000), (60, 95), (5, 1, 1, 1), (15, 25)),
    ("Grey-iron casting", "732510", [("CN", "USD"), ("IN", "USD"), ("TR", "EUR"), ("RO", "EUR")], (4, 90), (1, 30), (500, 30000), (60, 110), (3, 2, 2, 3), (30, 45)),
    ("PCB assembly", "853710", [("CN", "USD"), ("VN", "USD"), ("MX", "USD"), ("CZ", "EUR")], (8, 160), (0.05, 0.6), (500, 60000), (50, 120), (2, 5, 4, 4), (10, 20)),
    ("Plastic housing", "392690", [("CN", "USD"), ("VN", "USD"), ("PL", "PLN"), ("CZ", "EUR")], (0.3, 9), (0.02, 0.9), (5000, 400000), (35, 95), (4, 2, 2, 2), (15, 25)),
    ("Cable harness", "854442", [("MA", "EUR"), ("TN", "EUR"), ("RO", "EUR"), ("RS", "EUR"), ("MX", "USD")], (3, 70), (0.1, 3.5), (1000, 60000), (20, 60), (2, 3, 3, 4), (45, 65)),
    ("Knitted cover", "611020", [("BD", "USD"), ("TR", "EUR"), ("VN", "USD"), ("IN", "USD")], (2, 16), (0.2, 0.7), (2000, 120000), (60, 110), (5, 1, 1, 2), (55, 70)),
    ("LED lamp", "85395200", [("CN", "USD"), ("VN", "USD"), ("PL", "EUR")], (0.6, 6), (0.04, 0.2), (20000, 1500000), (45, 90), (5, 2, 2, 1), (15, 25)),
    ("LED luminaire", "9405", [("CN", "USD"), ("VN", "USD"), ("PL", "EUR"), ("CZ", "EUR")], (12, 220), (0.5, 8), (500, 40000), (45, 100), (3, 3, 3, 4), (20, 30)),
    ("Welded steel frame", "730890", [("CN", "USD"), ("TR", "EUR"), ("RS", "EUR"), ("PL", "EUR")], (15, 400), (4, 90), (200, 15000), (30, 100), (3, 2, 2, 4), (30, 45)),
    ("Power supply", "850440", [("CN", "USD"), ("TH", "USD"), ("MX", "USD")], (3, 45), (0.1, 1.8), (1000, 200000), (50, 100), (4, 3, 3, 2), (15, 25)),
    ("Shoe upper", "640399", [("VN", "USD"), ("IN", "USD"), ("BD", "USD"), ("PT", "EUR")], (5, 32), (0.3, 0.9), (2000, 80000), (45, 110), (4, 2, 2, 3), (50, 65)),
    ("Wheel hub", "870870", [("CN", "USD"), ("IN", "USD"), ("MX", "USD"), ("SK", "EUR"), ("HU", "EUR")], (8, 120), (1, 12), (1000, 80000), (30, 100), (4, 3, 3, 2), (20, 35)),
    ("Computer board", "847330", [("CN", "USD"), ("TH", "USD"), ("ID", "USD"), ("MX", "USD")], (6, 140), (0.05, 0.8), (500, 90000), (50, 110), (3, 4, 4, 3), (10, 20)),
]
fx_note = {"PLN": 4.2}   # quotes in zloty are converted from EUR at roughly this rate for realism

def clamp_trait(v):
    return max(1, min(5, v))

rows = []
n = 0
while len(rows) < 2400:
    fam = random.choice(families)
    name, hs, origins, price, weight, volume, lead, traits, labour = fam
    country, currency = random.choice(origins)
    n += 1
    p_eur = round(random.uniform(*price) * random.uniform(0.9, 1.1), 4)
    amount = p_eur * (1.08 if currency == "USD" else fx_note.get(currency, 1))
    w = round(random.uniform(*weight), 4)
    vol = int(round(10 ** random.uniform(*[__import__("math").log10(x) for x in volume]), -1)) or 10
    nearshore = country in ("TR", "RO", "RS", "PL", "CZ", "SK", "HU", "PT", "MA", "TN")
    lt = int(random.uniform(*lead) * (0.55 if nearshore else 1))
    t = [clamp_trait(x + random.choice([-1, 0, 0, 1])) for x in traits]
    with_traits = random.random() < 0.85
    rows.append({
        "part_id": f"P-{n:05d}",
        "description": f"{name} {random.choice(['A', 'B', 'C', 'D', 'E'])}{random.randint(10, 999)}",
        "annual_volume": vol,
        "unit_price": round(amount, 4),
        "currency": currency,
        "unit_weight_kg": w,
        "hs_code": hs,
        "current_country": country,
        "lead_time_days": lt,
        "series_size": t[0] if with_traits else "",
        "complexity": t[1] if with_traits else "",
        "knowledge_intensity": t[2] if with_traits else "",
        "customisation": t[3] if with_traits else "",
        "labour_share_pct": round(random.uniform(*labour), 1) if with_traits else "",
    })

out = pathlib.Path(__file__).resolve().parent.parent / "examples" / "parts-list.csv"
with open(out, "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=list(rows[0].keys()), lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
print(f"{len(rows)} parts -> {out}")
