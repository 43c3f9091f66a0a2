# Plans a week for examples/profiles/pregnancy.json on the built-in catalog; the plan is valid
# by evaluate's judgement.
set -e
backbalance plan --catalog builtin --profile "$EXAMPLES/profiles/pregnancy.json" > plan.json
cat plan.json
backbalance evaluate --catalog builtin --profile "$EXAMPLES/profiles/pregnancy.json" --plan plan.json > evaluation.json
echo "evaluate: $?"
