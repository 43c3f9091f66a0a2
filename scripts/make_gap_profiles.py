#!/usr/bin/python3
"""Writes the gap set: 36 profiles of every kind for comparing the heuristic with the
exact optimum (tests/golden/gap/profiles/NN_name.json). Deterministic; rerun only to
change the set, then rerun scripts/compute_optima."""
import json
import pathlib
import random

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "golden" / "gap" / "profiles"

CONDITIONS = ["herniated_disc", "sciatica", "spinal_stenosis", "spondylolisthesis",
              "osteoporosis", "pregnancy", "post_surgery", "knee_pain", "shoulder_pain"]
EQUIPMENT = ["mat", "pool", "stationary_bike", "elliptical", "resistance_band",
             "dumbbells", "stability_ball", "chair"]


def profile(rng, index):
    pain = [1, 2, 3, 4, 5, 6, 7, 8][index % 8]
    availability = [rng.choice([0, 15, 20, 30, 30, 45, 60]) for _ in range(7)]
    while sum(1 for a in availability if a >= 20) < 3:
        availability[rng.randrange(7)] = 30
    conditions = rng.sample(CONDITIONS, rng.choice([0, 0, 1, 1, 2]))
    equipment = ["mat"] + [e for e in EQUIPMENT[1:] if rng.random() < 0.3]
    goals = {k: rng.choice([0, 1, 1, 2, 3]) for k in
             ["strength", "flexibility", "endurance", "balance", "stress_relief"]}
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


def main():
    rng = random.Random(2026)
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.json"):
        old.unlink()
    for i in range(36):
        p = profile(rng, i)
        name = f"{i:02d}_pain{p['pain']}_{'_'.join(p['conditions']) or 'none'}.json"
        (OUT / name).write_text(json.dumps(p, indent=2) + "\n")


if __name__ == "__main__":
    main()
