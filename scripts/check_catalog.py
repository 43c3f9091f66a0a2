#!/usr/bin/python3
# Copyright the backbalance authors. Licensed under the Apache License, Version 2.0.
"""Check the built-in exercise catalogue against plan model v2 and the catalogue checklist.

Usage: scripts/check_catalog.py [PATH]   (default: data/catalog/builtin.json in the repo)

Checks, in three groups:
  * schema: plan-model.md sections 1, 2 and 11 (fields, types, ranges, enums, movements,
    condition_rules entries, disjoint muscles, the v2 warm-up rule (low impact and aerobic,
    or a flexibility or balance item dosed in repetitions) and cool-down rule, dose forms,
    references, acyclic progressions);
  * conventions: every field written explicitly, every progression answered by a regression
    (a regression may be one-way: an item reported worse still points to its safer
    variant), timings and weekly limits by category (10- and 15-minute sequences allowed,
    never as warm-ups), notes present, grouping by category;
  * coverage: the checklist for the built-in catalogue (spec/domain.md and the clinical
    review of 2026-12-04: categories, impacts, muscles, equipment, the 11 built-in
    conditions with late_pregnancy, dynamic warm-up and cool-down stretch options per
    condition, safety flags, progressions that do not step into a contraindication).

The markings checked here are the items' own `contraindications` entries. That they hold at
least what the condition rules derive from `movements` (so that they are the effective
markings) is checked by the library's own test, tests/catalog/builtin_catalog_test.cc, and
docs/catalog.md shows the effective markings as the library computes them.

Exits 0 when everything passes, 1 listing every failure otherwise, 2 when the file cannot
be read as JSON. Standard library only; a development aid (the C++ library validates the
file itself when it loads it).
"""
import json
import os
import re
import sys

CATEGORIES = ["aerobic", "strength", "flexibility", "balance", "relaxation"]
IMPACTS = ["low", "moderate", "high"]
PHASES = ["warmup", "main", "cooldown"]
MUSCLES = ["core", "obliques", "lower_back", "upper_back", "glutes", "hip_flexors",
           "hip_abductors", "hamstrings", "quadriceps", "calves", "chest", "shoulders"]
CONDITIONS = ["acute_flare", "herniated_disc", "sciatica", "spinal_stenosis",
              "spondylolisthesis", "osteoporosis", "pregnancy", "late_pregnancy",
              "post_surgery", "knee_pain", "shoulder_pain"]
MOVEMENTS = ["spinal_flexion", "spinal_extension", "spinal_rotation", "side_bending",
             "external_load", "supine", "prone", "quadruped", "kneeling", "single_leg",
             "knee_loading", "arm_loading"]
EQUIPMENT = ["mat", "pool", "stationary_bike", "elliptical", "resistance_band", "dumbbells",
             "stability_ball", "chair"]
LEVELS = ["avoid", "caution"]
RANK = {None: 0, "caution": 1, "avoid": 2}
ID_RE = re.compile(r"^[a-z0-9_]{1,64}$")

FIELDS = ["id", "name", "category", "impact", "phases", "primary_muscles",
          "secondary_muscles", "minutes", "min_minutes", "max_minutes", "dose", "rest_hours",
          "max_per_week", "difficulty", "equipment", "movements", "contraindications", "progressions",
          "regressions", "substitutes", "notes", "reviewed"]
AEROBIC_ONLY = {"min_minutes", "max_minutes"}
NON_AEROBIC_ONLY = {"minutes"}
DEFAULT_MAX_PER_WEEK = {"strength": 3, "aerobic": 5, "balance": 5, "flexibility": 7,
                        "relaxation": 7}
DOSE_RANGES = {"sets": (1, 10), "reps": (1, 50), "hold_seconds": (1, 300), "minutes": (1, 120)}
DOSE_FORMS = {
    "strength": [{"sets", "reps"}, {"hold_seconds", "reps"}],
    "balance": [{"sets", "reps"}, {"hold_seconds", "reps"}],
    "flexibility": [{"sets", "reps"}, {"hold_seconds", "reps"}],
    "relaxation": [{"hold_seconds", "reps"}, {"minutes"}],
    "aerobic": [{"minutes"}],
}
# Minutes of one use by category (the checklist's timings); a sequence (a Pilates mat class, a
# yoga flow, chair yoga) may take 10 or 15 minutes as one main-phase item.
MINUTES_RANGE = {"strength": (5, 10), "flexibility": (3, 5), "balance": (5, 10),
                 "relaxation": (5, 10)}
SEQUENCE_MINUTES = (10, 15)

# Items that must be in the catalogue (the staples of domain.md).
REQUIRED_IDS = [
    "walking", "brisk_walking", "jogging", "running", "stationary_cycling", "elliptical",
    "swimming", "water_walking", "aqua_jogging", "water_aerobics", "jump_rope",
    "pelvic_tilt", "glute_bridge", "single_leg_bridge", "dead_bug", "bird_dog",
    "forearm_plank", "side_plank", "curl_up", "wall_push_up", "bodyweight_squat",
    "calf_raise", "cat_cow", "childs_pose", "knee_to_chest", "piriformis_stretch",
    "kneeling_hip_flexor_stretch", "hamstring_stretch_strap", "standing_calf_stretch",
    "single_leg_stance", "tandem_stance", "heel_to_toe_walk", "tai_chi",
    "diaphragmatic_breathing", "progressive_muscle_relaxation", "body_scan",
    "guided_imagery", "box_breathing",
]
# Progression chains that must exist (each consecutive pair a progression link).
REQUIRED_CHAINS = [
    ["pelvic_tilt", "glute_bridge", "single_leg_bridge"],
    ["dead_bug_heel_taps", "dead_bug"],
    ["quadruped_reach", "bird_dog"],
    ["knee_plank", "forearm_plank"],
    ["side_plank_knees", "side_plank"],
    ["sit_to_stand", "bodyweight_squat", "goblet_squat"],
    ["wall_push_up", "incline_push_up", "knee_push_up"],
    ["hamstring_stretch_strap", "standing_hamstring_stretch"],
    ["walking", "brisk_walking", "jogging", "running"],
]
# Items that are gentle enough to carry no contraindication at all.
NO_CONTRAINDICATIONS = ["walking", "diaphragmatic_breathing", "standing_pelvic_tilt",
                        "box_breathing", "body_scan"]
BACK_CONDITIONS = ["acute_flare", "herniated_disc", "sciatica", "spinal_stenosis",
                   "spondylolisthesis", "osteoporosis", "pregnancy", "late_pregnancy",
                   "post_surgery"]
# Minimum flags for named items (domain.md, Safety). "caution" is met by "avoid" too.
SAFETY = {
    "abdominal_crunch": {"herniated_disc": "avoid", "sciatica": "avoid",
                         "osteoporosis": "avoid", "pregnancy": "avoid"},
    "standing_forward_fold": {"herniated_disc": "avoid", "sciatica": "avoid",
                              "osteoporosis": "avoid"},
    "superman": {"spinal_stenosis": "avoid", "spondylolisthesis": "avoid",
                 "pregnancy": "avoid", "herniated_disc": "caution", "sciatica": "caution"},
    "prone_press_up": {"spinal_stenosis": "avoid", "spondylolisthesis": "avoid",
                       "pregnancy": "avoid"},
    "ball_back_extension": {"spinal_stenosis": "avoid", "spondylolisthesis": "avoid"},
    # Review S1 1-2: loaded lumbar extension.
    "prone_back_extension": {"spinal_stenosis": "avoid", "spondylolisthesis": "avoid",
                             "pregnancy": "avoid"},
    "sphinx_pose": {"spinal_stenosis": "avoid", "spondylolisthesis": "avoid"},
    "glute_bridge": {"pregnancy": "caution", "late_pregnancy": "avoid"},
    "dead_bug": {"pregnancy": "caution", "late_pregnancy": "avoid"},
    "static_lunge": {"knee_pain": "avoid"},
    "goblet_squat": {"knee_pain": "avoid", "acute_flare": "avoid"},
    "step_up": {"knee_pain": "caution"},
    "step_aerobics": {"knee_pain": "caution"},
    "push_up": {"shoulder_pain": "avoid"},
    "knee_push_up": {"shoulder_pain": "avoid"},
    "seated_dumbbell_press": {"shoulder_pain": "avoid", "post_surgery": "avoid"},
    "band_row": {"shoulder_pain": "caution"},
    "lumbar_rotation_stretch": {"osteoporosis": "caution", "post_surgery": "caution",
                                "sciatica": "caution"},
    "dumbbell_romanian_deadlift": {"herniated_disc": "caution", "sciatica": "caution",
                                   "acute_flare": "avoid"},
    "knee_to_chest": {"herniated_disc": "caution"},
    # Review S1 3-14 (flexion and rotation with osteoporosis; bending, lifting and twisting
    # after spine surgery).
    "bird_dog_elbow_to_knee": {"osteoporosis": "avoid", "post_surgery": "avoid",
                               "acute_flare": "caution", "pregnancy": "caution",
                               "sciatica": "caution"},
    "childs_pose": {"osteoporosis": "avoid", "post_surgery": "avoid", "sciatica": "caution"},
    "double_knee_to_chest": {"osteoporosis": "avoid"},
    "curl_up": {"osteoporosis": "avoid"},
    "dumbbell_row": {"post_surgery": "avoid", "sciatica": "caution"},
    "suitcase_carry": {"post_surgery": "avoid", "sciatica": "caution"},
    "cat_cow": {"post_surgery": "caution", "spinal_stenosis": "caution",
                "spondylolisthesis": "caution", "knee_pain": "caution",
                "shoulder_pain": "caution"},
    "standing_cat_cow": {"post_surgery": "caution"},
    # Review S2.
    "wall_sit": {"knee_pain": "avoid"},
    "seated_trunk_rotation": {"sciatica": "caution"},
    "single_leg_clock_reach": {"pregnancy": "caution", "acute_flare": "caution"},
    "dead_bug_ball": {"acute_flare": "caution"},
    "quadruped_reach": {"shoulder_pain": "caution"},
    "standing_side_bend": {"post_surgery": "caution"},
    "hip_circles": {"post_surgery": "caution"},
    "ball_pelvic_circles": {"post_surgery": "caution"},
}
# Over-restriction the review found (S2): bone loading is recommended with osteoporosis.
NOT_AVOID = {"stair_climbing": ["osteoporosis"], "jogging": ["osteoporosis"]}
NOT_FLAGGED = {"stair_climbing": ["osteoporosis"]}
# Progressions the review removed (S2): each stepped into a new risk.
NOT_PROGRESSIONS = [("bird_dog", "bird_dog_elbow_to_knee"),
                    ("standing_hamstring_stretch", "standing_forward_fold"),
                    ("bodyweight_squat", "squat_jump")]



class Checker:
    def __init__(self):
        self.errors = []

    def fail(self, path, rule, detail):
        self.errors.append(f"{path}: {rule}: {detail}")


def no_duplicate_keys(pairs):
    seen = {}
    for k, v in pairs:
        if k in seen:
            raise ValueError(f"duplicate key {k!r}")
        seen[k] = v
    return seen


def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def check_int(ck, path, v, lo, hi):
    if not is_int(v) or not lo <= v <= hi:
        ck.fail(path, "range", f"must be an integer in {lo}..{hi}, got {json.dumps(v)}")
        return False
    return True


def check_name_list(ck, path, v, allowed, what, allow_empty=True):
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        ck.fail(path, "type", f"must be a list of {what} names")
        return []
    for i, x in enumerate(v):
        if allowed is not None and x not in allowed:
            ck.fail(f"{path}[{i}]", "unknown", f"unknown {what} {x!r}")
    if len(set(v)) != len(v):
        ck.fail(path, "duplicate", "names repeat")
    if not allow_empty and not v:
        ck.fail(path, "required", "must not be empty")
    return v


def check_record(ck, i, e, conditions):
    p = f"exercises[{i}]"
    if not isinstance(e, dict):
        ck.fail(p, "type", "must be an object")
        return False
    for k in e:
        if k not in FIELDS:
            ck.fail(f"{p}.{k}", "unknown", "unknown field")
    cat = e.get("category")
    if cat not in CATEGORIES:
        ck.fail(f"{p}.category", "enum", f"must be one of {', '.join(CATEGORIES)}, got {json.dumps(cat)}")
        return False
    aerobic = cat == "aerobic"
    for k in FIELDS:
        if (aerobic and k in NON_AEROBIC_ONLY) or (not aerobic and k in AEROBIC_ONLY):
            if k in e:
                ck.fail(f"{p}.{k}", "field", f"not allowed on {cat} items")
            continue
        if k not in e:
            ck.fail(f"{p}.{k}", "explicit", "every field must be written in the built-in catalogue")

    v = e.get("id")
    if not isinstance(v, str) or not ID_RE.match(v):
        ck.fail(f"{p}.id", "pattern", f"must match [a-z0-9_]{{1,64}}, got {json.dumps(v)}")
    v = e.get("name")
    if not isinstance(v, str) or not v.strip():
        ck.fail(f"{p}.name", "type", "must be a non-empty string")
    impact = e.get("impact")
    if impact not in IMPACTS:
        ck.fail(f"{p}.impact", "enum", f"must be one of {', '.join(IMPACTS)}, got {json.dumps(impact)}")
    phases = check_name_list(ck, f"{p}.phases", e.get("phases", []), PHASES, "phase", False)
    if "warmup" in phases and impact != "low":
        ck.fail(f"{p}.phases", "warmup_impact", "a warmup item must be low impact")
    dose_keys = set(e.get("dose", {})) if isinstance(e.get("dose"), dict) else set()
    if "warmup" in phases and not (cat == "aerobic" or (cat in ("flexibility", "balance")
                                                        and dose_keys == {"sets", "reps"})):
        ck.fail(f"{p}.phases", "warmup_dynamic",
                "a warmup item is aerobic, or a flexibility or balance item dosed {sets, reps} "
                "(static holds, strength and relaxation items never warm up)")
    if "cooldown" in phases and cat not in ("flexibility", "relaxation"):
        ck.fail(f"{p}.phases", "cooldown_category", "a cooldown item must be flexibility or relaxation")
    prim = check_name_list(ck, f"{p}.primary_muscles", e.get("primary_muscles", []), MUSCLES,
                           "muscle group", cat not in ("strength", "flexibility", "balance"))
    sec = check_name_list(ck, f"{p}.secondary_muscles", e.get("secondary_muscles", []), MUSCLES,
                          "muscle group")
    both = sorted(set(prim) & set(sec))
    if both:
        ck.fail(f"{p}.secondary_muscles", "disjoint", f"also primary: {', '.join(both)}")

    if aerobic:
        ok = True
        for k in ("min_minutes", "max_minutes"):
            v = e.get(k)
            if not is_int(v) or not 5 <= v <= 120 or v % 5:
                ck.fail(f"{p}.{k}", "range", f"must be a multiple of 5 in 5..120, got {json.dumps(v)}")
                ok = False
        if ok and e["min_minutes"] > e["max_minutes"]:
            ck.fail(f"{p}.min_minutes", "order", "must not exceed max_minutes")
    else:
        check_int(ck, f"{p}.minutes", e.get("minutes"), 1, 120)

    dose = e.get("dose")
    if not isinstance(dose, dict):
        ck.fail(f"{p}.dose", "type", "must be an object")
    else:
        keys = set(dose)
        if keys not in DOSE_FORMS[cat]:
            forms = " or ".join("{" + ", ".join(sorted(f)) + "}" for f in DOSE_FORMS[cat])
            ck.fail(f"{p}.dose", "form", f"a {cat} dose is {forms}, got {{{', '.join(sorted(keys))}}}")
        for k in sorted(keys):
            if k in DOSE_RANGES:
                check_int(ck, f"{p}.dose.{k}", dose[k], *DOSE_RANGES[k])

    check_int(ck, f"{p}.rest_hours", e.get("rest_hours"), 0, 96)
    check_int(ck, f"{p}.max_per_week", e.get("max_per_week"), 1, 7)
    check_int(ck, f"{p}.difficulty", e.get("difficulty"), 1, 5)
    check_name_list(ck, f"{p}.equipment", e.get("equipment", []), EQUIPMENT, "equipment")
    check_name_list(ck, f"{p}.movements", e.get("movements", []), MOVEMENTS, "movement")
    ci = e.get("contraindications", {})
    if not isinstance(ci, dict):
        ck.fail(f"{p}.contraindications", "type", "must be an object")
    else:
        for c, lvl in ci.items():
            if c not in conditions:
                ck.fail(f"{p}.contraindications.{c}", "unknown", f"unknown condition {c!r}")
            if lvl not in LEVELS:
                ck.fail(f"{p}.contraindications.{c}", "enum", f"must be avoid or caution, got {json.dumps(lvl)}")
    for k in ("progressions", "regressions", "substitutes"):
        check_name_list(ck, f"{p}.{k}", e.get(k, []), None, "exercise")
    v = e.get("notes", "")
    if not isinstance(v, str):
        ck.fail(f"{p}.notes", "type", "must be a string")
    v = e.get("reviewed", True)
    if not isinstance(v, bool):
        ck.fail(f"{p}.reviewed", "type", "must be a boolean")
    return True


def check_condition_rules(ck, rules, conditions):
    """Section 4a / 11: {condition: {"avoid": [entries], "caution": [entries]}}."""
    if not isinstance(rules, dict):
        ck.fail("condition_rules", "type", "must be an object")
        return
    for c, rule in rules.items():
        p = f"condition_rules.{c}"
        if c not in conditions:
            ck.fail(p, "unknown", f"unknown condition {c!r}")
        if not isinstance(rule, dict):
            ck.fail(p, "type", "must be an object")
            continue
        for k, entries in rule.items():
            if k not in LEVELS:
                ck.fail(f"{p}.{k}", "unknown", "unknown field")
                continue
            if not isinstance(entries, list):
                ck.fail(f"{p}.{k}", "type", "must be a list of rule entries")
                continue
            for j, entry in enumerate(entries):
                parts = entry.split("+") if isinstance(entry, str) else []
                if not parts or any(x not in MOVEMENTS for x in parts):
                    ck.fail(f"{p}.{k}[{j}]", "unknown", f"a rule entry is movements joined by +, got {json.dumps(entry)}")
                elif len(set(parts)) != len(parts):
                    ck.fail(f"{p}.{k}[{j}]", "duplicate", f"a movement repeats in {entry!r}")


def check_conventions(ck, exs):
    order = []
    for i, e in enumerate(exs):
        p = f"exercises[{i}]"
        cat = e["category"]
        if e.get("reviewed") is not True:
            ck.fail(f"{p}.reviewed", "builtin", "built-in items are reviewed")
        if not str(e.get("notes", "")).strip():
            ck.fail(f"{p}.notes", "builtin", "every built-in item carries form cues in notes")
        rest = e.get("rest_hours")
        if cat == "strength":
            if rest not in (24, 48, 72):
                ck.fail(f"{p}.rest_hours", "convention", f"strength items rest 24, 48 or 72 h, got {rest}")
            limit = 5 if rest == 24 else 3
            if e.get("max_per_week") not in (3, limit):
                ck.fail(f"{p}.max_per_week", "convention",
                        f"strength items: 3 a week (up to 5 for 24 h activation work), got {e.get('max_per_week')}")
        else:
            if rest != 0:
                ck.fail(f"{p}.rest_hours", "convention", f"non-strength items have rest_hours 0, got {rest}")
            if e.get("max_per_week") != DEFAULT_MAX_PER_WEEK[cat]:
                ck.fail(f"{p}.max_per_week", "convention",
                        f"{cat} items: {DEFAULT_MAX_PER_WEEK[cat]} a week, got {e.get('max_per_week')}")
        if cat in MINUTES_RANGE:
            lo, hi = MINUTES_RANGE[cat]
            m = e.get("minutes")
            sequence = cat != "relaxation" and m in SEQUENCE_MINUTES
            if is_int(m) and not lo <= m <= hi and not sequence:
                ck.fail(f"{p}.minutes", "timing",
                        f"{cat} items take {lo}..{hi} minutes (a sequence 10 or 15), got {m}")
            if sequence and m > hi and "warmup" in e.get("phases", []):
                ck.fail(f"{p}.phases", "timing", f"a {m}-minute sequence is no warm-up (5..15 minutes in all)")
        else:
            lo, hi = e.get("min_minutes"), e.get("max_minutes")
            dm = e.get("dose", {}).get("minutes") if isinstance(e.get("dose"), dict) else None
            if is_int(dm) and is_int(lo) and is_int(hi) and not (lo <= dm <= hi and dm % 5 == 0):
                ck.fail(f"{p}.dose.minutes", "timing",
                        f"an aerobic dose lies in min_minutes..max_minutes, a multiple of 5, got {dm}")
        dose = e.get("dose") if isinstance(e.get("dose"), dict) else {}
        if cat == "strength" and set(dose) == {"sets", "reps"} and not 8 <= dose.get("reps", 0) <= 12:
            ck.fail(f"{p}.dose.reps", "convention", "strength sets are about 10 repetitions (8..12)")
        if cat == "relaxation" and set(dose) == {"hold_seconds", "reps"} and not 5 <= dose.get("hold_seconds", 0) <= 10:
            ck.fail(f"{p}.dose.hold_seconds", "convention", "relaxation holds are 5..10 s tension")
        if not order or order[-1] != cat:
            order.append(cat)
    expected = [c for c in CATEGORIES if c in order]
    if order != expected:
        ck.fail("exercises", "order", f"group items by category in the order {', '.join(CATEGORIES)}; got runs {', '.join(order)}")


def check_graph(ck, exs):
    index = {}
    for i, e in enumerate(exs):
        eid = e.get("id")
        if eid in index:
            ck.fail(f"exercises[{i}].id", "duplicate", f"id {eid!r} also at exercises[{index[eid]}]")
        else:
            index[eid] = i
    for i, e in enumerate(exs):
        p = f"exercises[{i}]"
        for k in ("progressions", "regressions", "substitutes"):
            refs = e.get(k, [])
            if not isinstance(refs, list):
                continue
            for j, r in enumerate(refs):
                if r not in index:
                    ck.fail(f"{p}.{k}[{j}]", "reference", f"unknown exercise {r!r}")
                elif r == e["id"]:
                    ck.fail(f"{p}.{k}[{j}]", "reference", "an item does not refer to itself")
        prog, reg = set(e.get("progressions", [])), set(e.get("regressions", []))
        both = sorted(prog & reg)
        if both:
            ck.fail(f"{p}.progressions", "contradiction", f"both progression and regression: {', '.join(both)}")
        for r in sorted(prog):
            if r in index:
                o = exs[index[r]]
                if e["id"] not in o.get("regressions", []):
                    ck.fail(f"{p}.progressions", "reciprocal", f"{r} does not list {e['id']} as a regression")
                if o.get("category") != e.get("category"):
                    ck.fail(f"{p}.progressions", "category", f"{r} is of another category")
                if is_int(o.get("difficulty")) and is_int(e.get("difficulty")) and o["difficulty"] < e["difficulty"]:
                    ck.fail(f"{p}.progressions", "difficulty", f"{r} is easier ({o['difficulty']} < {e['difficulty']})")
        # A regression may be one-way (plan model v2 review: an item reported worse still
        # points to its safer variant, which need not progress back to it); it must be an
        # easier item of the same category.
        for r in sorted(reg):
            if r in index:
                o = exs[index[r]]
                if is_int(o.get("difficulty")) and is_int(e.get("difficulty")) and o["difficulty"] > e["difficulty"]:
                    ck.fail(f"{p}.regressions", "difficulty", f"{r} is harder ({o['difficulty']} > {e['difficulty']})")
    # progressions (and regressions, reversed) must form an acyclic graph
    edges = {eid: set() for eid in index}
    for e in exs:
        for r in e.get("progressions", []):
            if r in index:
                edges[e["id"]].add(r)
        for r in e.get("regressions", []):
            if r in index:
                edges[r].add(e["id"])
    state = {}
    for start in sorted(edges):
        if state.get(start):
            continue
        stack = [(start, iter(sorted(edges[start])))]
        path = [start]
        state[start] = 1
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                state[node] = 2
                stack.pop()
                path.pop()
            elif state.get(nxt) == 1:
                cyc = path[path.index(nxt):] + [nxt]
                ck.fail("exercises", "acyclic", "progression cycle: " + " -> ".join(cyc))
                state[nxt] = 2
            elif not state.get(nxt):
                state[nxt] = 1
                stack.append((nxt, iter(sorted(edges[nxt]))))
                path.append(nxt)
    return index


def flags(e):
    return e.get("contraindications", {}) if isinstance(e.get("contraindications"), dict) else {}


def check_coverage(ck, exs, index):
    def fail(detail):
        ck.fail("coverage", "checklist", detail)

    if len(exs) < 75:
        fail(f"at least 75 exercises, got {len(exs)}")
    cats = {c: [e for e in exs if e["category"] == c] for c in CATEGORIES}
    for c, items in cats.items():
        if not items:
            fail(f"no {c} item")
        elif not any(e.get("equipment") == [] for e in items):
            fail(f"no {c} item that needs no equipment")
    for imp in IMPACTS:
        if not any(e.get("impact") == imp for e in exs):
            fail(f"no {imp}-impact item")
    for m in MUSCLES:
        if not any(m in e.get("primary_muscles", []) for e in cats["strength"]):
            fail(f"muscle group {m} is the primary muscle of no strength item")
    for m in ["hamstrings", "hip_flexors", "lower_back", "glutes", "calves"]:
        n = sum(m in e.get("primary_muscles", []) for e in cats["flexibility"])
        if n < 2:
            fail(f"muscle group {m} is the primary muscle of {n} flexibility items (want 2 or more)")
    warm = [e for e in exs if "warmup" in e.get("phases", [])]
    cool = [e for e in exs if "cooldown" in e.get("phases", [])]
    if len(warm) < 8:
        fail(f"at least 8 warmup items, got {len(warm)}")
    if len(cool) < 8:
        fail(f"at least 8 cooldown items, got {len(cool)}")

    def five(e):
        return e["category"] != "aerobic" and e.get("minutes") == 5

    for phase, items in (("warmup", warm), ("cooldown", cool)):
        bare = [e for e in items if five(e) and e.get("equipment") == []]
        mat = [e for e in items if five(e) and e.get("equipment") == ["mat"]]
        if len(bare) < 4:
            fail(f"at least 4 five-minute {phase} items needing no equipment, got {len(bare)}")
        # Lying down is no warm-up (v2): only the cool-down needs mat items.
        if phase == "cooldown" and len(mat) < 2:
            fail(f"at least 2 five-minute {phase} items needing only a mat, got {len(mat)}")
        # feasibility per condition: a five-minute item with no flag, needing at most a mat
        for c in CONDITIONS:
            ok = [e for e in items if five(e) and set(e.get("equipment", [])) <= {"mat"}
                  and c not in flags(e)]
            if len(ok) < 2:
                fail(f"fewer than 2 unflagged five-minute {phase} items for {c}")
        ok = [e for e in items if five(e) and e.get("equipment") == [] and not flags(e)]
        if not ok:
            fail(f"no five-minute {phase} item that needs no equipment and suits every condition")
    for c in CONDITIONS:
        for cat in CATEGORIES:
            if not any(c not in flags(e) and set(e.get("equipment", [])) <= {"mat"}
                       and e.get("impact") == "low" for e in cats[cat]):
                fail(f"no low-impact {cat} item without a flag for {c} (needing at most a mat)")
    counts = {eq: sum(eq in e.get("equipment", []) for e in exs) for eq in EQUIPMENT}
    want = {"mat": 10, "pool": 4, "stationary_bike": 1, "elliptical": 1, "resistance_band": 3,
            "dumbbells": 3, "stability_ball": 3, "chair": 3}
    for eq, n in want.items():
        if counts[eq] < n:
            fail(f"at least {n} items use {eq}, got {counts[eq]}")
    for c in CONDITIONS:
        lv = [flags(e).get(c) for e in exs]
        if "avoid" not in lv and "caution" not in lv:
            fail(f"no item is flagged for {c}")
    if len(cats["balance"]) < 5:
        fail(f"at least 5 balance items, got {len(cats['balance'])}")
    if len(cats["relaxation"]) < 5:
        fail(f"at least 5 relaxation items, got {len(cats['relaxation'])}")
    for rid in REQUIRED_IDS:
        if rid not in index:
            fail(f"staple {rid} is missing")
    for chain in REQUIRED_CHAINS:
        for a, b in zip(chain, chain[1:]):
            if a in index and b not in exs[index[a]].get("progressions", []):
                fail(f"chain link {a} -> {b} is missing")
    diffs = [e.get("difficulty") for e in exs]
    for d in range(1, 6):
        if d not in diffs:
            fail(f"no item of difficulty {d}")
    easy = sum(1 for d in diffs if is_int(d) and d <= 2)
    if easy * 2 <= len(exs):
        fail(f"most items should be of difficulty 1-2, got {easy} of {len(exs)}")
    for rid in NO_CONTRAINDICATIONS:
        if rid in index and flags(exs[index[rid]]):
            fail(f"{rid} is gentle and carries no contraindication")
    # impact and safety flags (domain.md, Safety)
    for i, e in enumerate(exs):
        f = flags(e)
        p = f"exercises[{i}].contraindications"
        if e.get("impact") == "high":
            for c in BACK_CONDITIONS + ["knee_pain"]:
                if f.get(c) != "avoid":
                    ck.fail(p, "safety", f"high-impact item {e['id']} must avoid {c}")
        if e.get("impact") == "moderate":
            if f.get("acute_flare") != "avoid":
                ck.fail(p, "safety", f"moderate-impact item {e['id']} must avoid acute_flare")
            if f.get("knee_pain") not in LEVELS:
                ck.fail(p, "safety", f"moderate-impact item {e['id']} needs at least caution for knee_pain")
        need = SAFETY.get(e.get("id"), {})
        for c, lvl in need.items():
            have = f.get(c)
            if have is None or (lvl == "avoid" and have != "avoid"):
                ck.fail(p, "safety", f"{e['id']} needs {lvl} for {c}, got {have or 'nothing'}")
        # Sciatica is at least as strict as a herniated disc (review S2: the same loaded
        # flexion and rotation aggravate both); late pregnancy at least as strict as pregnancy.
        for weaker, stricter in (("herniated_disc", "sciatica"), ("pregnancy", "late_pregnancy")):
            if RANK.get(f.get(stricter), 0) < RANK.get(f.get(weaker), 0):
                ck.fail(p, "consistency", f"{e['id']} is {f.get(weaker)} for {weaker} but "
                        f"{f.get(stricter) or 'unmarked'} for {stricter}")
        # Lying on the back or face down late in pregnancy (ACOG CO 804).
        mv = e.get("movements", [])
        if ("supine" in mv or "prone" in mv) and f.get("late_pregnancy") != "avoid":
            ck.fail(p, "safety", f"{e['id']} lies supine or prone and must avoid late_pregnancy")
        for c in NOT_AVOID.get(e.get("id"), []):
            if f.get(c) == "avoid":
                ck.fail(p, "over_restrictive", f"{e['id']} should not avoid {c} (bone loading is advised)")
        for c in NOT_FLAGGED.get(e.get("id"), []):
            if c in f:
                ck.fail(p, "over_restrictive", f"{e['id']} should carry no {c} marking")
        # A progression keeps the impact class within reach: never from low to high
        # (review S2: bodyweight_squat -> squat_jump); the progressions the review removed
        # for adding flexion and rotation are listed in NOT_PROGRESSIONS.
        for r in e.get("progressions", []):
            if r not in index:
                continue
            o = exs[index[r]]
            if e.get("impact") == "low" and o.get("impact") == "high":
                ck.fail(f"exercises[{i}].progressions", "safety",
                        f"{e['id']} -> {r} jumps from low to high impact")
    for a, b in NOT_PROGRESSIONS:
        if a in index and b in exs[index[a]].get("progressions", []):
            fail(f"{a} must not progress to {b} (clinical review S2)")


def main(argv):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    args = [a for a in argv[1:]]
    if any(a in ("-h", "--help") for a in args):
        print(__doc__.strip())
        return 0
    path = args[0] if args else os.path.join(root, "data", "catalog", "builtin.json")
    try:
        with open(path, encoding="utf-8") as fh:
            doc = json.load(fh, object_pairs_hook=no_duplicate_keys)
    except (OSError, ValueError) as exc:
        print(f"{path}: cannot read: {exc}", file=sys.stderr)
        return 2
    ck = Checker()
    if not isinstance(doc, dict):
        ck.fail("$", "type", "must be an object")
    else:
        for k in doc:
            if k not in ("schema", "conditions", "condition_rules", "exercises"):
                ck.fail(k, "unknown", "unknown field")
        if doc.get("schema") != "backbalance.catalog/1":
            ck.fail("schema", "value", f"must be \"backbalance.catalog/1\", got {json.dumps(doc.get('schema'))}")
        conditions = list(CONDITIONS)
        extra = doc.get("conditions", [])
        if not isinstance(extra, list):
            ck.fail("conditions", "type", "must be a list of condition names")
        else:
            for i, c in enumerate(extra):
                if not isinstance(c, str) or not ID_RE.match(c):
                    ck.fail(f"conditions[{i}]", "pattern", "must match [a-z0-9_]{1,64}")
                elif c in conditions:
                    ck.fail(f"conditions[{i}]", "duplicate", f"condition {c!r} is already known")
                else:
                    conditions.append(c)
        check_condition_rules(ck, doc.get("condition_rules", {}), conditions)
        exs = doc.get("exercises")
        if not isinstance(exs, list):
            ck.fail("exercises", "type", "must be a list")
        else:
            good = all([check_record(ck, i, e, conditions) for i, e in enumerate(exs)])
            if good and not ck.errors:
                index = check_graph(ck, exs)
                check_conventions(ck, exs)
                check_coverage(ck, exs, index)
    if ck.errors:
        for line in ck.errors:
            print(line)
        print(f"{path}: {len(ck.errors)} problem(s)", file=sys.stderr)
        return 1
    n = len(doc["exercises"])
    per = ", ".join(f"{c} {sum(e['category'] == c for e in doc['exercises'])}" for c in CATEGORIES)
    print(f"{path}: ok: {n} exercises ({per})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
