# docs/clinician.md, workflow 1: a clinician pins two exercises and clears one.
ex="$SOURCE/examples/clinician"
backbalance plan --catalog builtin --profile "$ex/pinned.json" > week.json
echo "plan: $?"
# Each pin is held: Monday's walk for 20 minutes, Thursday's stretch in the cool-down.
tr -d ' \n' < week.json | grep -o '"exercise":"brisk_walking","phase":"main","minutes":20' | head -1
# The text view marks the two pinned items, right under their rows.
backbalance plan --catalog builtin --profile "$ex/pinned.json" --format text --color never > week.txt
grep -c '^ *pinned$' week.txt
grep -B1 '^ *pinned$' week.txt | grep -o 'main *brisk_walking\|cooldown *knee_to_chest'
# Without `cleared`, the post_surgery rule excludes the pinned stretch: no week holds it.
backbalance plan --catalog builtin --profile "$ex/pinned_not_cleared.json" > blocked.json
echo "not cleared: $?"
grep -o '"code": "pinned_ineligible"' blocked.json
