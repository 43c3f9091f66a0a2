"""Generated cohorts: varied, valid profiles from a fixed seed, cheap to make."""

from __future__ import annotations

import random
from typing import Any

CONDITIONS = ["herniated_disc", "sciatica", "spinal_stenosis", "spondylolisthesis",
              "osteoporosis", "pregnancy", "post_surgery", "knee_pain", "shoulder_pain"]
RED_FLAGS = ["cauda_equina_signs", "progressive_weakness", "fever_or_infection",
             "unexplained_weight_loss", "major_trauma", "constant_night_pain"]
EQUIPMENT = ["mat", "pool", "stationary_bike", "elliptical", "resistance_band", "dumbbells",
             "stability_ball", "chair"]
MINUTES = [0, 0, 15, 20, 30, 30, 45, 60]


def make_profiles(count: int, seed: int = 23) -> list[dict[str, Any]]:
    """``count`` profiles spread over pain bands, conditions, fitness, time and equipment;
    about 2 % carry a red flag."""
    rng = random.Random(seed)
    profiles = []
    for person in range(count):
        profile: dict[str, Any] = {
            "schema": "backbalance.profile/1",
            "pain": rng.randint(0, 10),
            "pain_duration": rng.choice(["acute", "subacute", "chronic"]),
            "fitness": rng.randint(1, 5),
            "availability": [rng.choice(MINUTES) for _ in range(7)],
            "equipment": rng.sample(EQUIPMENT, rng.randint(0, 3)),
            "conditions": rng.sample(CONDITIONS, rng.choice([0, 0, 0, 1, 1, 2])),
            "goals": {g: rng.randint(0, 3) for g in
                      ["strength", "flexibility", "endurance", "balance", "stress_relief"]},
            "seed": person,
        }
        if rng.random() < 0.02:
            profile["red_flags"] = [rng.choice(RED_FLAGS)]
        profiles.append(profile)
    return profiles
