#!/usr/bin/env python3
"""Rebuild the productivity columns of countries.csv from an ILOSTAT bulk download.

Download GDP_2HRW_NOC_NB_A (output per hour worked, GDP constant international $ at PPP) as CSV from
https://ilostat.ilo.org/data/ (bulk download; columns ref_area, time, obs_value). Then:
  python3 ilostat_productivity.py --year 2024 GDP_2HRW_NOC_NB_A.csv --update ../../reference-data/countries.csv
The index is the country's value / Belgium's x 100. The scope is the WHOLE ECONOMY (the field says so); replace with a
manufacturing series (value added per hour worked in NACE C) when you have one.
"""
import argparse, csv, sys


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--year", required=True)
    p.add_argument("source")
    p.add_argument("--update", required=True)
    a = p.parse_args(argv)
    try:
        import pycountry
    except ImportError:
        sys.exit("install pycountry (pip install pycountry) for the ISO alpha-3 to alpha-2 mapping")
    iso = {c.alpha_3: c.alpha_2 for c in pycountry.countries}
    iso["TWN"] = "TW"
    values = {}
    with open(a.source, newline="", encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            if r.get("time") == a.year and r.get("ref_area") in iso and r.get("obs_value"):
                values[iso[r["ref_area"]]] = float(r["obs_value"])
    if "BE" not in values:
        sys.exit(f"Belgium has no value for {a.year}: the index needs it")
    rows = list(csv.DictReader(open(a.update, newline="", encoding="utf-8")))
    for r in rows:
        v = values.get(r["iso2"])
        r["productivity_index"] = f"{v / values['BE'] * 100:.1f}" if v is not None else ""
        r["productivity_year"] = a.year if v is not None else ""
        r["productivity_scope"] = "whole economy, GDP per hour worked (PPP)" if v is not None else ""
        r["productivity_source"] = (f"ILO modelled estimates GDP_2HRW_NOC_NB, {a.year}; index = country / Belgium ({values['BE']}) x 100; WHOLE ECONOMY; "
                                    "https://ilostat.ilo.org/data/") if v is not None else ""
    with open(a.update, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()), lineterminator="\n")
        w.writeheader(); w.writerows(rows)


if __name__ == "__main__":
    main()
