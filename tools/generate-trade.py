#!/usr/bin/env python3
"""Generates a small synthetic trade file in BACI's layout (t,i,j,k,v,q), BACI-style country codes and an HS6 → ecosystem
map, for `reshore dependencies trade` examples and docs. The flows are invented but built so that some products are
dependent (one outside supplier, little intra-EU trade, few EU exports) and others are not. Deterministic.
Run: python3 tools/generate-trade.py"""
import csv, random, pathlib
random.seed(2023)
root = pathlib.Path(__file__).resolve().parent.parent / "examples"
# BACI numbers countries by the UN M49 code (France 251, India 699 and a few others differ); ISO codes as in BACI's file.
countries = [(56,"Belgium","BE","BEL"),(251,"France","FR","FRA"),(276,"Germany","DE","DEU"),(381,"Italy","IT","ITA"),(528,"Netherlands","NL","NLD"),
             (616,"Poland","PL","POL"),(724,"Spain","ES","ESP"),(203,"Czechia","CZ","CZE"),(642,"Romania","RO","ROU"),(40,"Austria","AT","AUT"),
             (156,"China","CN","CHN"),(842,"USA","US","USA"),(392,"Japan","JP","JPN"),(410,"Rep. of Korea","KR","KOR"),(704,"Viet Nam","VN","VNM"),
             (699,"India","IN","IND"),(792,"Turkey","TR","TUR"),(757,"Switzerland","CH","CHE"),(826,"United Kingdom","GB","GBR"),(76,"Brazil","BR","BRA")]
eu = {c[0] for c in countries if c[3] in ("BEL","FRA","DEU","ITA","NLD","POL","ESP","CZE","ROU","AUT")}
outside = [c[0] for c in countries if c[0] not in eu]
# (hs6, ecosystem, profile): profile "dependent" = one dominant outside source, low intra-EU trade and EU exports;
# "diverse" = many sources; "intra" = mostly intra-EU; "exporter" = EU exports a lot.
products = [
    ("280461","Electronics","dependent",156),   # silicon, >99.99% Si
    ("811292","Electronics","dependent",156),   # gallium, germanium, indium: unwrought
    ("850760","Energy-renewables","dependent",156),  # lithium-ion accumulators
    ("854143","Energy-renewables","dependent",156),  # photovoltaic modules
    ("293339","Health","dependent",699),        # heterocyclic compounds (APIs)
    ("300490","Health","diverse",None),
    ("850511","Electronics","dependent",156),   # permanent magnets of metal
    ("010110","Agri-food","intra",None),        # live horses: leading zero
    ("020130","Agri-food","intra",None),
    ("720839","Energy-intensive industries (EII)","diverse",None),
    ("760110","Energy-intensive industries (EII)","exporter",None),
    ("870380","Mobility-Transport-Automotive","exporter",None),
    ("880240","Aerospace & defence","exporter",None),
    ("610910","Textiles","dependent",704),
    ("940540","Construction","diverse",None),
    ("847130","Digital","dependent",156),       # laptops
    ("851762","Digital","diverse",None),
    ("390110","Energy-intensive industries (EII)","intra",None),
]
rows = []
for year in (2022, 2023):
    for hs, eco, profile, top in products:
        scale = random.uniform(200, 5000)
        for imp in eu:
            # intra-EU imports
            for exp in random.sample(sorted(eu - {imp}), 3):
                share = {"intra": 1.0, "exporter": 0.6, "diverse": 0.4, "dependent": 0.05}[profile]
                rows.append((year, exp, imp, hs, round(scale * share * random.uniform(0.3, 1.0), 3)))
            # extra-EU imports
            if profile == "dependent":
                rows.append((year, top, imp, hs, round(scale * random.uniform(2.0, 3.0), 3)))
                for exp in random.sample([o for o in outside if o != top], 2):
                    rows.append((year, exp, imp, hs, round(scale * random.uniform(0.05, 0.2), 3)))
            elif profile != "intra":
                for exp in random.sample(outside, 5):
                    rows.append((year, exp, imp, hs, round(scale * random.uniform(0.2, 0.6), 3)))
        # EU exports to outside
        for exp in random.sample(sorted(eu), 4):
            for imp in random.sample(outside, 2):
                share = {"exporter": 3.0, "diverse": 0.5, "intra": 0.2, "dependent": 0.05}[profile]
                rows.append((year, exp, imp, hs, round(scale * share * random.uniform(0.5, 1.5), 3)))
        # flows between outside countries (ignored by the EU screen, used by single-country groups)
        for _ in range(3):
            a, b = random.sample(outside, 2)
            rows.append((year, a, b, hs, round(scale * random.uniform(0.1, 1.0), 3)))
with open(root / "trade-baci-sample.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["t", "i", "j", "k", "v", "q"])
    for y, i, j, k, v in rows:
        # BACI files drop the leading zero of chapters 01–09 when opened in a spreadsheet: keep some that way.
        w.writerow([y, i, j, k.lstrip("0") if k.startswith("0") and random.random() < 0.5 else k, v, round(v / random.uniform(1, 20), 3)])
with open(root / "baci-country-codes.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["country_code", "country_name", "country_iso2", "country_iso3"])
    w.writerows(countries)
with open(root / "hs6-ecosystems.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["hs6", "ecosystem"])
    for hs, eco, _, _ in products:
        w.writerow([hs, eco])
print(len(rows), "flows")
