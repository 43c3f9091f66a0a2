# docs/clinician.md, workflow 1: a clinician pins two exercises and clears one.
ex="$SOURCE/examples/clinician"
backbalance plan --catalog builtin --profile "$ex/pinned.json" --format text --color never > week.txt
echo "plan: $?"
# Each pinned use is in the week, and the text view marks it.
grep -A1 -E '^Monday .*brisk_walking|^ +main +brisk_walking' week.txt | head -2
grep -A1 'cooldown  knee_to_chest' week.txt | head -2
grep -c '^ *pinned$' week.txt
# Without `cleared`, the post_surgery rule excludes the pinned stretch: no week holds it.
backbalance plan --catalog builtin --profile "$ex/pinned_not_cleared.json" --format text --color never > blocked.txt
echo "not cleared: $?"
sed -n '/^Diagnosis/,/^$/p' blocked.txt
