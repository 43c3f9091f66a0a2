# The same input gives the same bytes; --seed overrides the profile's seed (4 here).
set -e
profile="$EXAMPLES/profiles/acute_flare.json"
backbalance plan --catalog builtin --profile "$profile" > a.json
backbalance plan --catalog builtin --profile "$profile" --seed 4 > b.json
cmp a.json b.json && echo "deterministic"
backbalance plan --catalog builtin --profile "$profile" --seed 42 > c.json
grep -o '"seed": [0-9]*' a.json c.json
