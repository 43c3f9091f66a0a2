# docs/clinician.md, workflow 2: an edited week repaired.
ex="$SOURCE/examples/clinician"
profile="$EXAMPLES/profiles/desk_worker.json"
backbalance evaluate --catalog builtin --profile "$profile" --plan "$ex/edited_week.json" > before.json
echo "evaluate edited: $?"
backbalance repair --profile "$profile" --plan "$ex/edited_week.json" > repaired.json
echo "repair: $?"
sed -n '/"changes"/,/^  \]/p' repaired.json
backbalance evaluate --catalog builtin --profile "$profile" --plan repaired.json > after.json
echo "evaluate repaired: $?"
backbalance repair --profile "$profile" --plan "$ex/edited_week.json" --format text --color never \
  | sed -n '/^Changes/,/^$/p'
backbalance repair --profile "$profile" --plan "$ex/edited_week.json" --format html \
  | grep -o 'data-change="[a-z]*"' | sort | uniq -c
# A valid week comes back as given, with no changes.
backbalance repair --profile "$profile" --plan "$ex/week.json" > same.json
echo "repair valid: $?"
grep -c '"changes": \[\]' same.json
