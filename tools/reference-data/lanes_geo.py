#!/usr/bin/env python3
"""Rebuild lanes of lanes.csv from a lane specification: distances from coordinates, transit from a stated rule, rates
from the benchmark values you download.

  python3 lanes_geo.py lane_specs.csv --zone-tab /usr/share/zoneinfo/zone.tab --update ../../reference-data/lanes.csv

lane_specs.csv (one row per lane; rows of lanes.csv with other ids are kept as they are):
  lane_id, origin_iso2, origin_place, destination_place, mode (road | sea | sea_short | air),
  path       -- points separated by ';': IANA zone names (coordinates from zone.tab, public domain) or "lat/lon",
                e.g. "Europe/Vienna;ANTWERP". ANTWERP = 51.2229N 4.4003E, BRUSSELS_AIRPORT = the Europe/Brussels zone point.
  add_nm     -- sea only: nautical miles added after the great-circle legs (e.g. Singapore-Rotterdam 8288 via Suez)
  rate_per_km | rate | rate_currency | rate_unit | rate_year | rate_source   -- road: rate = rate_per_km x km;
                other modes: the rate as given (empty = no rate: the engine asks the case for one)
  is_default, emission_factor_id, notes, distance_note, transit_note
Rules (the same as the bundled lanes, docs/reference-data.md):
  road distance = great-circle x 1.174 (circuity), transit = ceil(km / 550) days (Visline FTL benchmark);
  sea distance = (great-circle legs in nm + add_nm) x 1.852, transit = ceil(nm x 35 / 10,600) days (Port Economics &
  Management: a typical Asia-Europe service, 35 days for 10,600 nm with port calls) + extra_days;
  air distance = great-circle + 95 km (GLEC air distance adjustment), transit as given in transit_days.
"""
import argparse, csv, math, re

ANTWERP = (51.2229, 4.4003)
CIRCUITY = 1.174
FIELDS = ["lane_id", "origin_iso2", "origin_place", "destination_place", "mode", "distance_km", "distance_source", "transit_days",
          "transit_source", "rate", "rate_currency", "rate_unit", "rate_year", "rate_source", "is_default", "emission_factor_id", "notes"]
ZONE_SOURCE = "IANA tz database zone.tab (public domain; /usr/share/zoneinfo/zone.tab) city coordinates"


def dms(text):
    """zone.tab coordinate: +DDMM[SS] or +DDDMM[SS] -> degrees."""
    sign = -1 if text[0] == "-" else 1
    digits = text[1:]
    deg_len = 2 if len(digits) in (4, 6) else 3
    d, m = int(digits[:deg_len]), int(digits[deg_len:deg_len + 2])
    s = int(digits[deg_len + 2:] or 0)
    return sign * (d + m / 60 + s / 3600)


def zones(path):
    out = {}
    for line in open(path, encoding="utf-8"):
        if line.startswith("#"): continue
        parts = line.split("\t")
        coord = parts[1]
        split = max(coord.rfind("+"), coord.rfind("-"))
        out[parts[2].strip()] = (dms(coord[:split]), dms(coord[split:]))
    return out


def great_circle_km(a, b):
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def point(name, z):
    if name == "ANTWERP": return ANTWERP
    if re.match(r"^-?[0-9]", name):
        lat, lon = name.split("/")
        return float(lat), float(lon)
    return z[name]


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("specs")
    p.add_argument("--zone-tab", default="/usr/share/zoneinfo/zone.tab")
    p.add_argument("--update", required=True)
    a = p.parse_args(argv)
    z = zones(a.zone_tab)
    specs = list(csv.DictReader(open(a.specs, newline="", encoding="utf-8")))
    rows = {r["lane_id"]: r for r in csv.DictReader(open(a.update, newline="", encoding="utf-8"))}
    for s in specs:
        names = s["path"].split(";")
        pts = [point(n, z) for n in names]
        gc = sum(great_circle_km(pts[i], pts[i + 1]) for i in range(len(pts) - 1))
        legs = "-".join(n.split("/")[-1] for n in names)
        mode = s["mode"]
        r = {f: "" for f in FIELDS}
        r.update({k: s[k] for k in ("lane_id", "origin_iso2", "origin_place", "destination_place", "mode", "rate_currency", "rate_unit",
                                    "rate_year", "is_default", "emission_factor_id", "notes")})
        if mode == "road":
            km = gc * CIRCUITY
            r["distance_source"] = f"derived: great-circle {gc:.0f} km {legs} ({ZONE_SOURCE}; Antwerp 51.2229N 4.4003E) x road circuity {CIRCUITY} (docs/reference-data.md){s['distance_note']}"
            days = math.ceil(km / 550)
            r["transit_source"] = s["transit_note"] or "derived: ceil(distance/550 km per day) from the Visline FTL benchmark (550 km next day; 550-1,300 km 2 days)"
            if s["rate_per_km"]:
                per_km = float(s["rate_per_km"])
                r["rate"] = f"{per_km * km:.0f}"
                r["rate_source"] = f"derived: {per_km} EUR/km x distance; {s['rate_source']}"
        elif mode in ("sea", "sea_short"):
            nm = gc / 1.852 + float(s["add_nm"] or 0)
            km = nm * 1.852
            extra = float(s.get("extra_days") or 0)
            days = math.ceil(nm * 35 / 10_600 + extra)
            plus = f" + {float(s['add_nm']):,.0f} nm" if s["add_nm"] else ""
            r["distance_source"] = f"derived: great-circle legs {legs} {gc / 1.852:,.0f} nm ({ZONE_SOURCE}){plus} = {nm:,.0f} nm x 1.852{s['distance_note']}"
            r["transit_source"] = (f"derived: {nm:,.0f} nm x 35/10,600 days (Port Economics & Management: typical Asia-Europe service ~35 days for "
                                   f"~10,600 nm incl. port calls){f' + {extra:.0f} days' if extra else ''}{s['transit_note']}")
            r["rate"] = s["rate"]
            r["rate_source"] = s["rate_source"] if s["rate"] else ""
        else:
            km = gc + 95
            days = float(s["transit_days"])
            r["distance_source"] = f"derived: great-circle {legs} {gc:.0f} km ({ZONE_SOURCE}) + 95 km GLEC air distance adjustment"
            r["transit_source"] = s["transit_note"]
            r["rate"] = s["rate"]
            r["rate_source"] = s["rate_source"] if s["rate"] else ""
        r["distance_km"] = f"{km:.0f}"
        r["transit_days"] = f"{days:g}"
        if not r["rate"]:
            r["rate_source"] = ""
            r["notes"] = (r["notes"] + " " if r["notes"] else "") + "No sourced rate found: give logistics.legs[].rate in the case."
        rows[r["lane_id"]] = r
    with open(a.update, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=FIELDS, lineterminator="\n")
        w.writeheader(); w.writerows(rows.values())
    print(f"{len(specs)} lanes written, {len(rows)} in {a.update}")


if __name__ == "__main__":
    main()
