#!/usr/bin/env python3
"""Rebuild the governance columns (wgi_*) of countries.csv from the World Bank Worldwide Governance Indicators.

Input, either of:
  * the WGI data in World Development Indicators layout (World Bank DataBank export or the WGI bulk CSV): columns
    "Country Code", "Series Code" (PV.EST, GE.EST, RL.EST) and one column per year ("2023" or "2023 [YR2023]");
  * one DDF datapoints file per indicator (columns economy, year, pv_est | ge_est | rl_est), as in the Gapminder
    open-numbers copy of the WDI (github.com/open-numbers/ddf--world_bank--world_development_indicators).
Then:
  python3 wgi_governance.py --year 2023 --source-text "..." FILE [FILE ...] --update ../../reference-data/countries.csv

Estimates run from about -2.5 (weak) to +2.5 (strong). A country without a value for the year keeps empty cells (the
engine then has no governance indicators for it, never a zero).
"""
import argparse, csv, re

ISO3_TO_ISO2 = {
    "ALB": "AL", "AUT": "AT", "BEL": "BE", "BGD": "BD", "BGR": "BG", "BIH": "BA", "BRA": "BR", "CAN": "CA", "CHE": "CH",
    "CHN": "CN", "CYP": "CY", "CZE": "CZ", "DEU": "DE", "DNK": "DK", "EGY": "EG", "ESP": "ES", "EST": "EE", "FIN": "FI",
    "FRA": "FR", "GBR": "GB", "GRC": "GR", "HKG": "HK", "HRV": "HR", "HUN": "HU", "IDN": "ID", "IND": "IN", "IRL": "IE",
    "ISL": "IS", "ITA": "IT", "JPN": "JP", "KHM": "KH", "KOR": "KR", "LKA": "LK", "LTU": "LT", "LUX": "LU", "LVA": "LV",
    "MAR": "MA", "MEX": "MX", "MKD": "MK", "MLT": "MT", "MNE": "ME", "MYS": "MY", "NLD": "NL", "NOR": "NO", "PAK": "PK",
    "PHL": "PH", "POL": "PL", "PRT": "PT", "ROU": "RO", "SRB": "RS", "SVK": "SK", "SVN": "SI", "SWE": "SE", "THA": "TH",
    "TUN": "TN", "TUR": "TR", "TWN": "TW", "UKR": "UA", "USA": "US", "VNM": "VN",
}
SERIES = {"PV.EST": "wgi_political_stability", "GE.EST": "wgi_government_effectiveness", "RL.EST": "wgi_rule_of_law"}
DDF = {"pv_est": "wgi_political_stability", "ge_est": "wgi_government_effectiveness", "rl_est": "wgi_rule_of_law"}
COLUMNS = ["wgi_political_stability", "wgi_government_effectiveness", "wgi_rule_of_law", "wgi_year", "wgi_source"]


def read(path, year, values):
    with open(path, newline="", encoding="utf-8-sig") as f:
        rd = csv.DictReader(f)
        fields = rd.fieldnames or []
        ddf = next((c for c in fields if c in DDF), None)
        for r in rd:
            if ddf:
                if r["year"] == year and r[ddf]:
                    iso2 = ISO3_TO_ISO2.get(r["economy"].upper())
                    if iso2: values.setdefault(iso2, {})[DDF[ddf]] = float(r[ddf])
            else:
                column = next((c for c in fields if re.match(rf"^{year}( \[YR{year}\])?$", c)), None)
                series = SERIES.get(r.get("Series Code", ""))
                iso2 = ISO3_TO_ISO2.get(r.get("Country Code", ""))
                if column and series and iso2 and r[column] not in ("", ".."):
                    values.setdefault(iso2, {})[series] = float(r[column])


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--year", required=True)
    p.add_argument("--source-text", required=True, help="where the figures come from (publisher, dataset, address, copy read)")
    p.add_argument("files", nargs="+")
    p.add_argument("--update", required=True)
    a = p.parse_args(argv)
    values = {}
    for path in a.files:
        read(path, a.year, values)
    with open(a.update, newline="", encoding="utf-8") as f:
        rd = csv.DictReader(f)
        fields = list(rd.fieldnames) + [c for c in COLUMNS if c not in rd.fieldnames]
        rows = list(rd)
    for r in rows:
        v = values.get(r["iso2"], {})
        for c in COLUMNS[:3]:
            r[c] = f"{v[c]:.2f}" if c in v else ""
        r["wgi_year"] = a.year if v else ""
        r["wgi_source"] = a.source_text if v else ""
    with open(a.update, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader(); w.writerows(rows)
    missing = sorted(r["iso2"] for r in rows if r["iso2"] not in values)
    print(f"{len(values)} countries with governance indicators for {a.year}; none for {', '.join(missing) or '-'}")


if __name__ == "__main__":
    main()
