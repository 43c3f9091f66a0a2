# --gap-tolerance F replaces the quality level's tolerance (PlannerOptions::gap_tolerance),
# from the flag or from an options file: a plan that may stop within half the optimum
# scores at least half the plan of a search that stops only at a proven optimum; both
# plans are ok and deterministic.
profile="$EXAMPLES/profiles/pregnancy.json"
backbalance plan --catalog builtin --profile "$profile" --gap-tolerance 0 > none.json; echo "tolerance 0: $?"
backbalance plan --catalog builtin --profile "$profile" --gap-tolerance 0.5 > half.json; echo "tolerance 0.5: $?"
backbalance plan --catalog builtin --profile "$profile" --gap-tolerance 0.5 > half_again.json
cmp -s half.json half_again.json && echo "the same bytes again"
echo '{"gap_tolerance": 0.5}' > options.json
backbalance plan --catalog builtin --profile "$profile" --options options.json > from_file.json
cmp -s half.json from_file.json && echo "the options file gives the same plan"
/usr/bin/python3 - <<'PY'
import json
none, half = (json.load(open(f)) for f in ("none.json", "half.json"))
print("statuses:", none["status"], half["status"])
print("at least half the score:", half["score"] >= 0.5 * none["score"] - 1e-9)
PY
