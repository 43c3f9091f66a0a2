# docs/clinician.md, workflow 3: a missed Wednesday replanned from Thursday.
ex="$SOURCE/examples/clinician"
profile="$EXAMPLES/profiles/desk_worker.json"
backbalance replan --profile "$profile" --plan "$ex/week.json" --from-day 3 \
  --feedback "$ex/missed_wednesday.json" > rest.json
echo "replan: $?"
# Monday and Tuesday as they happened, Wednesday empty (missed), the rest planned afresh.
backbalance replan --profile "$profile" --plan "$ex/week.json" --from-day 3 \
  --feedback "$ex/missed_wednesday.json" --format text --color never > rest.txt
grep -E '^(Monday|Tuesday|Wednesday) ' rest.txt
backbalance evaluate --catalog builtin --profile "$profile" --plan rest.json > /dev/null
echo "evaluate: $?"
# Without feedback, Monday to Wednesday happened as planned.
backbalance replan --profile "$profile" --plan "$ex/week.json" --from-day 3 --format text \
  --color never | grep -E '^Wednesday '
