# docs/clinician.md, workflow 4: a swap for a painful exercise (superman on Monday).
ex="$SOURCE/examples/clinician"
profile="$EXAMPLES/profiles/desk_worker.json"
backbalance alternatives --profile "$profile" --plan "$ex/week.json" --day 0 \
  --exercise superman > swaps.json
echo "alternatives: $?"
head -8 swaps.json
backbalance alternatives --profile "$profile" --plan "$ex/week.json" --day 0 \
  --exercise superman --format text | head -5
