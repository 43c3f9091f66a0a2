# The plan model v2 numbers on the command line (plan, next-week, plan-batch, evaluate):
# each flag changes the week, and a value out of range is named as options.<field> (exit 2).
profile="$EXAMPLES/profiles/desk_worker.json"   # fitness 2, pain band A, no history
summary() {  # plan file, session cap, longest warm-up allowed
  /usr/bin/python3 -c '
import json, sys
plan = json.load(open(sys.argv[1]))
session, warmup = int(sys.argv[2]), int(sys.argv[3])
cap = plan["targets"]["volume_cap"]
days = [d for d in plan["days"] if d["items"]]
warmups = [sum(i["minutes"] for i in d["items"] if i["phase"] == "warmup") for d in days]
print("  status %s, volume cap %d, total within it: %s, every day within %d: %s, "
      "every warm-up within 5..%d: %s" % (
          plan["status"], cap, plan["totals"]["minutes"] <= cap, session,
          all(d["minutes"] <= session for d in days), warmup,
          all(5 <= w <= warmup for w in warmups)))' "$@"
}
backbalance plan --catalog builtin --profile "$profile" > default.json
echo "defaults:"; summary default.json 60 15
backbalance plan --catalog builtin --profile "$profile" \
  --first-week-cap-by-fitness 100,150,200,250,300 > capped.json
echo "--first-week-cap-by-fitness 100,150,200,250,300:"; summary capped.json 60 15
backbalance plan --catalog builtin --profile "$profile" \
  --session-cap-by-fitness 45,20,75,90,120 > short.json
echo "--session-cap-by-fitness 45,20,75,90,120:"; summary short.json 20 15
backbalance plan --catalog builtin --profile "$profile" --max-warmup-minutes 5 > warm.json
echo "--max-warmup-minutes 5:"; summary warm.json 60 5
# mix_weight only weighs the score: the term is reported either way.
backbalance plan --catalog builtin --profile "$profile" --mix-weight 0 > nomix.json
/usr/bin/python3 -c '
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:])
print("--mix-weight 0: mix term reported:", "mix" in b["score_terms"],
      "| score differs from the default:", a["score"] != b["score"])' default.json nomix.json
# Week 24 of a pregnancy derives late_pregnancy from week 20 by default.
printf '{"schema": "backbalance.profile/1", "pain": 2, "conditions": ["pregnancy"], "pregnancy_week": 24, "fitness": 3, "seed": 2}\n' > pregnant.json
for week in 20 30; do
  backbalance plan --catalog builtin --profile pregnant.json --late-pregnancy-week $week > p$week.json
  echo "--late-pregnancy-week $week: late_pregnancy exclusions $(grep -c '"contraindicated:late_pregnancy"' p$week.json)"
done
# evaluate judges by the same numbers: the default week breaks a smaller first-week cap.
backbalance evaluate --catalog builtin --profile "$profile" --plan default.json > /dev/null
echo "evaluate, defaults: $?"
backbalance evaluate --catalog builtin --profile "$profile" --plan default.json \
  --first-week-cap-by-fitness 100,150,200,250,300 | grep -o '"rule": "H8"'
echo "evaluate, smaller first-week cap: ${PIPESTATUS[0]}"
# next-week and plan-batch take the flags too.
printf '[]\n' > feedback.json
backbalance next-week --catalog builtin --profile "$profile" --plan default.json \
  --feedback feedback.json --session-cap-by-fitness 45,20,75,90,120 > next.json
/usr/bin/python3 -c '
import json, sys
doc = json.load(open(sys.argv[1]))
print("next-week --session-cap-by-fitness: every day within 20:",
      all(d["minutes"] <= 20 for d in doc["plan"]["days"]))' next.json
tr -d '\n' < "$profile" > profiles.jsonl; echo >> profiles.jsonl
backbalance plan-batch profiles.jsonl -o batch.jsonl --first-week-cap-by-fitness 100,150,200,250,300 2>/dev/null
cmp <(tr -d '\n ' < batch.jsonl) <(tr -d '\n ' < capped.json) && echo "plan-batch: same week as plan"
# Out of range, or the wrong number of values.
backbalance plan --catalog builtin --profile "$profile" --first-week-cap-by-fitness 100,150,-5,250,300
echo "exit: $?"
backbalance plan --catalog builtin --profile "$profile" --session-cap-by-fitness 45,4,75,90,120
echo "exit: $?"
backbalance plan --catalog builtin --profile "$profile" --late-pregnancy-week 44
echo "exit: $?"
backbalance plan --catalog builtin --profile "$profile" --max-warmup-minutes 2
echo "exit: $?"
backbalance plan --catalog builtin --profile "$profile" --mix-weight -1
echo "exit: $?"
backbalance evaluate --catalog builtin --profile "$profile" --plan default.json --mix-weight -1
echo "exit: $?"
backbalance plan --catalog builtin --profile "$profile" --first-week-cap-by-fitness 100,150
echo "exit: $?"
