# The same input gives the same bytes; --seed overrides the profile's seed.
set -e
profile="$EXAMPLES/profiles/desk_worker.json"
backbalance plan --catalog builtin --profile "$profile" > a.json
backbalance plan --catalog builtin --profile "$profile" > b.json
cmp a.json b.json && echo "deterministic"
backbalance plan --catalog builtin --profile "$profile" --seed 42 > c.json
grep -o '"seed": [0-9]*' a.json c.json
