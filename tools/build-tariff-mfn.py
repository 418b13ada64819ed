#!/usr/bin/env python3
"""Rebuild reference-data/tariff_mfn.csv: the EU MFN ("third country", erga omnes) duty of every HS6 line of
chapters 25-97, with the 8-digit CN lines where the rate differs within the HS6.

Input: a CSV with one row per CN code, its description and the EU Common External Tariff (CET) duty expression.
The bundled file was built from the UK Department for International Trade's "UK Global Tariff" download
(https://www.check-future-uk-trade-tariffs.service.gov.uk/api/global-uk-tariff.csv, published 2020), whose
column cet_duty_rate is the EU CET applied in 2020 (CN 2020). Columns used: commodity, description,
cet_duty_rate. Any newer extract with the same three columns (e.g. an export of the EU's TARIC
"third country duty", measure type 103, geographical area 1011) can be fed in with --code/--description/--duty.

Usage:
    python3 tools/build-tariff-mfn.py SOURCE.csv --source-id UKGT2020 --valid-from 2020-01-01 \
        > reference-data/tariff_mfn.csv

Rules (written down in docs/model.md section 2.3):
  * only 8-digit CN codes of chapters 25-97 are read (10-digit TARIC lines in the source are end-use
    suspensions and are left out); codes that lost their leading zero are padded;
  * a duty expression that is a plain percentage ("2.1%") gives mfn_duty_pct; anything else (specific,
    compound, minimum/maximum) is kept verbatim in duty_expression with mfn_duty_pct empty, so the engine
    reports the duty as not assessed rather than guessing;
  * an HS6 whose CN8 lines all carry the same expression becomes one HS6 row; otherwise each CN8 line gets
    its own row, and the HS6 row has an empty rate and duty_expression "varies by CN8: a-b%".
"""
import argparse
import csv
import re
import sys
from collections import OrderedDict

PCT = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*%\s*$")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("source")
    p.add_argument("--source-id", required=True, help="id of the source row in reference-data/tariff_sources.csv")
    p.add_argument("--valid-from", required=True, help="date (yyyy-mm-dd) from which the rates apply")
    p.add_argument("--valid-to", default="", help="last date the rates apply, if known")
    p.add_argument("--code", default="commodity")
    p.add_argument("--description", default="description")
    p.add_argument("--duty", default="cet_duty_rate")
    a = p.parse_args()

    lines = OrderedDict()  # cn8 -> (description, expression)
    with open(a.source, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            code = re.sub(r"\D", "", r[a.code])
            if len(code) == 7:
                code = "0" + code
            if len(code) != 8 or not 25 <= int(code[:2]) <= 97:
                continue
            expr = " ".join(r[a.duty].split())
            if not expr:
                continue
            lines[code] = (" ".join(r[a.description].split()), expr)

    by_hs6 = OrderedDict()
    for code, value in lines.items():
        by_hs6.setdefault(code[:6], []).append((code, *value))

    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["hs_code", "description", "mfn_duty_pct", "duty_expression", "valid_from", "valid_to", "source_id"])
    for hs6, group in by_hs6.items():
        exprs = {e for _, _, e in group}
        if len(exprs) == 1:
            expr = exprs.pop()
            desc = group[0][1] if len(group) == 1 else f"{len(group)} CN subheadings, e.g. {group[0][1]}"
            out.writerow([hs6, clip(desc), pct(expr), "" if pct(expr) != "" else expr, a.valid_from, a.valid_to, a.source_id])
            continue
        rates = [float(pct(e)) for _, _, e in group if pct(e) != ""]
        span = f"{fmt(min(rates))}-{fmt(max(rates))}%" if rates else ""
        if len(rates) < len(group):
            span = (span + " and " if span else "") + "non-ad-valorem lines"
        out.writerow([hs6, clip(f"{len(group)} CN subheadings with different rates, e.g. {group[0][1]}"), "",
                      f"varies by CN8: {span}", a.valid_from, a.valid_to, a.source_id])
        for code, desc, expr in group:
            out.writerow([code, clip(desc), pct(expr), "" if pct(expr) != "" else expr, a.valid_from, a.valid_to, a.source_id])
    return 0


def pct(expr: str) -> str:
    m = PCT.match(expr)
    return fmt(float(m.group(1))) if m else ""


def fmt(x: float) -> str:
    return f"{x:g}"


def clip(text: str, n: int = 160) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


if __name__ == "__main__":
    sys.exit(main())
