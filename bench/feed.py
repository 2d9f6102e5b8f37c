"""A synthetic news feed for clustering benchmarks: N reports over about N/10 events.

Written from this project's own templates: varied kinds, places, dates, tolls, outlets,
wire copies (near-duplicates) and undated reports. Every report carries its true event id in
``event`` (ignored by ``wikiwire cluster``, read by the benchmark to score the clustering).

    python bench/feed.py 10000 -o /tmp/feed-10k.jsonl
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from pathlib import Path

# (kind word for headlines, the lede's verb phrase, what the toll counts)
KINDS = (
    ("earthquake", "A magnitude {mag} earthquake struck {city} in {region}, {country}", "killed"),
    ("flood", "Flash floods swept through {city} in {region}, {country}", "killed"),
    ("landslide", "A landslide buried homes in {city} in {region}, {country}", "killed"),
    ("bombing", "A bomb exploded at {venue} in {city}, {country}", "killed"),
    ("shooting", "A gunman opened fire at {venue} in {city}, {country}", "killed"),
    ("train crash", "Two trains collided near {city} in {region}, {country}", "killed"),
    ("ferry disaster", "A ferry capsized near {city} in {region}, {country}", "drowned"),
    ("building collapse", "A residential building collapsed in {city}, {country}", "killed"),
    ("wildfire", "A wildfire tore through villages near {city} in {region}, {country}", "killed"),
    ("plane crash", "A passenger plane crashed on approach to {city} in {region}, {country}", "killed"),
)
PLACES = (
    ("Izmir", "Izmir Province", "Turkey"), ("Adana", "Adana Province", "Turkey"), ("Karachi", "Sindh", "Pakistan"),
    ("Quetta", "Balochistan", "Pakistan"), ("Lahore", "Punjab", "Pakistan"), ("Chennai", "Tamil Nadu", "India"),
    ("Patna", "Bihar", "India"), ("Guwahati", "Assam", "India"), ("Dhaka", "Dhaka Division", "Bangladesh"),
    ("Cebu", "Central Visayas", "Philippines"), ("Davao", "Davao Region", "Philippines"), ("Medan", "North Sumatra", "Indonesia"),
    ("Makassar", "South Sulawesi", "Indonesia"), ("Lagos", "Lagos State", "Nigeria"), ("Kano", "Kano State", "Nigeria"),
    ("Mombasa", "Mombasa County", "Kenya"), ("Mwanza", "Mwanza Region", "Tanzania"), ("Beira", "Sofala", "Mozambique"),
    ("Lima", "Lima Region", "Peru"), ("Cusco", "Cusco Region", "Peru"), ("Guayaquil", "Guayas", "Ecuador"),
    ("Medellin", "Antioquia", "Colombia"), ("Puebla", "Puebla", "Mexico"), ("Oaxaca", "Oaxaca", "Mexico"),
    ("Naples", "Campania", "Italy"), ("Thessaloniki", "Central Macedonia", "Greece"), ("Valencia", "Valencia", "Spain"),
    ("Marseille", "Provence", "France"), ("Kharkiv", "Kharkiv Oblast", "Ukraine"), ("Tbilisi", "Tbilisi", "Georgia"),
    ("Mashhad", "Razavi Khorasan", "Iran"), ("Basra", "Basra Governorate", "Iraq"), ("Aleppo", "Aleppo Governorate", "Syria"),
    ("Kandahar", "Kandahar Province", "Afghanistan"), ("Pokhara", "Gandaki Province", "Nepal"), ("Chittagong", "Chittagong Division", "Bangladesh"),
    ("Osaka", "Osaka Prefecture", "Japan"), ("Busan", "South Gyeongsang", "South Korea"), ("Hualien", "Hualien County", "Taiwan"),
    ("Denver", "Colorado", "United States"),
)
VENUES = ("the central bus station", "a crowded vegetable market", "the city's main mosque", "a shopping centre",
          "a wedding hall", "a police checkpoint", "the university campus", "a football stadium")
OFFICIALS = ("the disaster management agency", "the provincial governor", "the health ministry", "local police",
             "the fire service", "the interior ministry", "the regional emergency office")
OUTLETS = tuple(f"outlet{n:02d}.test" for n in range(40))
FOLLOW_UPS = (
    "Rescue teams worked through the night, and {official} said {missing} people were still missing.",
    "Hospitals in {city} appealed for blood donors as they treated {injured} injured.",
    "The government declared a day of mourning and promised compensation to families.",
    "Survivors described scenes of panic as people tried to flee.",
    "An investigation into the cause was opened, {official} said.",
    "Aid groups sent tents, food and medicine to the area on {weekday}.",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Share of reports that are wire copies of another report of their event (another outlet).
COPY_SHARE = 0.1
# Two events of one kind in one city are at least this many days apart (a second flood in a
# city within two months is rare; closer ones would be one story to any reader).
SAME_EVENT_GAP_DAYS = 60
# Two events of any kinds in one city are at least this many days apart (a landslide days
# after a flood in the same city is the flood's story).
CITY_GAP_DAYS = 14
# Days the feed's events are spread over: four years, an archive's depth.
SPAN_DAYS = 4 * 365
# Share of reports published without a date.
UNDATED_SHARE = 0.1


def _report(rng: random.Random, event: dict[str, object], day: int) -> dict[str, object]:
    toll = int(event["toll"]) + day * rng.randint(0, 4)  # type: ignore[call-overload]
    subs = {**event, "toll": toll, "injured": toll * rng.randint(2, 5), "missing": rng.randint(0, 30),
            "official": rng.choice(OFFICIALS), "weekday": rng.choice(WEEKDAYS)}
    kind = str(event["kind"])
    headline = rng.choice((
        "{Kind} in {city} kills {toll}", "{toll} dead after {kind} hits {city}", "{city} {kind}: toll rises to {toll}",
        "Rescuers search for survivors after {city} {kind}", "{country} mourns victims of {city} {kind}",
    )).format(Kind=kind.capitalize(), **subs)
    lede = str(event["lede"]).format(**subs) + f" on {event['weekday0']}, and {toll} people were {event['verb']}, {subs['official']} said."
    body = [lede] + [s.format(**subs) for s in rng.sample(FOLLOW_UPS, 3)]
    date = dt.date.fromisoformat(str(event["date"])) + dt.timedelta(days=day)
    out: dict[str, object] = {"title": headline, "text": "\n\n".join(body), "url": f"https://{rng.choice(OUTLETS)}/{event['id']}/{rng.randint(0, 10**9)}",
                              "event": event["id"]}
    if rng.random() >= UNDATED_SHARE:
        out["date"] = date.isoformat()
    return out


def generate(n: int, seed: int = 7) -> list[dict[str, object]]:
    """``n`` reports over about n/10 events, shuffled, each with its true ``event`` id."""
    rng = random.Random(seed)
    reports: list[dict[str, object]] = []
    start = dt.date(2023, 1, 1)
    number = 0
    taken: dict[tuple[str, str], list[dt.date]] = {}
    while len(reports) < n:
        kind, lede, verb = rng.choice(KINDS)
        city, region, country = rng.choice(PLACES)
        day = start + dt.timedelta(days=rng.randint(0, SPAN_DAYS))
        same_kind = taken.setdefault((kind, city), [])
        any_kind = taken.setdefault(("", city), [])
        if any(abs((day - seen).days) < SAME_EVENT_GAP_DAYS for seen in same_kind) or any(
            abs((day - seen).days) < CITY_GAP_DAYS for seen in any_kind
        ):
            continue  # one city rarely has two floods in a month: keep the feed plausible
        same_kind.append(day)
        any_kind.append(day)
        number += 1
        event = {"id": f"e{number:05d}", "kind": kind, "lede": lede, "verb": verb, "city": city, "region": region,
                 "country": country, "venue": rng.choice(VENUES), "mag": f"{rng.uniform(5.0, 7.8):.1f}",
                 "toll": rng.randint(3, 120), "date": day.isoformat(),
                 "weekday0": rng.choice(WEEKDAYS)}
        size = rng.randint(6, 14)
        own: list[dict[str, object]] = []
        for _ in range(size):
            if own and rng.random() < COPY_SHARE:
                copy = dict(rng.choice(own))
                copy["url"] = f"https://{rng.choice(OUTLETS)}/{event['id']}/copy{rng.randint(0, 10**9)}"
                own.append(copy)
            else:
                own.append(_report(rng, event, rng.randint(0, 4)))
        reports.extend(own)
    reports = reports[:n]
    rng.shuffle(reports)
    return reports


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="reports to write")
    parser.add_argument("-o", "--out", type=Path, required=True, help="JSONL file to write")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with args.out.open("w", encoding="utf-8") as handle:
        for report in generate(args.n, args.seed):
            handle.write(json.dumps(report, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
