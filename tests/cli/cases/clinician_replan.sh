# docs/clinician.md, workflow 3: a missed Wednesday replanned from Thursday.
ex="$SOURCE/examples/clinician"
profile="$EXAMPLES/profiles/desk_worker.json"
backbalance replan --profile "$profile" --plan "$ex/week.json" --from-day 3 \
  --feedback "$ex/missed_wednesday.json" > rest.json
echo "replan: $?"
# Monday and Tuesday as they happened, Wednesday empty, the rest planned afresh.
backbalance replan --profile "$profile" --plan "$ex/week.json" --from-day 3 \
  --feedback "$ex/missed_wednesday.json" --format text --color never | sed -n '/^Day /,/^Sunday/p' \
  | grep -E '^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)'
backbalance evaluate --profile "$profile" --plan rest.json > /dev/null
echo "evaluate: $?"
