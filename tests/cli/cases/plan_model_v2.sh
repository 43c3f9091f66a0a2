# Plan model v2 on the built-in catalogue, summarised (the week itself is the planner's):
# a pregnancy from week 20 derives late_pregnancy (supine and prone work avoided, with the
# rule entry as `because`), post_surgery asks for clinician clearance, and a cleared item
# is planned with the note `cleared` instead of being excluded.
set -e
cat > late_pregnancy.json <<'JSON'
{"schema": "backbalance.profile/1", "pain": 2, "conditions": ["pregnancy"], "pregnancy_week": 24,
 "fitness": 3, "availability": [40, 40, 40, 40, 40, 40, 40], "equipment": ["mat", "stability_ball"],
 "seed": 3}
JSON
cat > post_surgery.json <<'JSON'
{"schema": "backbalance.profile/1", "pain": 4, "conditions": ["post_surgery"], "fitness": 2,
 "availability": [40, 0, 40, 0, 40, 40, 0], "equipment": ["mat", "resistance_band"],
 "cleared": ["knee_to_chest", "glute_bridge"], "prefer": ["knee_to_chest", "glute_bridge"],
 "seed": 4}
JSON
for name in late_pregnancy post_surgery; do
  backbalance plan --catalog builtin --profile $name.json > $name.plan.json
  backbalance evaluate --catalog builtin --profile $name.json --plan $name.plan.json > /dev/null
  echo "$name: evaluate $?"
  /usr/bin/python3 - $name.plan.json <<'PY'
import collections, json, sys
plan = json.load(open(sys.argv[1]))
print("  status:", plan["status"], "model:", plan["provenance"]["model"],
      "volume cap:", plan["targets"]["volume_cap"])
print("  advisories:", " ".join(a["code"] for a in plan["advisories"]))
reasons = collections.Counter((x["reason"], x.get("because")) for x in plan["excluded"]
                              if x["reason"].startswith("contraindicated:"))
for (reason, because), n in sorted(reasons.items()):
    print(f"  {reason} because {because}: {n}")
cleared = sorted({(item["exercise"], tuple(item["notes"])) for day in plan["days"]
                  for item in day["items"] if "cleared" in item["notes"]})
for exercise, notes in cleared:
    print(f"  planned: {exercise}, notes {list(notes)}")
PY
done
