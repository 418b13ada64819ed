#!/usr/bin/env python3
"""Print the grid carbon intensity of each country in countries.csv from Ember's yearly electricity data.

Input: Ember "yearly_full_release_long_format.csv" (https://ember-energy.org/data/yearly-electricity-data/), or the
Green Web Foundation co2.js compilation data/output/average-intensities.json (also Ember's figures).
Output: iso2,grid_gco2e_per_kwh,grid_year for the latest year per country; paste the columns into countries.csv
(or run with --update ../../reference-data/countries.csv to rewrite those three columns and grid_source in place).
"""
import argparse, csv, json, sys

ISO3_TO_2 = {}


def load_iso(countries_csv):
    # countries.csv holds iso2 only; the ISO 3166 alpha-3 mapping comes from Python's bundled data where available.
    try:
        import pycountry  # optional
        return {c.alpha_3: c.alpha_2 for c in pycountry.countries}
    except ImportError:
        sys.exit("install pycountry (pip install pycountry) for the ISO alpha-3 to alpha-2 mapping")


def from_ember_csv(path, iso):
    best = {}
    with open(path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r.get("Variable") != "CO2 intensity" or not r.get("Value"):
                continue
            code = iso.get(r.get("ISO 3 code", ""))
            year = int(r["Year"])
            if code and (code not in best or year > best[code][1]):
                best[code] = (float(r["Value"]), year)
    return best


def from_co2js(path, iso):
    data = json.load(open(path, encoding="utf-8"))
    return {iso[k]: (v["emissions_intensity_gco2_per_kwh"], v["year"]) for k, v in data.items() if k in iso}


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("source", help="Ember long-format CSV or co2.js average-intensities.json")
    p.add_argument("--update", help="countries.csv to update in place")
    a = p.parse_args(argv)
    iso = load_iso(a.update)
    values = from_co2js(a.source, iso) if a.source.endswith(".json") else from_ember_csv(a.source, iso)
    if a.update:
        rows = list(csv.DictReader(open(a.update, newline="", encoding="utf-8")))
        for r in rows:
            if r["iso2"] in values:
                v, y = values[r["iso2"]]
                r["grid_gco2e_per_kwh"], r["grid_year"] = f"{v:.2f}", str(y)
                r["grid_source"] = f"Ember yearly electricity data, lifecycle gCO2e/kWh of domestic generation, {y}; https://ember-energy.org/data/yearly-electricity-data/"
        with open(a.update, "w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=list(rows[0].keys()), lineterminator="\n")
            w.writeheader(); w.writerows(rows)
    else:
        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(["iso2", "grid_gco2e_per_kwh", "grid_year"])
        for k in sorted(values):
            w.writerow([k, f"{values[k][0]:.2f}", values[k][1]])


if __name__ == "__main__":
    main()
