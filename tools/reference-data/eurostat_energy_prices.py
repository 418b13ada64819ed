#!/usr/bin/env python3
"""Rebuild reference-data/energy_prices.csv from Eurostat downloads.

Download (SDMX-CSV, one file each) from the Eurostat data browser or API:
  nrg_pc_205 (electricity, non-household): .../data/nrg_pc_205?format=SDMX-CSV&tax=X_VAT&currency=EUR&unit=KWH
  nrg_pc_203 (gas, non-household):         .../data/nrg_pc_203?format=SDMX-CSV&tax=X_VAT&currency=EUR&unit=KWH
Then:  python3 eurostat_energy_prices.py --period 2025-S1 nrg_pc_205.csv nrg_pc_203.csv > ../../reference-data/energy_prices.csv

Rows with no value, or a value of 0 (Eurostat's confidential cells), are left out: a missing band is never invented.
"""
import argparse, csv, sys

BANDS = {  # Eurostat consumption-band codes -> band names used in the reference data
    "MWH_LT20": "IA", "MWH20-499": "IB", "MWH500-1999": "IC", "MWH2000-19999": "ID", "MWH20000-69999": "IE",
    "MWH70000-149999": "IF", "MWH_GE150000": "IG",
    "GJ_LT1000": "I1", "GJ1000-9999": "I2", "GJ10000-99999": "I3", "GJ100000-999999": "I4", "GJ1000000-3999999": "I5", "GJ_GE4000000": "I6",
}
GEO = {"EL": "GR", "UK": "GB"}  # Eurostat geo codes that differ from ISO 3166


def rows(path, carrier, period):
    dataset = "nrg_pc_205" if carrier == "electricity" else "nrg_pc_203"
    with open(path, newline="", encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            if r.get("TIME_PERIOD") != period or r.get("tax") != "X_VAT" or r.get("currency") != "EUR" or r.get("unit") != "KWH":
                continue
            band = BANDS.get(r.get("nrg_cons", ""))
            geo = GEO.get(r["geo"], r["geo"])
            value = r.get("OBS_VALUE", "")
            if band is None or (band[1].isdigit()) != (carrier == "gas") or len(geo) != 2 or value in ("", ":") or float(value) <= 0:
                continue
            yield [geo, carrier, band, value, period, period[:4],
                   f"Eurostat {dataset}, band {band} ({r['nrg_cons']}), excluding VAT and other recoverable taxes (X_VAT), EUR/kWh, {period}; "
                   f"https://ec.europa.eu/eurostat/databrowser/view/{dataset}/default/table"]


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--period", required=True, help="half-year, e.g. 2025-S1")
    p.add_argument("electricity", help="nrg_pc_205 SDMX-CSV file")
    p.add_argument("gas", help="nrg_pc_203 SDMX-CSV file")
    a = p.parse_args(argv)
    out = sorted(list(rows(a.electricity, "electricity", a.period)) + list(rows(a.gas, "gas", a.period)), key=lambda r: (r[0], r[1], r[2]))
    if not out:
        sys.exit(f"no rows for period {a.period}: check the files and the period")
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["iso2", "carrier", "band", "eur_per_kwh", "period", "year", "source"])
    w.writerows(out)


if __name__ == "__main__":
    main()
