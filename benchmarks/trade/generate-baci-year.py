#!/usr/bin/env python3
"""A synthetic trade file at the scale of one year of CEPII's BACI (t,i,j,k,v,q; about 10.5 million rows, 360 MB), with a country-code
file covering its exporters and importers, for measuring `reshore dependencies trade` (docs/performance.md, "Trade screening").
The flows are random; only the layout and the cardinalities (about 220 countries, 5,000 HS6 codes) are BACI's. Deterministic.
Run: python3 benchmarks/trade/generate-baci-year.py OUT_DIR [ROWS]"""
import random, sys, pathlib
out = pathlib.Path(sys.argv[1]); out.mkdir(parents=True, exist_ok=True)
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 10_500_000
random.seed(2023)
# The example's codes (EU members among them) plus invented ones up to 220 countries, as BACI's M49-based numbering.
known = [l.rstrip("\n").split(",") for l in open(pathlib.Path(__file__).resolve().parents[2] / "examples" / "baci-country-codes.csv")][1:]
codes = [int(c[0]) for c in known]
extra = [c for c in range(4, 900, 4) if c not in codes][: 220 - len(codes)]
with open(out / "country-codes.csv", "w") as f:
    f.write("country_code,country_name,country_iso2,country_iso3\n")
    for c in known: f.write(",".join(c) + "\n")
    for n, c in enumerate(extra):
        a, b = chr(65 + n // 26), chr(65 + n % 26)  # ISO 3166 leaves X.. to users: no clash with a real country
        f.write(f"{c},Country {c},X{a},X{a}{b}\n")
countries = codes + extra
products = sorted({f"{random.randint(10, 97):02d}{random.randint(1, 99):02d}{random.randint(10, 99):02d}" for _ in range(6000)})[:5000]
written = 0
with open(out / "baci-year.csv", "w") as f:
    f.write("t,i,j,k,v,q\n")
    buf = []
    while written < rows:
        k = random.choice(products)
        i = random.choice(countries)
        for j in random.sample(countries, 25):
            if j == i or written >= rows: continue
            buf.append(f"2023,{i},{j},{k},{random.random() * 1000:.3f},{random.random() * 50:.3f}\n")
            written += 1
        if len(buf) > 100_000:
            f.writelines(buf); buf.clear()
    f.writelines(buf)
print(f"{written} rows in {out / 'baci-year.csv'}")
