#!/usr/bin/python3
# Copyright the backbalance authors. Licensed under the Apache License, Version 2.0.
"""Generate docs/catalog.md from the built-in exercise catalogue.

Usage: scripts/catalog_doc.py [CATALOG] [--cli PATH] [--stdout | --check]

  CATALOG     catalogue JSON (default: data/catalog/builtin.json in the repository)
  --cli PATH  the backbalance command line (default: $BACKBALANCE_CLI, else
              build/release/src/cli/backbalance in the repository)
  --stdout    write the page to standard output instead of docs/catalog.md
  --check     write nothing; exit 1 when docs/catalog.md differs from what would be generated

The effective markings (plan model section 4a: the stronger of an item's own entry and what the
condition rules derive from its movements) are not recomputed here: they come from the library,
through `backbalance catalog --catalog CATALOG --markings` (Catalog::MarkingOf and the constraint
graph's rule entries). The output depends only on the catalogue file and the library's rules (no
dates, no environment), so running the script twice gives the same bytes. Standard library only.
"""
import json
import os
import subprocess
import sys

CATEGORIES = ["aerobic", "strength", "flexibility", "balance", "relaxation"]
IMPACTS = ["low", "moderate", "high"]
PHASES = ["warmup", "main", "cooldown"]
MARKINGS_SCHEMA = "backbalance.markings/1"
CLI_REL = "build/release/src/cli/backbalance"
EQUIPMENT = ["mat", "pool", "stationary_bike", "elliptical", "resistance_band", "dumbbells",
             "stability_ball", "chair"]
CATEGORY_TITLES = {"aerobic": "Aerobic", "strength": "Strength", "flexibility": "Flexibility and mobility",
                   "balance": "Balance", "relaxation": "Relaxation"}
CATALOG_REL = "data/catalog/builtin.json"
OUTPUT_REL = "docs/catalog.md"
DEFAULTS = {"strength": 48}


def repo_root():
    return os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def cell(text):
    """Escape text for a Markdown table cell."""
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def names(items, empty="–"):
    return ", ".join(items) if items else empty


def code_list(items, empty="–"):
    return ", ".join(f"`{x}`" for x in items) if items else empty


def fmt_dose(d):
    if "sets" in d:
        return f"{d['sets']} x {d['reps']}"
    if "hold_seconds" in d:
        return f"{d['hold_seconds']} s x {d['reps']}"
    if "minutes" in d:
        return f"{d['minutes']} min"
    return json.dumps(d, sort_keys=True)


def fmt_minutes(e):
    if e["category"] == "aerobic":
        return f"{e['min_minutes']}-{e['max_minutes']}"
    return str(e["minutes"])


def marking_cell(m):
    """One item's marking for one condition, as the library gives it (--markings)."""
    eff = m["effective"]
    if eff is None:
        return "–"
    head = "**A**" if eff == "avoid" else "c"
    if m["derived"] == eff:
        return f"{head} `{m['rule']}`"
    if m["derived"] is not None:  # own avoid over a derived caution
        return f"{head} own (rule: c `{m['rule']}`)"
    return f"{head} own"


def load_markings(cli, catalog_path):
    """The library's markings of every item and condition: `catalog --markings`."""
    proc = subprocess.run([cli, "catalog", "--catalog", catalog_path, "--markings"],
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"{cli} catalog --markings failed ({proc.returncode}): {proc.stderr.strip()}")
    doc = json.loads(proc.stdout)
    if doc.get("schema") != MARKINGS_SCHEMA:
        raise RuntimeError(f"{cli} catalog --markings: schema {doc.get('schema')!r}, want {MARKINGS_SCHEMA}")
    return doc


def chains(exs):
    """Every maximal progression path, from an item with no regression in the file."""
    by_id = {e["id"]: e for e in exs}
    prog = {e["id"]: [p for p in e.get("progressions", []) if p in by_id] for e in exs}
    has_reg = set()
    for e in exs:
        for p in prog[e["id"]]:
            has_reg.add(p)
        for r in e.get("regressions", []):
            if r in by_id:
                has_reg.add(e["id"])
    out = []

    def walk(path):
        nxt = [p for p in prog[path[-1]] if p not in path]
        if not nxt:
            if len(path) > 1:
                out.append(list(path))
            return
        for p in nxt:
            walk(path + [p])

    for e in exs:  # catalogue order keeps the output stable and grouped
        if e["id"] not in has_reg and prog[e["id"]]:
            walk([e["id"]])
    return out


def render(doc, source_rel, marks):
    exs = doc["exercises"]
    order = marks["conditions"]
    marking = {e["id"]: e["markings"] for e in marks["exercises"]}
    if [e["id"] for e in exs] != [e["id"] for e in marks["exercises"]]:
        raise KeyError("the markings name other items than the catalogue (a stale build of the CLI?)")
    equipment = EQUIPMENT + sorted({q for e in exs for q in e.get("equipment", [])} - set(EQUIPMENT))
    L = []
    add = L.append
    add("# Built-in exercise catalogue")
    add("")
    add("<!-- Generated file: do not edit by hand. -->")
    add("")
    add(f"This page is generated from `{source_rel}` by `scripts/catalog_doc.py`; do not edit it by hand. "
        "Change the catalogue, then run `python3 scripts/catalog_doc.py` (and `python3 scripts/check_catalog.py`) "
        "to regenerate it; `python3 scripts/catalog_doc.py --check` tells whether the page is current.")
    add("")
    add("The catalogue is part of backbalance and is licensed under the Apache License, Version 2.0. "
        "Each record follows section 2 of the plan model (schema `backbalance.catalog/1`). The exercises and their "
        "notes are general guidance for people with long-term back pain, not a diagnosis or a prescription: "
        "a physiotherapist or physician should clear a programme, and an exercise that hurts is stopped.")
    add("")
    add("Columns: *minutes* is the time one use takes, rests included (for aerobic items, the range the "
        "planner may choose from in steps of 5); *dose* is sets x repetitions, hold x repetitions or minutes; "
        "*rest h* is the recovery a primary muscle needs after a strength item; *max/wk* is the number of days "
        "a week the item may be used; *difficulty* runs from 1 (easiest) to 5; *movements* are what the "
        "exercise does to the spine and joints (plan model section 1), the facts the condition rules read.")
    add("")
    add("What was changed in the catalogue after the clinical review of 2026-12-04, and why, is explained in "
        "[the catalogue review](catalog-review.md).")
    add("")

    add("## Summary")
    add("")
    add(f"{len(exs)} exercises.")
    add("")
    add("| category | items | warm-up capable | cool-down capable | no equipment |")
    add("|---|---:|---:|---:|---:|")
    for c in CATEGORIES:
        items = [e for e in exs if e["category"] == c]
        add(f"| {c} | {len(items)} | {sum('warmup' in e['phases'] for e in items)} | "
            f"{sum('cooldown' in e['phases'] for e in items)} | {sum(not e.get('equipment') for e in items)} |")
    add(f"| **total** | {len(exs)} | {sum('warmup' in e['phases'] for e in exs)} | "
        f"{sum('cooldown' in e['phases'] for e in exs)} | {sum(not e.get('equipment') for e in exs)} |")
    add("")
    add("| impact | items |")
    add("|---|---:|")
    for i in IMPACTS:
        add(f"| {i} | {sum(e['impact'] == i for e in exs)} |")
    add("")
    add("| equipment | items needing it |")
    add("|---|---:|")
    add(f"| (none) | {sum(not e.get('equipment') for e in exs)} |")
    for q in equipment:
        add(f"| {q} | {sum(q in e.get('equipment', []) for e in exs)} |")
    add("")
    add("Effective markings by condition (section 4a; from the library, see *Markings* below). *Of which own "
        "only* counts the markings that only the item's own entry gives (stricter than what the condition rules "
        "derive from its movements); the others the rules give by themselves.")
    add("")
    add("| condition | avoid | of which own only | caution | of which own only |")
    add("|---|---:|---:|---:|---:|")
    for c in order:
        ms = [marking[e["id"]][c] for e in exs]
        av = [m for m in ms if m["effective"] == "avoid"]
        ca = [m for m in ms if m["effective"] == "caution"]
        add(f"| {c} | {len(av)} | {sum(m['derived'] != 'avoid' for m in av)} | {len(ca)} | "
            f"{sum(m['derived'] != 'caution' for m in ca)} |")
    add("")

    add("## Condition rules")
    add("")
    add("The rules the library applies to this catalogue (plan model section 4a): an entry matches an item whose "
        "`movements` hold all of its movements (`a+b` needs both). An item's effective marking for a condition is "
        "the stronger of what the rules derive and its own `contraindications` entry.")
    add("")
    add("| condition | avoid | caution |")
    add("|---|---|---|")
    for c in order:
        r = marks["rules"][c]
        add(f"| {c} | {code_list(r['avoid'])} | {code_list(r['caution'])} |")
    add("")

    for c in CATEGORIES:
        items = [e for e in exs if e["category"] == c]
        if not items:
            continue
        add(f"## {CATEGORY_TITLES[c]} ({len(items)})")
        add("")
        add("| id | name | impact | phases | primary muscles | secondary | minutes | dose | rest h | max/wk "
            "| difficulty | equipment | movements |")
        add("|---|---|---|---|---|---|---:|---|---:|---:|---:|---|---|")
        for e in items:
            phases = [p for p in PHASES if p in e["phases"]]
            row = [f"`{e['id']}`", cell(e["name"]), e["impact"], names(phases),
                   names(e.get("primary_muscles", [])), names(e.get("secondary_muscles", [])),
                   fmt_minutes(e), fmt_dose(e["dose"]),
                   str(e.get("rest_hours", DEFAULTS.get(c, 0))), str(e.get("max_per_week", "")),
                   str(e.get("difficulty", 1)), names(e.get("equipment", []), "none"),
                   names(e.get("movements", []))]
            add("| " + " | ".join(row) + " |")
        add("")

    add("## Markings")
    add("")
    add("The effective marking of every item for every condition, as the library computes it "
        "(`backbalance catalog --markings`): **A** is `avoid` (the item is excluded for a person with that "
        "condition, reason `contraindicated:<condition>`), c is `caution` (kept with a note and a score penalty, "
        "excluded in pain band C), – is none. After the marking: the rule entry that gives it (the item's own "
        "entry, when it has one, says the same), or *own* when only the item's own `contraindications` entry "
        "gives it. For an `avoid`, the rule entry (or `marked` for *own*) is the `because` a plan's `excluded` "
        "entry carries.")
    add("")
    for c in CATEGORIES:
        items = [e for e in exs if e["category"] == c]
        if not items:
            continue
        add(f"### {CATEGORY_TITLES[c]}")
        add("")
        add("| id | " + " | ".join(order) + " |")
        add("|---|" + "---|" * len(order))
        for e in items:
            add(f"| `{e['id']}` | " + " | ".join(marking_cell(marking[e["id"]][k]) for k in order) + " |")
        add("")

    add("## Progression chains")
    add("")
    add("Each line runs from the easiest variant to the hardest. When a person completes an item at its "
        "top dose, its next step joins the preferred set; when an item makes the pain worse, the step "
        "before it does.")
    add("")
    cat_of = {e["id"]: e["category"] for e in exs}
    all_chains = chains(exs)
    for c in CATEGORIES:
        cs = [ch for ch in all_chains if cat_of[ch[0]] == c]
        if not cs:
            continue
        add(f"### {CATEGORY_TITLES[c]}")
        add("")
        for ch in cs:
            add("- " + " → ".join(f"`{x}`" for x in ch))
        add("")

    add("## Notes")
    add("")
    for c in CATEGORIES:
        items = [e for e in exs if e["category"] == c]
        if not items:
            continue
        add(f"### {CATEGORY_TITLES[c]}")
        add("")
        for e in items:
            line = f"- **{cell(e['name'])}** (`{e['id']}`): {e.get('notes', '').strip() or '–'}"
            if e.get("substitutes"):
                line += f" Substitutes: {code_list(e['substitutes'])}."
            if e.get("reviewed", True) is False:
                line += " *Not reviewed for safety.*"
            add(line)
        add("")
    while L and L[-1] == "":
        L.pop()
    return "\n".join(L) + "\n"


def main(argv):
    args = argv[1:]
    if any(a in ("-h", "--help") for a in args):
        print(__doc__.strip())
        return 0
    usage = f"usage: {os.path.basename(argv[0])} [CATALOG] [--cli PATH] [--stdout | --check]"
    root = repo_root()
    cli = os.environ.get("BACKBALANCE_CLI") or os.path.join(root, CLI_REL)
    if "--cli" in args:
        k = args.index("--cli")
        if k + 1 >= len(args):
            print(usage, file=sys.stderr)
            return 2
        cli = args[k + 1]
        args = args[:k] + args[k + 2:]
    flags = {a for a in args if a.startswith("--")}
    unknown = flags - {"--stdout", "--check"}
    if unknown or len(flags) > 1:
        print(usage, file=sys.stderr)
        return 2
    pos = [a for a in args if not a.startswith("--")]
    if len(pos) > 1:
        print(usage, file=sys.stderr)
        return 2
    src = pos[0] if pos else os.path.join(root, CATALOG_REL)
    try:
        with open(src, encoding="utf-8") as fh:
            doc = json.load(fh)
    except (OSError, ValueError) as exc:
        print(f"{src}: cannot read: {exc}", file=sys.stderr)
        return 2
    if not os.access(cli, os.X_OK):
        print(f"{cli}: no backbalance command line there: build it (scripts/build release) or pass --cli PATH",
              file=sys.stderr)
        return 2
    try:
        marks = load_markings(cli, src)
    except (OSError, ValueError, RuntimeError) as exc:
        print(f"{src}: cannot read the markings: {exc}", file=sys.stderr)
        return 2
    absrc = os.path.abspath(src)
    rel = os.path.relpath(absrc, root) if absrc.startswith(root + os.sep) else os.path.basename(src)
    try:
        page = render(doc, rel.replace(os.sep, "/"), marks)
    except (KeyError, TypeError, StopIteration) as exc:
        print(f"{src}: not a catalogue this script understands ({exc!r}); run scripts/check_catalog.py",
              file=sys.stderr)
        return 2
    out = os.path.join(root, OUTPUT_REL)
    if "--stdout" in flags:
        sys.stdout.write(page)
        return 0
    if "--check" in flags:
        try:
            with open(out, encoding="utf-8") as fh:
                current = fh.read()
        except OSError:
            current = None
        if current != page:
            print(f"{OUTPUT_REL} is out of date with {rel}: run python3 scripts/catalog_doc.py", file=sys.stderr)
            return 1
        return 0
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(page)
    print(f"wrote {OUTPUT_REL} ({len(doc['exercises'])} exercises)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
