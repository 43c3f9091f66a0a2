# The feedback file may also be an object {"feedback": [...]}; the text form works too.
cat > feedback.json <<'JSON'
{"feedback": [
  {"day": 5, "exercise": "walking", "completed": true, "rpe": 3}
]}
JSON
backbalance next-week --catalog builtin --profile "$EXAMPLES/profiles/desk_worker.json" \
  --plan "$EXAMPLES/plans/desk_worker_week.json" --feedback feedback.json --format text
