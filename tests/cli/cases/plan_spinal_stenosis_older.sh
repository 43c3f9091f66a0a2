# Plans a week for examples/profiles/spinal_stenosis_older.json on the built-in catalog; the plan is valid
# by evaluate's judgement.
set -e
backbalance plan --catalog builtin --profile "$EXAMPLES/profiles/spinal_stenosis_older.json" > plan.json
cat plan.json
backbalance evaluate --catalog builtin --profile "$EXAMPLES/profiles/spinal_stenosis_older.json" --plan plan.json > evaluation.json
echo "evaluate: $?"
