#!/usr/bin/env python3
"""Rebuild the labour-cost columns (and the wage-growth trend) of countries.csv from Eurostat's labour cost levels.

Download lc_lci_lev as SDMX-CSV from the Eurostat data browser
(https://ec.europa.eu/eurostat/databrowser/view/lc_lci_lev/default/table, "Download" > SDMX-CSV), with at least
lcstruct = D1_D4_MD5 (labour cost), unit = EUR, nace_r2 = C (manufacturing) and the years you want. Then:

  python3 eurostat_labour_cost.py lc_lci_lev.csv --update ../../reference-data/countries.csv [--year 2024] [--trend-years 5]

* labour_cost_* : the manufacturing (NACE C) hourly labour cost of the year (default: each country's latest), scope
  "manufacturing (NACE C), total labour cost (employer cost)".
* wage_growth_* (with --trend-years N): the country's own compound annual growth of that cost in euros over the N years
  ending with the year used, g = (w_end / w_start)^(1/N) - 1 (the forecast rule of docs/reference-data.md), when both
  years are present. Countries without a value keep their rows unchanged.
Eurostat geo codes EL and UK are mapped to GR and GB.
"""
import argparse, csv, sys

GEO = {"EL": "GR", "UK": "GB"}


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("source")
    p.add_argument("--update", required=True)
    p.add_argument("--year", type=int)
    p.add_argument("--trend-years", type=int)
    p.add_argument("--nace", default="C")
    a = p.parse_args(argv)
    values = {}
    with open(a.source, newline="", encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            if r.get("lcstruct") != "D1_D4_MD5" or r.get("unit") != "EUR" or r.get("nace_r2") != a.nace or not r.get("OBS_VALUE"):
                continue
            geo = GEO.get(r["geo"], r["geo"])
            values.setdefault(geo, {})[int(r["TIME_PERIOD"][:4])] = float(r["OBS_VALUE"])
    if not values:
        sys.exit(f"{a.source}: no rows with lcstruct=D1_D4_MD5, unit=EUR, nace_r2={a.nace}")
    with open(a.update, newline="", encoding="utf-8") as f:
        rd = csv.DictReader(f)
        fields, rows = rd.fieldnames, list(rd)
    changed = []
    for r in rows:
        series = values.get(r["iso2"])
        if not series: continue
        year = a.year if a.year in series else (None if a.year else max(series))
        if year is None: continue
        r["labour_cost_eur_per_hour"] = f"{series[year]:.1f}"
        r["labour_cost_scope"] = f"manufacturing (NACE {a.nace}), total labour cost (employer cost), enterprises with 10+ employees"
        r["labour_cost_year"] = str(year)
        r["labour_cost_source"] = (f"Eurostat lc_lci_lev (labour cost levels by NACE Rev. 2, lcstruct D1_D4_MD5, nace_r2 {a.nace}, EUR per hour), {year}; "
                                   "https://ec.europa.eu/eurostat/databrowser/view/lc_lci_lev/default/table")
        start = year - (a.trend_years or 0)
        if a.trend_years and start in series:
            g = (series[year] / series[start]) ** (1 / a.trend_years) - 1
            r["wage_growth_pct"] = f"{g * 100:.2f}"
            r["wage_growth_period"] = f"{start}-{year}"
            r["wage_growth_source"] = (f"{r['iso2']} manufacturing labour cost in EUR, {start}-{year} compound annual growth: {series[start]:.1f} -> "
                                       f"{series[year]:.1f} EUR/h (Eurostat lc_lci_lev, NACE {a.nace})")
        changed.append(r["iso2"])
    with open(a.update, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader(); w.writerows(rows)
    print(f"{len(changed)} countries updated: {', '.join(changed)}")


if __name__ == "__main__":
    main()
