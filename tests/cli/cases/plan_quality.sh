# --quality (fast, default, thorough): every level plans a valid week that evaluate accepts,
# the same bytes twice, plan-batch agrees with plan; an unknown level is a usage error.
profile="$EXAMPLES/profiles/desk_worker.json"
for quality in fast default thorough; do
  backbalance plan --catalog builtin --profile "$profile" --quality $quality > $quality.json
  backbalance plan --catalog builtin --profile "$profile" --quality $quality > again.json
  backbalance evaluate --catalog builtin --profile "$profile" --plan $quality.json > eval.json
  /usr/bin/python3 -c '
import json, sys
plan, evaluation = (json.load(open(f)) for f in sys.argv[2:4])
print("%s: status %s, evaluate valid %s, same score %s" % (
    sys.argv[1], plan["status"], evaluation["valid"],
    abs(plan["score"] - evaluation["score"]) < 1e-9))' $quality $quality.json eval.json
  cmp -s $quality.json again.json && echo "$quality: same bytes twice"
done
tr -d '\n' < "$profile" > profiles.jsonl; echo >> profiles.jsonl
backbalance plan-batch profiles.jsonl -o batch.jsonl --quality fast 2>/dev/null
cmp <(tr -d '\n ' < batch.jsonl) <(tr -d '\n ' < fast.json) && echo "plan-batch --quality fast: same week as plan"
backbalance plan --catalog builtin --profile "$profile" --quality best 2>&1 | head -1
echo "exit: ${PIPESTATUS[0]}"
