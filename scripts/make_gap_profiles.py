#!/usr/bin/python3
"""Writes the gap set, profiles for comparing the heuristic with the exact optimum
(tests/golden/gap/profiles/NN_name.json):

- 00..35, the set of plan model v1: 36 profiles of every kind (seeded 2026, unchanged);
- 36..71, new with plan model v2 (seeded 2027): kinds the first set lacks or seldom has,
  three of each: fitness 1 with much free time, pregnancy from week 20 and before it,
  clinician clearances (`cleared`), post_surgery, osteoporosis with spinal_stenosis,
  sparse availability, equipment subsets (pool, bike, none at all), goals with zeros,
  band C with conditions, fit people with long days, preferences with knee or shoulder
  pain, and a first week whose volume cap binds (fitness 2, long days).

Deterministic; rerun only to change the set, then rerun scripts/compute_optima."""
import json
import pathlib
import random

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "golden" / "gap" / "profiles"
CATALOG = ROOT / "data" / "catalog" / "builtin.json"

CONDITIONS = ["herniated_disc", "sciatica", "spinal_stenosis", "spondylolisthesis",
              "osteoporosis", "pregnancy", "post_surgery", "knee_pain", "shoulder_pain"]
EQUIPMENT = ["mat", "pool", "stationary_bike", "elliptical", "resistance_band",
             "dumbbells", "stability_ball", "chair"]
GOALS = ["strength", "flexibility", "endurance", "balance", "stress_relief"]


def profile(rng, index):
    """The v1 set's generator (do not change: it reproduces profiles 00..35)."""
    pain = [1, 2, 3, 4, 5, 6, 7, 8][index % 8]
    availability = [rng.choice([0, 15, 20, 30, 30, 45, 60]) for _ in range(7)]
    while sum(1 for a in availability if a >= 20) < 3:
        availability[rng.randrange(7)] = 30
    conditions = rng.sample(CONDITIONS, rng.choice([0, 0, 1, 1, 2]))
    equipment = ["mat"] + [e for e in EQUIPMENT[1:] if rng.random() < 0.3]
    goals = {k: rng.choice([0, 1, 1, 2, 3]) for k in GOALS}
    return {
        "schema": "backbalance.profile/1",
        "pain": pain,
        "conditions": conditions,
        "fitness": rng.randint(1, 5),
        "availability": availability,
        "equipment": equipment,
        "goals": goals,
        "seed": index,
    }


def marked_ids(catalog, condition):
    """Items whose own marking names `condition` (avoid or caution): what a clinician
    might clear for a person with it."""
    return sorted(e["id"] for e in catalog["exercises"]
                  if condition in e.get("contraindications", {}))


def availability_of(rng, choices, least_days=3, least=20):
    days = [rng.choice(choices) for _ in range(7)]
    while sum(1 for a in days if a >= least) < least_days:
        days[rng.randrange(7)] = max(least, 30)
    return days


def v2_profile(rng, catalog, index, kind):
    """One profile of the v2 set: `kind` decides what is unusual about it."""
    p = {
        "schema": "backbalance.profile/1",
        "pain": rng.randint(1, 6),
        "conditions": [],
        "fitness": rng.randint(1, 5),
        "availability": availability_of(rng, [0, 20, 30, 45, 60]),
        "equipment": ["mat"] + [e for e in EQUIPMENT[1:] if rng.random() < 0.3],
        "goals": {k: rng.choice([1, 1, 2, 3]) for k in GOALS},
        "seed": index,
    }
    if kind == "fit1_free":
        p["fitness"] = 1
        p["availability"] = [rng.choice([60, 90, 120, 180]) for _ in range(7)]
    elif kind == "late_pregnancy":
        p["conditions"] = ["pregnancy"]
        p["pregnancy_week"] = rng.randint(20, 40)
        p["pain"] = rng.randint(1, 6)
    elif kind == "early_pregnancy":
        p["conditions"] = ["pregnancy"]
        p["pregnancy_week"] = rng.randint(4, 19)
    elif kind == "cleared":
        p["conditions"] = rng.sample(["herniated_disc", "osteoporosis", "post_surgery",
                                      "knee_pain", "shoulder_pain", "spinal_stenosis"],
                                     rng.choice([1, 2]))
        ids = sorted({i for c in p["conditions"] for i in marked_ids(catalog, c)})
        p["cleared"] = sorted(rng.sample(ids, min(len(ids), rng.randint(3, 8))))
        p["pain"] = rng.randint(1, 8)
    elif kind == "post_surgery":
        p["conditions"] = ["post_surgery"] + rng.sample(["knee_pain", "sciatica"],
                                                        rng.choice([0, 1]))
    elif kind == "osteo_stenosis":
        p["conditions"] = ["osteoporosis", "spinal_stenosis"]
        p["pain"] = rng.randint(1, 8)
    elif kind == "sparse":
        days = rng.sample(range(7), rng.choice([3, 3, 4]))
        p["availability"] = [rng.choice([20, 25, 30, 45]) if d in days else 0
                             for d in range(7)]
        p["pain"] = rng.randint(1, 9)
    elif kind == "equipment":
        p["equipment"] = sorted(rng.sample(EQUIPMENT, rng.choice([0, 1, 2, 3])))
    elif kind == "goal_zeros":
        zeros = rng.sample(GOALS, rng.choice([2, 3]))
        p["goals"] = {k: (0 if k in zeros else rng.choice([1, 2, 3])) for k in GOALS}
    elif kind == "band_c":
        p["pain"] = rng.randint(7, 10)
        p["conditions"] = rng.sample(CONDITIONS, rng.choice([0, 1, 1, 2]))
        p["availability"] = availability_of(rng, [0, 15, 20, 30, 45])
        if "pregnancy" in p["conditions"]:
            p["pregnancy_week"] = rng.randint(8, 36)
    elif kind == "fit_long":
        p["fitness"] = rng.choice([4, 5])
        p["pain"] = rng.randint(0, 3)
        p["availability"] = [rng.choice([0, 60, 90, 120]) for _ in range(7)]
        while sum(1 for a in p["availability"] if a > 0) < 4:
            p["availability"][rng.randrange(7)] = 90
    elif kind == "prefer_joint":
        p["conditions"] = [rng.choice(["knee_pain", "shoulder_pain"])]
        ids = [e["id"] for e in catalog["exercises"]]
        p["prefer"] = sorted(rng.sample(ids, rng.randint(2, 5)))
    elif kind == "first_week_cap":
        p["fitness"] = 2
        p["pain"] = rng.randint(0, 3)
        p["availability"] = [rng.choice([45, 60, 60, 90]) for _ in range(7)]
    return p


V2_KINDS = ["fit1_free", "late_pregnancy", "early_pregnancy", "cleared", "post_surgery",
            "osteo_stenosis", "sparse", "equipment", "goal_zeros", "band_c", "fit_long",
            "prefer_joint"]


def name_of(i, p, kind=None):
    conditions = "_".join(p["conditions"]) or "none"
    if kind is None:
        return f"{i:02d}_pain{p['pain']}_{conditions}.json"
    return f"{i:02d}_v2_{kind}_pain{p['pain']}_{conditions}.json"


def main():
    catalog = json.loads(CATALOG.read_text())
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.json"):
        old.unlink()
    rng = random.Random(2026)
    for i in range(36):
        p = profile(rng, i)
        (OUT / name_of(i, p)).write_text(json.dumps(p, indent=2) + "\n")
    rng = random.Random(2027)
    for k in range(36):
        i = 36 + k
        kind = V2_KINDS[k % len(V2_KINDS)] if k < 33 else "first_week_cap"
        p = v2_profile(rng, catalog, i, kind)
        (OUT / name_of(i, p, kind)).write_text(json.dumps(p, indent=2) + "\n")


if __name__ == "__main__":
    main()
