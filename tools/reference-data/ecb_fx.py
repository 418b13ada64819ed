#!/usr/bin/env python3
"""Rebuild the exchange rates (fx_history.csv and the ECB rows of fx_rates.csv) from the ECB's daily reference rates.

Download the ECB euro foreign exchange reference rates, full history, as CSV:
https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip (unzip it: eurofxref-hist.csv, columns Date, USD, JPY, ...,
units of currency per euro, one row per TARGET business day). Then:

  python3 ecb_fx.py eurofxref-hist.csv --from 2015 \
      --history ../../reference-data/fx_history.csv --rates ../../reference-data/fx_rates.csv

* fx_history.csv gets, for every currency the ECB publishes and the reference data need, the ANNUAL AVERAGE of the
  daily rates of each calendar year (a year still running is written with basis "partial year, N days").
  Rows of currencies the ECB does not publish (other sources) are kept as they are.
* fx_rates.csv (the default rate the engine converts with) gets, for the same currencies, the average of the LAST
  COMPLETE calendar year. Rows of other currencies are kept.
"""
import argparse, csv, statistics, sys
from collections import defaultdict

# The currencies of the bundled countries that the ECB publishes a reference rate for.
ECB_CURRENCIES = ["USD", "JPY", "GBP", "CHF", "CZK", "DKK", "HUF", "PLN", "RON", "SEK", "NOK", "ISK", "TRY",
                  "BRL", "CAD", "CNY", "HKD", "IDR", "INR", "KRW", "MXN", "MYR", "PHP", "THB"]
SOURCE = ("ECB euro foreign exchange reference rates (eurofxref-hist.csv, "
          "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip), {basis} of the daily rates {year}{copy}")


def annual_averages(path):
    """{currency: {year: (mean units per EUR, number of days)}} from an eurofxref-hist.csv."""
    days = defaultdict(lambda: defaultdict(list))
    last_date = ""
    with open(path, newline="", encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            date = r["Date"]
            last_date = max(last_date, date)
            for cur in ECB_CURRENCIES:
                v = (r.get(cur) or "").strip()
                if v and v != "N/A":
                    days[cur][int(date[:4])].append(float(v))
    return {c: {y: (statistics.fmean(v), len(v)) for y, v in ys.items()} for c, ys in days.items()}, last_date


def keep_rows(path, drop):
    try:
        with open(path, newline="", encoding="utf-8") as f:
            rd = csv.DictReader(f)
            return rd.fieldnames, [r for r in rd if r["currency"] not in drop]
    except FileNotFoundError:
        return None, []


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("source", help="eurofxref-hist.csv")
    p.add_argument("--from", dest="first", type=int, default=2015, help="first year of the history (default 2015)")
    p.add_argument("--history", required=True, help="fx_history.csv to write")
    p.add_argument("--rates", required=True, help="fx_rates.csv to update")
    p.add_argument("--copy", default="", help="where the file was read, appended to the source text")
    a = p.parse_args(argv)
    avg, last_date = annual_averages(a.source)
    missing = [c for c in ECB_CURRENCIES if c not in avg]
    if missing:
        sys.exit(f"{a.source} holds no rates for {', '.join(missing)}")
    last_year = int(last_date[:4])
    complete = last_year if last_date[5:] >= "12-28" else last_year - 1
    copy = f"; copy read: {a.copy}" if a.copy else ""

    hist_fields = ["currency", "year", "units_per_eur", "eur_per_unit", "basis", "source"]
    _, other_history = keep_rows(a.history, set(ECB_CURRENCIES))
    rows = []
    for cur in ECB_CURRENCIES:
        for year in sorted(y for y in avg[cur] if y >= a.first):
            mean, n = avg[cur][year]
            basis = "annual average" if year <= complete else f"partial-year average ({n} days to {last_date})"
            rows.append({"currency": cur, "year": year, "units_per_eur": f"{mean:.6g}", "eur_per_unit": f"{1 / mean:.8g}",
                         "basis": basis, "source": SOURCE.format(basis=basis, year=year, copy=copy)})
    rows += other_history
    rows.sort(key=lambda r: (r["currency"], int(r["year"])))
    with open(a.history, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=hist_fields, lineterminator="\n")
        w.writeheader(); w.writerows(rows)

    rate_fields, other_rates = keep_rows(a.rates, set(ECB_CURRENCIES))
    rate_fields = rate_fields or ["currency", "eur_per_unit", "units_per_eur", "year", "source", "notes"]
    for cur in ECB_CURRENCIES:
        mean, n = avg[cur][complete]
        other_rates.append({"currency": cur, "eur_per_unit": f"{1 / mean:.8g}", "units_per_eur": f"{mean:.6g}", "year": complete,
                            "source": SOURCE.format(basis="annual average", year=complete, copy=copy),
                            "notes": f"annual average of {n} daily ECB reference rates; history in fx_history.csv"})
    order = {c: i for i, c in enumerate(["EUR"] + ECB_CURRENCIES)}
    other_rates.sort(key=lambda r: (order.get(r["currency"], len(order)), r["currency"]))
    with open(a.rates, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=rate_fields, lineterminator="\n")
        w.writeheader(); w.writerows(other_rates)
    print(f"{len(rows)} history rows, default rates = {complete} averages (data to {last_date})")


if __name__ == "__main__":
    main()
