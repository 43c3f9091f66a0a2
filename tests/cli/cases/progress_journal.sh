# next-week --journal appends the week it closes; progress reads the journal; a week that
# does not chain onto the journal is refused (exit 1) with a path-named error.
python3 - "$EXAMPLES/plans/desk_worker_week.json" > feedback.json <<'PY'
import json, sys
plan = json.load(open(sys.argv[1]))
seen, out = set(), []
for day in plan["days"]:
    for item in day["items"]:
        if (day["day"], item["exercise"]) in seen:
            continue
        seen.add((day["day"], item["exercise"]))
        out.append({"day": day["day"], "exercise": item["exercise"], "completed": day["day"] != 2, "rpe": 5})
json.dump(out, sys.stdout)
PY
backbalance next-week --catalog builtin --profile "$EXAMPLES/profiles/desk_worker.json" \
  --plan "$EXAMPLES/plans/desk_worker_week.json" --feedback feedback.json \
  --journal journal.json > next.json
echo "exit: $?"
backbalance progress journal.json > progress.json
echo "exit: $?"
head -2 progress.json
tr -d ' \n' < progress.json | grep -o '"pain_trend":{[^}]*}'
backbalance progress journal.json --format html > progress.html
echo "html exit: $? svg: $(grep -c '<svg' progress.html) script: $(grep -c '<script' progress.html)"
backbalance progress journal.json --format text | head -1
# The same week again does not chain onto the journal.
backbalance next-week --catalog builtin --profile "$EXAMPLES/profiles/desk_worker.json" \
  --plan "$EXAMPLES/plans/desk_worker_week.json" --feedback feedback.json \
  --journal journal.json > /dev/null
echo "exit: $?"
