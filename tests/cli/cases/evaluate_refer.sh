# With a red flag only a week of seven rest days is valid (score 0).
cat > rest.json <<'JSON'
{"schema": "backbalance.plan/1", "status": "refer", "days": [
  {"day": 0, "items": []}, {"day": 1, "items": []}, {"day": 2, "items": []},
  {"day": 3, "items": []}, {"day": 4, "items": []}, {"day": 5, "items": []},
  {"day": 6, "items": []}]}
JSON
backbalance evaluate --catalog builtin --profile "$EXAMPLES/profiles/red_flags.json" --plan rest.json
echo "rest week: $?"
backbalance evaluate --catalog builtin --profile "$EXAMPLES/profiles/red_flags.json" \
  --plan "$EXAMPLES/plans/desk_worker_week.json" > /dev/null
echo "desk worker week: $?"
